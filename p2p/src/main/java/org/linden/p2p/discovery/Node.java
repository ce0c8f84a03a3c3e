package org.linden.p2p.discovery;

import org.linden.crypto.PublicKey;
import org.linden.p2p.identity.Enode;
import org.linden.p2p.identity.NodeId;

/**
 * A node as discovery v4 knows it: its 64-byte public key (the "node-id" on the wire)
 * and its endpoint. {@link #id()} is the keccak256 hash that distances are measured on.
 */
public record Node(NodeId id, PublicKey publicKey, Endpoint endpoint) {
  public Node {
    if (id == null || publicKey == null || endpoint == null) {
      throw new IllegalArgumentException("node needs an id, a public key and an endpoint");
    }
  }

  public static Node of(PublicKey publicKey, Endpoint endpoint) {
    return new Node(NodeId.of(publicKey), publicKey, endpoint);
  }

  /** The node an enode URL names. */
  public static Node of(Enode enode) {
    return of(enode.publicKey(), new Endpoint(enode.ip(), enode.udpPort(), enode.tcpPort()));
  }

  /** This node as an enode URL. */
  public Enode toEnode() {
    return new Enode(publicKey, endpoint.ip(), endpoint.tcpPort(), endpoint.udpPort());
  }

  /** The same node at another endpoint (it was seen at a new address). */
  public Node withEndpoint(Endpoint newEndpoint) {
    return new Node(id, publicKey, newEndpoint);
  }
}
