package org.linden.p2p.transport;

import java.util.Optional;
import org.linden.p2p.rlpx.DisconnectReason;

/**
 * A dial that did not end in a usable peer: refused before dialling (self, banned,
 * already connected, no free slot), a socket error, a failed handshake, or a Disconnect
 * from either side before Hello completed.
 */
public final class PeerConnectException extends RuntimeException {
  private final DisconnectReason reason;
  private final boolean byRemote;

  public PeerConnectException(DisconnectReason reason, boolean byRemote, String detail) {
    super(detail);
    this.reason = reason;
    this.byRemote = byRemote;
  }

  public PeerConnectException(String detail, Throwable cause) {
    super(detail, cause);
    this.reason = null;
    this.byRemote = false;
  }

  /** The Disconnect reason, if the attempt ended with one. */
  public Optional<DisconnectReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** Whether the remote side sent the reason. */
  public boolean byRemote() {
    return byRemote;
  }
}
