package org.linden.state;

import java.util.Optional;
import org.linden.trie.NodeStore;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A read-only {@link NodeStore} over one trie's nodes in {@link Column#TRIE_NODES}, for
 * proofs. A node at the right path but with another hash counts as absent.
 */
final class TrieNodeReader implements NodeStore {
  private final ColumnReader reader;
  private final Bytes triePrefix;

  TrieNodeReader(ColumnReader reader, Bytes triePrefix) {
    this.reader = reader;
    this.triePrefix = triePrefix;
  }

  @Override
  public Optional<Bytes> get(Bytes path, Hash hash) {
    return reader.get(Column.TRIE_NODES, StateKeys.trieNode(triePrefix, path))
        .flatMap(stored -> StateKeys.trieNodeIfHash(stored, hash));
  }

  @Override
  public void put(Bytes path, Hash hash, Bytes encoded) {
    throw new UnsupportedOperationException("a trie opened for reading cannot be committed");
  }
}
