package org.linden.chain.block;

/**
 * Block data (a header, a body, a block, a withdrawal or a receipt) that cannot be decoded,
 * or a block that breaks a rule of the fork it belongs to. {@link #reason()} classifies the
 * failure so that a caller can react to it (penalise a peer, answer an Engine API call with
 * the right status); the message says exactly what was wrong and names the field, using
 * the execution-specs field names ({@code header.base_fee_per_gas}, ...).
 *
 * <p>Checked, because every source of blocks (peers, files, RPC) is untrusted input and a
 * caller must decide what a rejection means for it.
 */
public final class InvalidBlockException extends Exception {
  /** Why block data was rejected. */
  public enum Reason {
    /** The bytes are not canonical RLP, or not the shape of the expected item. */
    MALFORMED_RLP,
    /** A field is a list where a string is expected, or the other way round. */
    WRONG_FIELD_TYPE,
    /** A list has a number of items that no fork defines for it. */
    WRONG_FIELD_COUNT,
    /** A fixed-size field (hash, address, bloom, nonce) has another size. */
    WRONG_FIELD_SIZE,
    /** An integer field has a leading zero byte. */
    LEADING_ZEROS,
    /** An integer does not fit its field (64 bits for gas and times, 256 for difficulty and fees). */
    VALUE_TOO_LARGE,
    /** Bytes follow the end of the item. */
    TRAILING_BYTES,
    /** A transaction of the body cannot be decoded. */
    INVALID_TRANSACTION,
    /** A receipt's first field is neither a status (empty or 0x01) nor a 32-byte post-state root. */
    INVALID_RECEIPT_STATUS,
    /** A typed receipt's type byte is not a known transaction type. */
    UNKNOWN_RECEIPT_TYPE
  }

  private final Reason reason;

  public InvalidBlockException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidBlockException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The reason and the detail, e.g. {@code WRONG_FIELD_SIZE: header.coinbase: expected ...}. */
  @Override
  public String toString() {
    return reason + ": " + getMessage();
  }
}
