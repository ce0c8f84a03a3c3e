package org.linden.trie;

import java.util.Arrays;

/**
 * Finds the neighbours of a key that need not be in the trie: the next key strictly
 * above it and the previous key strictly below it. Each search follows the key's path
 * and, where the path leaves the trie, steps to the nearest sibling subtree and takes its
 * first or last entry, so it visits O(depth) nodes rather than iterating.
 */
final class TrieNavigator {
  private final NodeLoader loader;

  TrieNavigator(NodeLoader loader) {
    this.loader = loader;
  }

  /** The entry with the smallest key greater than {@code target}, or null. */
  TrieEntry higher(Node node, byte[] target, int depth) {
    Node n = loader.resolve(node, target, depth);
    switch (n) {
      case null -> {
        return null;
      }
      case LeafNode leaf -> {
        return compareKey(leaf.path, target, depth) > 0 ? leafEntry(target, depth, leaf) : null;
      }
      case ExtensionNode ext -> {
        int cmp = comparePrefix(ext.path, target, depth);
        if (cmp < 0) {
          return null;
        }
        byte[] childPath = concat(target, depth, ext.path);
        return cmp > 0 ? first(ext.child, childPath) : higher(ext.child, target, depth + ext.path.length);
      }
      case BranchNode branch -> {
        int from = 0;
        if (depth < target.length) {
          int nibble = target[depth];
          TrieEntry below = higher(branch.children[nibble], target, depth + 1);
          if (below != null) {
            return below;
          }
          from = nibble + 1;
        }
        // Target ends here or below `from - 1`: everything in later children is greater.
        for (int i = from; i < 16; i++) {
          TrieEntry e = first(branch.children[i], Nibbles.append(target, depth, i));
          if (e != null) {
            return e;
          }
        }
        return null;
      }
      case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
    }
  }

  /** The entry with the largest key smaller than {@code target}, or null. */
  TrieEntry lower(Node node, byte[] target, int depth) {
    Node n = loader.resolve(node, target, depth);
    switch (n) {
      case null -> {
        return null;
      }
      case LeafNode leaf -> {
        return compareKey(leaf.path, target, depth) < 0 ? leafEntry(target, depth, leaf) : null;
      }
      case ExtensionNode ext -> {
        int cmp = comparePrefix(ext.path, target, depth);
        if (cmp > 0) {
          return null;
        }
        byte[] childPath = concat(target, depth, ext.path);
        return cmp < 0 ? last(ext.child, childPath) : lower(ext.child, target, depth + ext.path.length);
      }
      case BranchNode branch -> {
        if (depth == target.length) {
          // This branch's key is the target itself and its children are above it.
          return null;
        }
        int nibble = target[depth];
        TrieEntry below = lower(branch.children[nibble], target, depth + 1);
        if (below != null) {
          return below;
        }
        for (int i = nibble - 1; i >= 0; i--) {
          TrieEntry e = last(branch.children[i], Nibbles.append(target, depth, i));
          if (e != null) {
            return e;
          }
        }
        return branch.value == null ? null : new TrieEntry(Nibbles.toBytes(target, depth), branch.value);
      }
      case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
    }
  }

  /** The smallest entry of the subtree at {@code path}. */
  TrieEntry first(Node node, byte[] path) {
    Node n = loader.resolve(node, path, path.length);
    return switch (n) {
      case null -> null;
      case LeafNode leaf -> leafEntry(path, path.length, leaf);
      case ExtensionNode ext -> first(ext.child, Nibbles.concat(path, ext.path));
      case BranchNode branch -> {
        if (branch.value != null) {
          yield new TrieEntry(Nibbles.toBytes(path, path.length), branch.value);
        }
        TrieEntry e = null;
        for (int i = 0; i < 16 && e == null; i++) {
          e = first(branch.children[i], Nibbles.append(path, path.length, i));
        }
        yield e;
      }
      case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
    };
  }

  /** The largest entry of the subtree at {@code path}. */
  TrieEntry last(Node node, byte[] path) {
    Node n = loader.resolve(node, path, path.length);
    return switch (n) {
      case null -> null;
      case LeafNode leaf -> leafEntry(path, path.length, leaf);
      case ExtensionNode ext -> last(ext.child, Nibbles.concat(path, ext.path));
      case BranchNode branch -> {
        TrieEntry e = null;
        for (int i = 15; i >= 0 && e == null; i--) {
          e = last(branch.children[i], Nibbles.append(path, path.length, i));
        }
        if (e == null && branch.value != null) {
          e = new TrieEntry(Nibbles.toBytes(path, path.length), branch.value);
        }
        yield e;
      }
      case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
    };
  }

  /**
   * Compares the key {@code target[0..depth) + part} with {@code target}: the sign of
   * {@code part} against {@code target[depth..)}, a proper prefix being the smaller.
   */
  private static int compareKey(byte[] part, byte[] target, int depth) {
    return Arrays.compare(part, 0, part.length, target, depth, target.length);
  }

  /**
   * Compares every key below {@code target[0..depth) + part} with {@code target}: negative
   * if all are smaller, positive if all are greater (including when the target ends inside
   * {@code part}), zero if the target continues below {@code part}.
   */
  private static int comparePrefix(byte[] part, byte[] target, int depth) {
    int len = Math.min(part.length, target.length - depth);
    return Arrays.compare(part, 0, part.length, target, depth, depth + len);
  }

  private static byte[] concat(byte[] target, int depth, byte[] part) {
    byte[] out = Arrays.copyOf(target, depth + part.length);
    System.arraycopy(part, 0, out, depth, part.length);
    return out;
  }

  private static TrieEntry leafEntry(byte[] path, int depth, LeafNode leaf) {
    byte[] full = concat(path, depth, leaf.path);
    return new TrieEntry(Nibbles.toBytes(full, full.length), leaf.value);
  }
}
