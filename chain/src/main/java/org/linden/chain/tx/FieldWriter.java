package org.linden.chain.tx;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/** Writes the transaction fields that are more than a plain integer or byte string. */
final class FieldWriter {
  private FieldWriter() {}

  /** The {@code to} field: the empty string for contract creation (null). */
  static void to(RlpWriter w, Address to) {
    w.writeBytes(to == null ? Bytes.EMPTY : to.bytes());
  }

  static void hashes(RlpWriter w, List<Hash> hashes) {
    w.startList();
    for (Hash h : hashes) {
      w.writeBytes(h.bytes());
    }
    w.endList();
  }
}
