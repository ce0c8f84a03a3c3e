package org.linden.chain.txpool;

/**
 * The pool refused a transaction. {@link #reason()} classifies the refusal; the message is
 * the reason's {@link Reason#text() text} exactly as go-ethereum words it, followed by
 * {@code ": "} and details where go-ethereum gives details too. Wallets and libraries
 * (ethers, viem, web3j) recognise these texts, so JSON-RPC passes the message through
 * unchanged.
 */
public final class TxPoolException extends Exception {
  /** Why the pool refused a transaction, with go-ethereum's error text. */
  public enum Reason {
    /** The pool already holds a transaction with this hash. */
    ALREADY_KNOWN("already known"),
    /** The bytes are not a transaction of any type. */
    INVALID_ENCODING("invalid transaction encoding"),
    /** The type is not active in the fork of the next block. */
    TYPE_NOT_SUPPORTED("transaction type not supported"),
    /** The encoded transaction is larger than the pool accepts (a denial-of-service limit). */
    OVERSIZED_DATA("oversized data"),
    /** The signature recovers no sender. */
    INVALID_SENDER("invalid sender"),
    /** The transaction is signed for another chain. */
    INVALID_CHAIN_ID("invalid chain id"),
    /** The nonce is 2^64-1 (EIP-2681). */
    NONCE_MAX("nonce has max value"),
    /** The nonce is below the sender's account nonce. */
    NONCE_TOO_LOW("nonce too low"),
    /** The nonce is further ahead of the sender's next executable nonce than the pool queues. */
    NONCE_TOO_HIGH("nonce too high"),
    /** The gas limit does not cover the intrinsic gas. */
    INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
    /** The gas limit does not cover the EIP-7623 calldata floor. */
    FLOOR_DATA_GAS("insufficient gas for floor data gas cost"),
    /** The gas limit is above the current block gas limit. */
    EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
    /** The gas limit is above the EIP-7825 per-transaction cap. */
    GAS_LIMIT_TOO_HIGH("transaction gas limit too high"),
    /** The initcode of a contract creation is above the EIP-3860 limit. */
    MAX_INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
    /** The priority fee is above the fee cap. */
    TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
    /** The fee cap is below the base fee of the next block. */
    FEE_CAP_BELOW_BASE_FEE("max fee per gas less than block base fee"),
    /**
     * The priority fee is below the pool's minimum, or the pool is full and the transaction
     * pays no more than the cheapest one it could displace.
     */
    UNDERPRICED("transaction underpriced"),
    /** A transaction with the same sender and nonce is pooled and this one does not pay enough more. */
    REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
    /** The balance does not cover this transaction and the sender's pooled transactions before it. */
    INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
    /** The sender has code that is not an EIP-7702 delegation (EIP-3607). */
    SENDER_NOT_EOA("sender not an eoa"),
    /** The sender already has as many pooled transactions as the pool allows one account. */
    ACCOUNT_LIMIT_EXCEEDED("account limit exceeded"),
    /** The sender delegates its code (EIP-7702), so the pool keeps only one transaction of it. */
    INFLIGHT_LIMIT_REACHED("in-flight transaction limit reached for delegated accounts"),
    /** The pool is full of transactions it may not displace for this one. */
    POOL_FULL("txpool is full"),
    /** A blob transaction without blob hashes. */
    MISSING_BLOB_HASHES("blob transaction missing blob hashes"),
    /** More blobs than the fork allows in one transaction. */
    TOO_MANY_BLOBS("too many blobs in transaction"),
    /** A blob versioned hash does not carry the KZG version byte. */
    BLOB_HASH_VERSION_MISMATCH("blob hash version mismatch"),
    /** The blob fee cap is below the blob base fee of the next block. */
    BLOB_FEE_CAP_TOO_LOW("max fee per blob gas less than block blob gas fee"),
    /** A blob transaction came without its blobs, commitments and proofs. */
    MISSING_SIDECAR("missing sidecar in blob transaction"),
    /** The blobs, commitments or proofs do not belong to the transaction, or a proof fails. */
    INVALID_SIDECAR("invalid blob sidecar"),
    /** A set-code transaction with no authorization. */
    EMPTY_AUTH_LIST("EIP-7702 transaction with empty auth list");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /** go-ethereum's error text for this reason. */
    public String text() {
      return text;
    }
  }

  private final Reason reason;

  /** A refusal whose message is the reason's text alone. */
  public TxPoolException(Reason reason) {
    super(reason.text());
    this.reason = reason;
  }

  /** A refusal whose message is {@code text: detail}. */
  public TxPoolException(Reason reason, String detail) {
    super(reason.text() + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
