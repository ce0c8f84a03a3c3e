package org.linden.trie;

import org.linden.types.Bytes;
import org.linden.types.Hash;

/** Turns {@link HashNode} placeholders into real nodes by reading the {@link NodeStore}. */
final class NodeLoader {
  private final NodeStore store;

  NodeLoader(NodeStore store) {
    this.store = store;
  }

  NodeStore store() {
    return store;
  }

  /**
   * {@code node} itself, or if it is a placeholder the node it stands for; {@code path}
   * holds the node's position in its first {@code depth} nibbles.
   */
  Node resolve(Node node, byte[] path, int depth) {
    if (node instanceof HashNode h) {
      return load(h.hash(), Nibbles.storePath(path, depth));
    }
    return node;
  }

  /** Reads and decodes the node with {@code hash} at {@code path}. */
  Node load(Hash hash, Bytes path) {
    Bytes encoded = store.get(path, hash).orElseThrow(() -> new MissingNodeException(hash, path));
    try {
      return NodeCodec.decode(encoded, hash);
    } catch (MalformedNodeException e) {
      throw new MalformedNodeException("stored node " + hash + " at path "
          + MissingNodeException.describe(path) + ": " + e.getMessage(), e);
    }
  }
}
