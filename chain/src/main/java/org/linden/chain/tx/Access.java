package org.linden.chain.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * One entry of an EIP-2930 access list: an account and the storage slots of it that the
 * transaction pre-warms. On the wire: {@code [address, [storage_key, ...]]}.
 *
 * @param account the 20-byte address
 * @param slots the 32-byte storage keys, in order, duplicates allowed (and each paid for)
 */
public record Access(Address account, List<Hash> slots) {
  public Access {
    Objects.requireNonNull(account, "account");
    slots = List.copyOf(slots);
  }

  static List<Access> readList(FieldReader tx) throws InvalidTransactionException {
    FieldReader entries = tx.list("access_list");
    List<Access> out = new ArrayList<>();
    while (!entries.isDone()) {
      String name = "access_list[" + out.size() + "]";
      FieldReader entry = entries.list(name);
      Address account = entry.address("address");
      List<Hash> keys = entry.hashes("storage_keys");
      entry.end();
      out.add(new Access(account, keys));
    }
    return out;
  }

  static void writeList(RlpWriter w, List<Access> accessList) {
    w.startList();
    for (Access a : accessList) {
      w.startList();
      w.writeBytes(a.account.bytes());
      FieldWriter.hashes(w, a.slots);
      w.endList();
    }
    w.endList();
  }
}
