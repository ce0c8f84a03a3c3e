package org.linden.p2p.enr;

/** A node record that cannot be accepted; {@link #reason()} says why. */
public final class EnrException extends RuntimeException {
  /** The ways a node record can be invalid. */
  public enum Reason {
    /** The encoded record is larger than the 300 bytes EIP-778 allows. */
    TOO_LARGE,
    /** The bytes or text are not a well-formed record. */
    MALFORMED,
    /** Keys are not in strictly increasing byte order (unsorted or duplicated). */
    UNSORTED_KEYS,
    /** The "id" key names a scheme other than "v4", or is missing. */
    UNKNOWN_SCHEME,
    /** The "secp256k1" key is missing or is not a compressed curve point. */
    BAD_PUBLIC_KEY,
    /** The signature was not made by the record's key over its content. */
    BAD_SIGNATURE,
    /** A known key holds a value of the wrong shape (e.g. a 5-byte "ip"). */
    BAD_VALUE
  }

  private final Reason reason;

  public EnrException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public EnrException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
