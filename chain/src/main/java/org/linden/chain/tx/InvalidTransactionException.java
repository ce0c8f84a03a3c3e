package org.linden.chain.tx;

/**
 * A transaction that cannot be decoded or is not valid under the rules it was checked
 * against. {@link #reason()} classifies the failure for callers that react to it (a peer
 * penalty, a JSON-RPC error code); the message says what exactly was wrong, naming the
 * field when there is one.
 *
 * <p>This is a checked exception because every source of transactions (peers, RPC,
 * files) is untrusted input, and a caller must decide what a rejection means for it.
 */
public final class InvalidTransactionException extends Exception {
  /** Why a transaction was rejected. */
  public enum Reason {
    /** The bytes are not canonical RLP, or not the shape of any transaction. */
    MALFORMED_RLP,
    /** A field is a list where a string is expected, or the other way round. */
    WRONG_FIELD_TYPE,
    /** A list has fewer or more items than the type defines. */
    WRONG_FIELD_COUNT,
    /** An integer field has a leading zero byte. */
    LEADING_ZEROS,
    /** An integer does not fit its field (64 bits for nonce and gas, 256 for values and fees). */
    VALUE_TOO_LARGE,
    /** An address is not 20 bytes. */
    ADDRESS_WRONG_SIZE,
    /** A storage key or versioned hash is not 32 bytes. */
    HASH_WRONG_SIZE,
    /** Bytes follow the end of the transaction. */
    TRAILING_BYTES,
    /** The type byte is unknown, or the type is not active in the fork. */
    TYPE_NOT_SUPPORTED,
    /** The signature values are out of range or recover no key. */
    INVALID_SIGNATURE,
    /** The chain id (in the field, or encoded in a legacy v) is not this chain's. */
    INVALID_CHAIN_ID,
    /** The nonce is 2^64-1 or more (EIP-2681). */
    NONCE_TOO_BIG,
    /** The gas limit is below the intrinsic gas or the EIP-7623 calldata floor. */
    INTRINSIC_GAS_TOO_LOW,
    /** The gas limit is above the per-transaction cap (EIP-7825). */
    GAS_LIMIT_ABOVE_CAP,
    /** gas limit × max fee per gas does not fit in 256 bits. */
    GAS_PRICE_PRODUCT_OVERFLOW,
    /** The priority fee is higher than the max fee (EIP-1559). */
    PRIORITY_FEE_ABOVE_MAX_FEE,
    /** Contract-creation initcode is longer than 49152 bytes (EIP-3860). */
    INITCODE_SIZE_EXCEEDED,
    /** A blob or set-code transaction has no {@code to}. */
    CONTRACT_CREATION_NOT_ALLOWED,
    /** A blob transaction carries no blob hashes. */
    NO_BLOBS,
    /** More blobs than the fork allows in one transaction. */
    TOO_MANY_BLOBS,
    /** A blob versioned hash does not start with the KZG version byte 0x01. */
    INVALID_BLOB_VERSIONED_HASH,
    /** The blobs, commitments and proofs of a network wrapper do not match the transaction. */
    BLOB_SIDECAR_MISMATCH,
    /** A set-code transaction has an empty authorization list. */
    EMPTY_AUTHORIZATION_LIST
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidTransactionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The reason and the detail, e.g. {@code LEADING_ZEROS: nonce: integer has a leading zero byte}. */
  @Override
  public String toString() {
    return reason + ": " + getMessage();
  }
}
