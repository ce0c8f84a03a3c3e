package org.linden.trie;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A child known only by hash: a node in the store that has not been loaded. Loading is
 * done on demand by {@link NodeLoader}; this placeholder keeps unvisited parts of a large
 * stored trie out of memory.
 */
final class HashNode extends Node {
  private final Hash reference;

  HashNode(Hash reference) {
    this.reference = reference;
    this.persisted = true;
  }

  @Override
  Bytes encode() {
    throw new IllegalStateException("node " + reference + " has not been loaded");
  }

  @Override
  Hash hash() {
    return reference;
  }

  @Override
  boolean isInline() {
    // Only nodes of 32 bytes or more are referred to by hash.
    return false;
  }

  @Override
  void writeReference(RlpWriter w) {
    w.writeBytes(reference.bytes());
  }
}
