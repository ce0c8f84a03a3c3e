package org.linden.trie;

import java.util.Optional;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Where trie nodes live between uses. Every call names a node by both its hash and its
 * path (the nibbles from the root to the node, one nibble 0..15 per byte; empty for the
 * root), so an implementation may key nodes either way: by hash, which is simple and
 * deduplicates, or by path, which keeps one version per position and lets old versions be
 * overwritten instead of garbage-collected. Only nodes whose encoding is 32 bytes or more
 * are stored, plus the root of every committed trie; shorter nodes live inside their
 * parent.
 */
public interface NodeStore {
  /**
   * The encoded node with {@code hash} at {@code path}, or empty if the store does not
   * have it. A path-keyed store must return empty when the node at {@code path} has a
   * different hash, never the wrong node.
   */
  Optional<Bytes> get(Bytes path, Hash hash);

  /** Stores {@code encoded}, whose keccak256 is {@code hash}, found at {@code path}. */
  void put(Bytes path, Hash hash, Bytes encoded);
}
