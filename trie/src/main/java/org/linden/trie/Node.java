package org.linden.trie;

import org.linden.crypto.Keccak;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A trie node. Nodes are immutable in content: an update builds new nodes along the
 * changed path and shares the rest, so the encoding and hash cached on a node stay valid
 * for its lifetime. That sharing is what makes hashing lazy and incremental: computing a
 * root only encodes the nodes created since the last time a root was asked for.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  /** A node whose RLP is shorter than this is embedded in its parent instead of hashed. */
  static final int INLINE_LIMIT = 32;

  private Bytes encoded;
  private Hash hash;
  /** True once the node is in the store (or embedded in a stored node); commit skips it. */
  boolean persisted;

  /** Builds this node's RLP; called at most once thanks to the cache. */
  abstract Bytes encode();

  /** This node's RLP encoding, computed on first use. */
  Bytes encoded() {
    Bytes e = encoded;
    if (e == null) {
      e = encode();
      encoded = e;
    }
    return e;
  }

  /** keccak256 of the encoding, computed on first use. */
  Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak.hash256(encoded());
      hash = h;
    }
    return h;
  }

  /** True if a parent embeds this node rather than referring to it by hash. */
  boolean isInline() {
    return encoded().size() < INLINE_LIMIT;
  }

  /** Writes how a parent refers to this node: the node itself if short, else its hash. */
  void writeReference(RlpWriter w) {
    Bytes e = encoded();
    if (e.size() < INLINE_LIMIT) {
      w.writeRaw(e);
    } else {
      w.writeBytes(hash().bytes());
    }
  }

  /** Seeds the caches for a node decoded from known bytes, so they are never recomputed. */
  void seed(Bytes encoding, Hash knownHash) {
    this.encoded = encoding;
    this.hash = knownHash;
    this.persisted = true;
  }
}
