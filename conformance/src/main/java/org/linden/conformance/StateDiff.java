package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountInfo;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.Hex;
import org.linden.types.UInt256;

/**
 * Explains a state-root mismatch by comparing our post state with a fixture's expected
 * post allocation, account by account: the first differences, not just two hashes.
 */
final class StateDiff {
  private static final int MAX_ITEMS = 6;

  private StateDiff() {}

  static String describe(InMemoryStateDatabase ours, JsonNode expected) {
    List<String> out = new ArrayList<>();
    Map<Address, AccountInfo> accounts = new HashMap<>(ours.accounts());
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext() && out.size() < MAX_ITEMS; ) {
      Map.Entry<String, JsonNode> e = it.next();
      Address a = Address.fromHex(e.getKey());
      JsonNode want = e.getValue();
      AccountInfo have = accounts.remove(a);
      if (have == null) {
        out.add(a + " missing");
        continue;
      }
      long nonce = StateTestRunner.hexLong(want.get("nonce").asText());
      if (nonce != have.nonce()) {
        out.add(a + " nonce " + have.nonce() + " != " + nonce);
      }
      UInt256 balance = StateTestRunner.word(want.get("balance").asText());
      if (!balance.equals(have.balance())) {
        out.add(a + " balance " + have.balance() + " != " + balance);
      }
      Bytes code = Bytes.wrap(Hex.decodeLenient(want.get("code").asText()));
      Hash codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(code);
      if (!codeHash.equals(have.codeHash())) {
        out.add(a + " code differs");
      }
      Map<UInt256, UInt256> slots = new HashMap<>(ours.storageOf(a));
      if (want.has("storage")) {
        for (Iterator<Map.Entry<String, JsonNode>> s = want.get("storage").fields(); s.hasNext(); ) {
          Map.Entry<String, JsonNode> slot = s.next();
          UInt256 k = StateTestRunner.word(slot.getKey());
          UInt256 v = StateTestRunner.word(slot.getValue().asText());
          UInt256 got = slots.remove(k);
          if (!v.equals(got == null ? UInt256.ZERO : got)) {
            out.add(a + " slot " + k.toHexString() + " = " + (got == null ? "0x0" : got.toHexString()) + " != "
                + v.toHexString());
          }
        }
      }
      slots.forEach((k, v) -> out.add(a + " extra slot " + k.toHexString() + " = " + v.toHexString()));
    }
    for (Address extra : accounts.keySet()) {
      if (out.size() >= MAX_ITEMS) {
        break;
      }
      out.add(extra + " should not exist");
    }
    return String.join(", ", out.subList(0, Math.min(out.size(), MAX_ITEMS)));
  }
}
