package org.linden.trie;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * Sixteen children, one per next nibble, plus the value of the key that ends exactly
 * here ({@code null} if none). Updates copy the node, never modify it.
 */
final class BranchNode extends Node {
  final Node[] children;
  final Bytes value;

  BranchNode(Node[] children, Bytes value) {
    this.children = children;
    this.value = value;
  }

  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  BranchNode withValue(Bytes newValue) {
    return new BranchNode(children, newValue);
  }

  /** Children plus the value: a canonical branch has at least two. */
  int entryCount() {
    int n = value == null ? 0 : 1;
    for (Node c : children) {
      if (c != null) {
        n++;
      }
    }
    return n;
  }

  @Override
  Bytes encode() {
    RlpWriter w = new RlpWriter(16 * 33 + (value == null ? 1 : value.size() + 9));
    w.startList();
    for (Node c : children) {
      if (c == null) {
        w.writeBytes(Bytes.EMPTY);
      } else {
        c.writeReference(w);
      }
    }
    w.writeBytes(value == null ? Bytes.EMPTY : value);
    w.endList();
    return w.toBytes();
  }
}
