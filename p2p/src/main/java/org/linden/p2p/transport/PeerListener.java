package org.linden.p2p.transport;

import org.linden.p2p.rlpx.DisconnectReason;

/**
 * Told when a peer becomes usable (RLPx handshake and Hello done, admitted) and when it
 * goes away. Called on the peer's I/O thread; must not block.
 */
public interface PeerListener {
  default void onConnected(Peer peer) {}

  /**
   * @param reason the reason sent or received; {@link DisconnectReason#TCP_ERROR} when the
   *     socket closed without a Disconnect message
   * @param byRemote whether the remote side ended the connection
   */
  default void onDisconnected(Peer peer, DisconnectReason reason, boolean byRemote) {}
}
