package org.linden.trie;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks a trie depth-first in key order. A branch's own value comes before its children
 * because its key is a prefix of theirs; children go in nibble order, which is byte order
 * of the keys. Stored nodes are loaded as the walk reaches them, so iterating a large
 * stored trie holds only the current path and pending siblings in memory.
 */
final class TrieIterator implements Iterator<TrieEntry> {
  private record Pending(Node node, byte[] path) {}

  private final Deque<Pending> stack = new ArrayDeque<>();
  private final NodeLoader loader;
  private TrieEntry next;

  TrieIterator(Node root, NodeLoader loader) {
    this.loader = loader;
    if (root != null) {
      stack.push(new Pending(root, Nibbles.EMPTY));
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public TrieEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TrieEntry e = next;
    next = null;
    return e;
  }

  private TrieEntry advance() {
    while (!stack.isEmpty()) {
      Pending p = stack.pop();
      Node node = loader.resolve(p.node, p.path, p.path.length);
      switch (node) {
        case LeafNode leaf -> {
          return new TrieEntry(Nibbles.toBytes(Nibbles.concat(p.path, leaf.path), p.path.length + leaf.path.length),
              leaf.value);
        }
        case ExtensionNode ext -> stack.push(new Pending(ext.child, Nibbles.concat(p.path, ext.path)));
        case BranchNode branch -> {
          // Pushed in reverse so nibble 0 is popped first; the value is emitted right now.
          for (int i = 15; i >= 0; i--) {
            if (branch.children[i] != null) {
              stack.push(new Pending(branch.children[i], Nibbles.append(p.path, p.path.length, i)));
            }
          }
          if (branch.value != null) {
            return new TrieEntry(Nibbles.toBytes(p.path, p.path.length), branch.value);
          }
        }
        case HashNode h -> throw new IllegalStateException("loader returned a placeholder");
      }
    }
    return null;
  }
}
