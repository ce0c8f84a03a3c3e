package org.linden.sync.eth;

import java.util.ArrayList;
import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/** The {@code [hash₁: B_32, hash₂: B_32, ...]} list that several requests carry. */
final class HashList {
  private HashList() {}

  static void write(RlpWriter w, List<Hash> hashes) {
    w.startList();
    for (Hash h : hashes) {
      w.writeBytes(h.bytes());
    }
    w.endList();
  }

  static List<Hash> read(MessageReader r, String field) throws MalformedMessageException {
    MessageReader list = r.list(field);
    List<Hash> hashes = new ArrayList<>();
    while (!list.isDone()) {
      hashes.add(list.hash("[" + hashes.size() + "]"));
    }
    return hashes;
  }
}
