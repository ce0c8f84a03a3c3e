package org.linden.p2p.rlpx;

/**
 * A failure of the RLPx transport: a handshake or frame that does not decrypt, fails its
 * MAC, is malformed or too large. Any of these means the peer must be dropped, so the
 * reason is typed rather than left to message strings.
 */
public final class RlpxException extends RuntimeException {
  /** What went wrong. */
  public enum Reason {
    /** An ECIES message whose HMAC tag does not match, or which is too short to hold one. */
    ECIES_AUTH_FAILED,
    /** A public key that is not a point on secp256k1. */
    INVALID_PUBLIC_KEY,
    /** An auth or ack body that does not decode. */
    MALFORMED_HANDSHAKE,
    /** A frame header MAC that does not match. */
    BAD_HEADER_MAC,
    /** A frame body MAC that does not match. */
    BAD_FRAME_MAC,
    /** A frame, or a decompressed message, over the size limit. */
    FRAME_TOO_LARGE,
    /** A frame body or message that does not decode. */
    MALFORMED_MESSAGE
  }

  private final Reason reason;

  public RlpxException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public RlpxException(Reason reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
