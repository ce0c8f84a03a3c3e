package org.linden.trie;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A {@link NodeStore} in a hash map, keyed by node hash (the path is not needed when every
 * node is addressed by content). For tests and for tries that never outlive the process.
 * Not thread-safe.
 */
public final class InMemoryNodeStore implements NodeStore {
  private final Map<Hash, Bytes> nodes = new HashMap<>();

  @Override
  public Optional<Bytes> get(Bytes path, Hash hash) {
    return Optional.ofNullable(nodes.get(hash));
  }

  @Override
  public void put(Bytes path, Hash hash, Bytes encoded) {
    nodes.put(hash, encoded);
  }

  /** Number of distinct nodes stored. */
  public int size() {
    return nodes.size();
  }
}
