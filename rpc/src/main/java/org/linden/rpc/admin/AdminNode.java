package org.linden.rpc.admin;

import java.util.List;

/**
 * What the {@code admin} namespace needs from the node's network layer: its own identity
 * and listening addresses, the connected peers, and dialling or dropping a peer by its
 * {@code enode://} URL. The node module implements it over the p2p server; the rpc module
 * never sees sockets.
 */
public interface AdminNode {
  /** This node's identity, addresses and the chain it serves. */
  NodeInfo nodeInfo();

  /** The connected peers, in no particular order. */
  List<PeerInfo> peers();

  /**
   * Remembers {@code enode} as a static peer and dials it (now, and again whenever the
   * connection drops).
   *
   * @throws IllegalArgumentException if it is not a valid {@code enode://} URL, with the reason
   */
  void addPeer(String enode);

  /**
   * Forgets the static peer {@code enode} and disconnects it if connected.
   *
   * @return whether it was a static peer or connected
   * @throws IllegalArgumentException if it is not a valid {@code enode://} URL, with the reason
   */
  boolean removePeer(String enode);
}
