package org.linden.p2p.discovery;

import org.linden.crypto.PublicKey;
import org.linden.p2p.identity.NodeId;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A signed discovery packet: the wire bytes, the packet hash (which Pong and ENRResponse
 * echo back), the sender's key recovered from the signature, and the message.
 */
public record Packet(Bytes bytes, Hash hash, PublicKey sender, Message message) {
  /** The sender's node id (keccak256 of its public key). */
  public NodeId senderId() {
    return NodeId.of(sender);
  }

  /** For an ENRResponse: whether the record was signed by the same key as the packet. */
  public boolean enrMatchesSender() {
    return message instanceof Message.EnrResponse r && r.record().publicKey().equals(sender);
  }
}
