package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;
import org.linden.crypto.Keccak;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * An account as the prestate tracer reports it, with geth's field order and omissions:
 * balance, code, codeHash, nonce, storage; code, code hash, a zero nonce and empty
 * storage are left out, and in a diff's {@code post} so is every field that did not
 * change (a null balance).
 */
final class PrestateAccount {
  UInt256 balance;
  long nonce;
  Bytes code;
  Hash codeHash;
  /** Slots by key; null when storage is not reported. */
  TreeMap<UInt256, UInt256> storage;
  /** No nonce, balance or code when first looked up: such accounts are left out unless asked for. */
  boolean empty;

  /** The account as the state shows it now, storage not yet read. */
  static PrestateAccount read(WorldState state, Address address, boolean withCode, boolean withStorage) {
    PrestateAccount a = new PrestateAccount();
    a.balance = state.getBalance(address);
    a.nonce = state.getNonce(address);
    Bytes code = state.getCode(address);
    a.codeHash = code.isEmpty() ? null : Keccak.hash256(code);
    a.code = withCode ? code : null;
    a.storage = withStorage ? new TreeMap<>() : null;
    a.empty = a.nonce == 0 && a.balance.isZero() && code.isEmpty();
    return a;
  }

  ObjectNode toJson(JsonNodeFactory json) {
    ObjectNode o = json.objectNode();
    if (balance != null) {
      o.put("balance", JsonValues.quantity(balance));
    }
    if (code != null && !code.isEmpty()) {
      o.put("code", JsonValues.data(code));
    }
    if (codeHash != null) {
      o.put("codeHash", codeHash.toHex());
    }
    if (nonce != 0) {
      o.put("nonce", nonce);
    }
    if (storage != null && !storage.isEmpty()) {
      ObjectNode s = o.putObject("storage");
      storage.forEach((k, v) -> s.put(JsonValues.word(k), JsonValues.word(v)));
    }
    return o;
  }
}
