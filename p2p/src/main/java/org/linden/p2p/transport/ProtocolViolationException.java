package org.linden.p2p.transport;

import org.linden.p2p.rlpx.DisconnectReason;

/**
 * Thrown by a {@link ProtocolHandler} when a peer sent something it must not: the peer
 * is disconnected with {@link #reason()} and its node id is banned for the configured
 * time.
 */
public final class ProtocolViolationException extends RuntimeException {
  private final DisconnectReason reason;

  public ProtocolViolationException(DisconnectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public ProtocolViolationException(DisconnectReason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = reason;
  }

  public DisconnectReason reason() {
    return reason;
  }
}
