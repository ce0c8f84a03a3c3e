package org.linden.p2p.identity;

import org.linden.crypto.Keccak;
import org.linden.crypto.PublicKey;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A node's address in the discovery DHT: keccak256 of its uncompressed public key
 * (X‖Y). Hashing spreads node ids uniformly over the 256-bit space even when the keys
 * themselves are chosen adversarially, which is what Kademlia distances rely on.
 */
public record NodeId(Hash hash) implements Comparable<NodeId> {
  /** Number of bits in a node id, and so the largest possible log distance. */
  public static final int BITS = 256;

  public NodeId {
    if (hash == null) {
      throw new IllegalArgumentException("node id hash is null");
    }
  }

  /** The node id of a public key. */
  public static NodeId of(PublicKey key) {
    return new NodeId(Keccak.hash256(key.bytes()));
  }

  public static NodeId fromHex(String hex) {
    return new NodeId(Hash.fromHex(hex));
  }

  public Bytes bytes() {
    return hash.bytes();
  }

  /**
   * The Kademlia log distance: the bit length of {@code a XOR b}, from 0 (same id) to
   * 256. Two ids at log distance d share their first 256 - d bits.
   */
  public static int logDistance(NodeId a, NodeId b) {
    byte[] x = a.hash.bytes().unsafeArray();
    byte[] y = b.hash.bytes().unsafeArray();
    for (int i = 0; i < x.length; i++) {
      int diff = (x[i] ^ y[i]) & 0xff;
      if (diff != 0) {
        return (x.length - i) * 8 - (Integer.numberOfLeadingZeros(diff) - 24);
      }
    }
    return 0;
  }

  /**
   * Compares the XOR distances of {@code a} and {@code b} to this id: negative if
   * {@code a} is closer, positive if {@code b} is, zero if they are the same id.
   */
  public int compareDistance(NodeId a, NodeId b) {
    byte[] t = hash.bytes().unsafeArray();
    byte[] x = a.hash.bytes().unsafeArray();
    byte[] y = b.hash.bytes().unsafeArray();
    for (int i = 0; i < t.length; i++) {
      int dx = (t[i] ^ x[i]) & 0xff;
      int dy = (t[i] ^ y[i]) & 0xff;
      if (dx != dy) {
        return Integer.compare(dx, dy);
      }
    }
    return 0;
  }

  @Override
  public int compareTo(NodeId o) {
    return hash.compareTo(o.hash);
  }

  @Override
  public String toString() {
    return hash.bytes().toUnprefixedHex();
  }
}
