package org.linden.trie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The root hash straight from the Yellow Paper's definition (appendix D, functions c and
 * n), computed from the whole key set at once. It shares no code with the incremental
 * trie, so agreement between the two is evidence for both.
 */
final class ReferenceTrie {
  private ReferenceTrie() {}

  static Hash root(SortedMap<Bytes, Bytes> entries) {
    List<Map.Entry<byte[], Bytes>> items = new ArrayList<>();
    entries.forEach((k, v) -> items.add(Map.entry(Nibbles.fromBytes(k), v)));
    if (items.isEmpty()) {
      return MerkleTrie.EMPTY_ROOT;
    }
    return Keccak.hash256(structure(items, 0));
  }

  /** c(I, i): the RLP of the node for the items, all of which agree on nibbles before i. */
  private static Bytes structure(List<Map.Entry<byte[], Bytes>> items, int i) {
    RlpWriter w = new RlpWriter();
    w.startList();
    if (items.size() == 1) {
      byte[] key = items.get(0).getKey();
      w.writeBytes(HexPrefix.encode(Bytes.wrap(Nibbles.slice(key, i, key.length)), true));
      w.writeBytes(items.get(0).getValue());
      return w.endList().toBytes();
    }
    int common = Integer.MAX_VALUE;
    byte[] first = items.get(0).getKey();
    for (Map.Entry<byte[], Bytes> e : items) {
      common = Math.min(common, Nibbles.commonPrefix(Nibbles.slice(first, i, first.length), e.getKey(), i));
    }
    if (common > 0) {
      w.writeBytes(HexPrefix.encode(Bytes.wrap(Nibbles.slice(first, i, i + common)), false));
      w.writeRaw(reference(items, i + common));
      return w.endList().toBytes();
    }
    Bytes value = Bytes.EMPTY;
    for (int nibble = 0; nibble < 16; nibble++) {
      List<Map.Entry<byte[], Bytes>> group = new ArrayList<>();
      for (Map.Entry<byte[], Bytes> e : items) {
        if (e.getKey().length > i && e.getKey()[i] == nibble) {
          group.add(e);
        }
      }
      w.writeRaw(reference(group, i + 1));
    }
    for (Map.Entry<byte[], Bytes> e : items) {
      if (e.getKey().length == i) {
        value = e.getValue();
      }
    }
    w.writeBytes(value);
    return w.endList().toBytes();
  }

  /** n(I, i): empty, the node itself if under 32 bytes, else its hash. */
  private static Bytes reference(List<Map.Entry<byte[], Bytes>> items, int i) {
    if (items.isEmpty()) {
      return RlpWriter.encodeBytes(Bytes.EMPTY);
    }
    Bytes node = structure(items, i);
    return node.size() < 32 ? node : RlpWriter.encodeBytes(Keccak.hash256(node).bytes());
  }
}
