package org.linden.trie;

import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A node the trie refers to is not in its {@link NodeStore}: the store was pruned, is
 * incomplete (mid-sync), or the root hash does not belong to it.
 */
public final class MissingNodeException extends TrieException {
  private final Hash hash;
  private final Bytes path;

  public MissingNodeException(Hash hash, Bytes path) {
    super("trie node " + hash + " at path " + describe(path) + " is not in the store");
    this.hash = hash;
    this.path = path;
  }

  /** The hash of the missing node. */
  public Hash hash() {
    return hash;
  }

  /** Its nibble path from the root, one nibble per byte. */
  public Bytes path() {
    return path;
  }

  static String describe(Bytes path) {
    if (path.isEmpty()) {
      return "<root>";
    }
    StringBuilder sb = new StringBuilder(path.size());
    for (int i = 0; i < path.size(); i++) {
      sb.append(Character.forDigit(path.getUnsigned(i), 16));
    }
    return sb.toString();
  }
}
