package org.linden.trie;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/** A run of nibbles shared by every key below it, followed by one child (a branch). */
final class ExtensionNode extends Node {
  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  @Override
  Bytes encode() {
    RlpWriter w = new RlpWriter(path.length / 2 + 40);
    w.startList();
    w.writeBytes(HexPrefix.encode(path, false));
    child.writeReference(w);
    w.endList();
    return w.toBytes();
  }
}
