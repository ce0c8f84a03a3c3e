package org.linden.state;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.linden.trie.MerkleTrie;
import org.linden.trie.NodeStore;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The {@link NodeStore} of one trie while a block updates it: nodes are read from and
 * written to the block's {@link StateWriteSet}, and the paths read and written are
 * remembered so that {@link #pruneStale(Hash)} can delete the nodes the update made
 * unreachable.
 *
 * <p>With nodes keyed by path, a changed node simply overwrites its old version. What is
 * left to clean up are old nodes at paths where the new trie has no stored node: the leaf
 * of a deleted key, a branch that collapsed, a sibling that moved up into its parent,
 * a node that became small enough to be embedded. Every such node lay on a path the update
 * walked, so it was read during the update; nodes never read are untouched and still live.
 */
final class TrackingNodeStore implements NodeStore {
  /** Keys of the secure tries are 32-byte hashes: 64 nibbles. */
  private static final int KEY_NIBBLES = 64;

  private final StateWriteSet writes;
  private final Bytes triePrefix;
  private final Set<Bytes> loaded = new HashSet<>();
  private final Set<Bytes> written = new HashSet<>();

  TrackingNodeStore(StateWriteSet writes, Bytes triePrefix) {
    this.writes = writes;
    this.triePrefix = triePrefix;
  }

  @Override
  public Optional<Bytes> get(Bytes path, Hash hash) {
    Optional<Bytes> node = read(path, hash);
    if (node.isPresent()) {
      loaded.add(path);
    }
    return node;
  }

  @Override
  public void put(Bytes path, Hash hash, Bytes encoded) {
    writes.put(Column.TRIE_NODES, StateKeys.trieNode(triePrefix, path), StateKeys.trieNodeValue(hash, encoded));
    written.add(path);
  }

  /**
   * Deletes the nodes that were read during the update, were not rewritten by the commit,
   * and are no longer part of the trie with root {@code newRoot}.
   */
  void pruneStale(Hash newRoot) {
    for (Bytes path : loaded) {
      if (!written.contains(path) && !isLive(newRoot, path)) {
        writes.delete(Column.TRIE_NODES, StateKeys.trieNode(triePrefix, path));
      }
    }
  }

  /**
   * True if the trie with {@code root} has a stored node at {@code path}. A lookup of any
   * key that starts with {@code path} passes through every node whose path is a prefix of
   * that key, so the lookup reads from the store at {@code path} exactly when a stored
   * node is there.
   */
  private boolean isLive(Hash root, Bytes path) {
    if (root.equals(MerkleTrie.EMPTY_ROOT)) {
      return false;
    }
    boolean[] seen = new boolean[1];
    NodeStore probe = new NodeStore() {
      @Override
      public Optional<Bytes> get(Bytes p, Hash hash) {
        if (p.equals(path)) {
          seen[0] = true;
        }
        return read(p, hash);
      }

      @Override
      public void put(Bytes p, Hash hash, Bytes encoded) {
        throw new UnsupportedOperationException("the liveness probe only reads");
      }
    };
    MerkleTrie.load(probe, root).get(keyThrough(path));
    return seen[0];
  }

  /** A full-length key whose nibbles start with {@code path} (zeros after it). */
  private static Bytes keyThrough(Bytes path) {
    byte[] key = new byte[KEY_NIBBLES / 2];
    for (int i = 0; i < path.size(); i++) {
      int nibble = path.get(i) & 0x0f;
      key[i / 2] |= (byte) ((i & 1) == 0 ? nibble << 4 : nibble);
    }
    return Bytes.wrap(key);
  }

  private Optional<Bytes> read(Bytes path, Hash hash) {
    return writes.get(Column.TRIE_NODES, StateKeys.trieNode(triePrefix, path))
        .flatMap(stored -> StateKeys.trieNodeIfHash(stored, hash));
  }
}
