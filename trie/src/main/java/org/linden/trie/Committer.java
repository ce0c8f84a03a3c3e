package org.linden.trie;

import org.linden.types.Bytes;

/**
 * Writes the not-yet-persisted part of a trie to its store. A persisted node's whole
 * subtree is persisted too (nodes are immutable and children are committed before their
 * parent is marked), so the walk stops at the first persisted node on every path.
 */
final class Committer {
  private final NodeStore store;

  Committer(NodeStore store) {
    this.store = store;
  }

  void commitRoot(Node root) {
    boolean written = !root.persisted && !root.isInline();
    commit(root, Nibbles.EMPTY);
    if (!written) {
      // load() looks the root up by hash, so it is stored even when short enough to be
      // embedded; an unchanged root is written again, which costs one idempotent put.
      store.put(Bytes.EMPTY, root.hash(), root.encoded());
    }
  }

  private void commit(Node node, byte[] path) {
    if (node == null || node.persisted) {
      return;
    }
    switch (node) {
      case LeafNode leaf -> { }
      case ExtensionNode ext -> commit(ext.child, Nibbles.concat(path, ext.path));
      case BranchNode branch -> {
        for (int i = 0; i < 16; i++) {
          if (branch.children[i] != null) {
            commit(branch.children[i], Nibbles.append(path, path.length, i));
          }
        }
      }
      case HashNode h -> { }
    }
    if (!node.isInline()) {
      store.put(Bytes.wrap(path), node.hash(), node.encoded());
    }
    node.persisted = true;
  }
}
