package org.linden.p2p.transport;

import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.types.Bytes;

/**
 * The receiving side of a sub-protocol. Calls for one peer come one at a time, in wire
 * order, on that peer's I/O thread: a handler must not block there and should hand slow
 * work (block import, disk reads) to its own executor.
 *
 * <p>A handler that finds a message malformed or abusive throws
 * {@link ProtocolViolationException}: the peer is disconnected with its reason and
 * banned for a while. Any other exception disconnects with
 * {@link DisconnectReason#SUBPROTOCOL_ERROR} and is logged as a bug.
 */
public interface ProtocolHandler {
  /**
   * The peer finished Hello and this protocol was negotiated at version
   * {@code negotiated.version()}; it is called before any message of the protocol is
   * delivered, so a protocol like eth can send its Status here.
   */
  default void onConnect(Peer peer, Capability negotiated) {}

  /**
   * One message of this protocol.
   *
   * @param code the message code relative to the protocol (0 is its first message)
   * @param payload the RLP payload, decompressed
   */
  void onMessage(Peer peer, int code, Bytes payload);

  /** The connection closed; no more messages will come from this peer. */
  default void onDisconnect(Peer peer, DisconnectReason reason, boolean byRemote) {}
}
