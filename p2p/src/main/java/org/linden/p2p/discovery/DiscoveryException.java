package org.linden.p2p.discovery;

/**
 * A discovery packet that must be dropped; {@link #reason()} says why, so the caller can
 * decide whether it merely ignores the packet (unknown type, expired) or penalises the
 * sender (bad signature, malformed data).
 */
public final class DiscoveryException extends RuntimeException {
  /** The ways a discovery packet can be rejected. */
  public enum Reason {
    /** Larger than the 1280 bytes the spec allows. */
    TOO_LARGE,
    /** Shorter than hash, signature and type. */
    TOO_SMALL,
    /** The leading hash does not match the rest of the packet. */
    BAD_HASH,
    /** The signature is malformed or no public key can be recovered from it. */
    BAD_SIGNATURE,
    /** A packet type this implementation does not know; the spec says drop silently. */
    UNKNOWN_TYPE,
    /** The packet data is not the RLP structure its type requires. */
    MALFORMED,
    /** The expiration time stamp lies in the past. */
    EXPIRED
  }

  private final Reason reason;

  public DiscoveryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DiscoveryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
