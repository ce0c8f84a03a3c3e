package org.linden.trie;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/** The end of a key: the remaining nibbles of the path and the value stored there. */
final class LeafNode extends Node {
  final byte[] path;
  final Bytes value;

  LeafNode(byte[] path, Bytes value) {
    this.path = path;
    this.value = value;
  }

  @Override
  Bytes encode() {
    RlpWriter w = new RlpWriter(path.length / 2 + value.size() + 12);
    w.startList();
    w.writeBytes(HexPrefix.encode(path, true));
    w.writeBytes(value);
    w.endList();
    return w.toBytes();
  }
}
