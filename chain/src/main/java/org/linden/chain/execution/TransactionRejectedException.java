package org.linden.chain.execution;

/**
 * A transaction that is well-formed but cannot be included in this block on this state:
 * wrong nonce, too little balance, fees below the base fee, no gas left in the block.
 * Nothing of it is applied.
 */
public final class TransactionRejectedException extends Exception {
  /** Why the state or block refused the transaction. */
  public enum Reason {
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    INSUFFICIENT_FUNDS,
    FEE_CAP_BELOW_BASE_FEE,
    BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
    BLOCK_GAS_LIMIT_EXCEEDED,
    BLOB_GAS_LIMIT_EXCEEDED,
    SENDER_NOT_EOA,
    INVALID_TRANSACTION
  }

  private final Reason reason;

  public TransactionRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public TransactionRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return reason + ": " + getMessage();
  }
}
