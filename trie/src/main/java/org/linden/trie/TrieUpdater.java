package org.linden.trie;

import org.linden.types.Bytes;

/**
 * Insertion and deletion as pure functions from an old node to a new one. Each returns
 * the very same node object when nothing changed, so unchanged subtrees keep their cached
 * hashes and a no-op update costs no rehashing. Placeholders are loaded only along the
 * path being changed (and, when a branch collapses, for its one remaining child).
 */
final class TrieUpdater {
  private final NodeLoader loader;

  TrieUpdater(NodeLoader loader) {
    this.loader = loader;
  }

  /** {@code node} (at depth {@code offset} of {@code key}) with {@code key} set to {@code value}. */
  Node put(Node node, byte[] key, int offset, Bytes value) {
    return switch (node) {
      case null -> new LeafNode(Nibbles.slice(key, offset, key.length), value);
      case LeafNode leaf -> putIntoLeaf(leaf, key, offset, value);
      case ExtensionNode ext -> putIntoExtension(ext, key, offset, value);
      case BranchNode branch -> putIntoBranch(branch, key, offset, value);
      case HashNode h -> {
        Node loaded = loader.resolve(h, key, offset);
        Node updated = put(loaded, key, offset, value);
        yield updated == loaded ? h : updated;
      }
    };
  }

  /** {@code node} without {@code key}; null when the subtree becomes empty. */
  Node delete(Node node, byte[] key, int offset) {
    return switch (node) {
      case null -> null;
      case LeafNode leaf -> Nibbles.restEquals(key, offset, leaf.path) ? null : leaf;
      case ExtensionNode ext -> deleteBelowExtension(ext, key, offset);
      case BranchNode branch -> deleteBelowBranch(branch, key, offset);
      case HashNode h -> {
        Node loaded = loader.resolve(h, key, offset);
        Node updated = delete(loaded, key, offset);
        yield updated == loaded ? h : updated;
      }
    };
  }

  private Node putIntoLeaf(LeafNode leaf, byte[] key, int offset, Bytes value) {
    int common = Nibbles.commonPrefix(leaf.path, key, offset);
    int rest = key.length - offset;
    if (common == leaf.path.length && common == rest) {
      return leaf.value.equals(value) ? leaf : new LeafNode(leaf.path, value);
    }
    // The keys diverge after `common` nibbles: a branch there holds both.
    Node[] children = new Node[16];
    Bytes branchValue = null;
    if (common == leaf.path.length) {
      branchValue = leaf.value;
    } else {
      children[leaf.path[common]] = new LeafNode(Nibbles.slice(leaf.path, common + 1, leaf.path.length), leaf.value);
    }
    if (common == rest) {
      branchValue = value;
    } else {
      children[key[offset + common]] = new LeafNode(Nibbles.slice(key, offset + common + 1, key.length), value);
    }
    return withPrefix(Nibbles.slice(leaf.path, 0, common), new BranchNode(children, branchValue));
  }

  private Node putIntoExtension(ExtensionNode ext, byte[] key, int offset, Bytes value) {
    int common = Nibbles.commonPrefix(ext.path, key, offset);
    if (common == ext.path.length) {
      Node child = put(ext.child, key, offset + common, value);
      return child == ext.child ? ext : new ExtensionNode(ext.path, child);
    }
    // The new key leaves the shared run part-way: split the extension around a branch.
    Node[] children = new Node[16];
    Bytes branchValue = null;
    int remaining = ext.path.length - common - 1;
    children[ext.path[common]] = remaining == 0
        ? ext.child
        : new ExtensionNode(Nibbles.slice(ext.path, common + 1, ext.path.length), ext.child);
    if (offset + common == key.length) {
      branchValue = value;
    } else {
      children[key[offset + common]] = new LeafNode(Nibbles.slice(key, offset + common + 1, key.length), value);
    }
    return withPrefix(Nibbles.slice(ext.path, 0, common), new BranchNode(children, branchValue));
  }

  private Node putIntoBranch(BranchNode branch, byte[] key, int offset, Bytes value) {
    if (offset == key.length) {
      return value.equals(branch.value) ? branch : branch.withValue(value);
    }
    int nibble = key[offset];
    Node old = branch.children[nibble];
    Node child = put(old, key, offset + 1, value);
    return child == old ? branch : branch.withChild(nibble, child);
  }

  private Node deleteBelowExtension(ExtensionNode ext, byte[] key, int offset) {
    if (!Nibbles.startsWith(key, offset, ext.path)) {
      return ext;
    }
    int childDepth = offset + ext.path.length;
    Node child = delete(ext.child, key, childDepth);
    if (child == ext.child) {
      return ext;
    }
    return prepend(ext.path, child, key, childDepth);
  }

  private Node deleteBelowBranch(BranchNode branch, byte[] key, int offset) {
    if (offset == key.length) {
      return branch.value == null ? branch : collapse(branch.withValue(null), key, offset);
    }
    int nibble = key[offset];
    Node old = branch.children[nibble];
    Node child = delete(old, key, offset + 1);
    return child == old ? branch : collapse(branch.withChild(nibble, child), key, offset);
  }

  /**
   * A branch left with a single entry is no longer canonical: it becomes a leaf (only a
   * value left) or merges its one child, lengthened by that child's nibble.
   */
  private Node collapse(BranchNode branch, byte[] key, int offset) {
    int entries = branch.entryCount();
    if (entries >= 2) {
      return branch;
    }
    if (entries == 0) {
      return null;
    }
    if (branch.value != null) {
      return new LeafNode(Nibbles.EMPTY, branch.value);
    }
    int only = 0;
    while (branch.children[only] == null) {
      only++;
    }
    byte[] childPath = Nibbles.append(key, offset, only);
    return prepend(new byte[] {(byte) only}, branch.children[only], childPath, offset + 1);
  }

  /**
   * {@code prefix} followed by {@code child}, in canonical form: a leaf or extension
   * absorbs the prefix; a branch gets an extension in front. {@code path[0..depth)} is the
   * child's position, needed if it must be loaded to see what it is.
   */
  private Node prepend(byte[] prefix, Node child, byte[] path, int depth) {
    Node resolved = loader.resolve(child, path, depth);
    return switch (resolved) {
      case null -> null;
      case LeafNode leaf -> new LeafNode(Nibbles.concat(prefix, leaf.path), leaf.value);
      case ExtensionNode ext -> new ExtensionNode(Nibbles.concat(prefix, ext.path), ext.child);
      // Keep the original reference: a branch does not move, so a placeholder stays valid.
      case BranchNode branch -> new ExtensionNode(prefix, child);
      case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
    };
  }

  private static Node withPrefix(byte[] prefix, BranchNode branch) {
    return prefix.length == 0 ? branch : new ExtensionNode(prefix, branch);
  }
}
