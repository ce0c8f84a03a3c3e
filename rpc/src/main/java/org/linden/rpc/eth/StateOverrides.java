package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.linden.evm.state.WorldState;
import org.linden.rpc.Params;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * Temporary changes to accounts before a call (execution-apis' {@code StateOverrides}):
 * per address a new balance, nonce, code, and either the whole storage ({@code state}) or
 * some slots ({@code stateDiff}). {@code movePrecompileToAddress} is refused: the
 * interpreter's precompile table is fixed per fork.
 */
public final class StateOverrides {
  /** One account's overrides; null fields keep the account's value. */
  public record Account(UInt256 balance, Long nonce, Bytes code, Map<UInt256, UInt256> state,
      Map<UInt256, UInt256> stateDiff) {}

  public static final StateOverrides NONE = new StateOverrides(Map.of());

  private static final Set<String> FIELDS = Set.of("balance", "nonce", "code", "state", "stateDiff",
      "movePrecompileToAddress");

  private final Map<Address, Account> accounts;

  public StateOverrides(Map<Address, Account> accounts) {
    this.accounts = Map.copyOf(accounts);
  }

  public Map<Address, Account> accounts() {
    return accounts;
  }

  public boolean isEmpty() {
    return accounts.isEmpty();
  }

  /** Parses {@code {address: {balance, nonce, code, state | stateDiff}}} at argument {@code arg}. */
  public static StateOverrides parse(JsonNode n, int arg, String name) {
    CallJson.object(n, arg, name);
    Map<Address, Account> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      Address address = Params.parseAddress(e.getKey(), arg, name + " key");
      String path = name + "[" + e.getKey() + "]";
      if (out.containsKey(address)) {
        throw CallJson.bad(arg, path, "address given twice");
      }
      out.put(address, account(e.getValue(), arg, path));
    }
    return new StateOverrides(out);
  }

  private static Account account(JsonNode n, int arg, String path) {
    CallJson.object(n, arg, path);
    CallJson.onlyFields(n, FIELDS, arg, path);
    if (CallJson.field(n, "movePrecompileToAddress") != null) {
      throw CallJson.bad(arg, path + ".movePrecompileToAddress", "moving precompiles is not supported");
    }
    Map<UInt256, UInt256> state = slots(n, "state", arg, path);
    Map<UInt256, UInt256> diff = slots(n, "stateDiff", arg, path);
    if (state != null && diff != null) {
      throw CallJson.bad(arg, path, "account has both 'state' and 'stateDiff'");
    }
    return new Account(CallJson.uint256(n, "balance", arg, path), CallJson.uint64(n, "nonce", arg, path),
        CallJson.data(n, "code", arg, path), state, diff);
  }

  private static Map<UInt256, UInt256> slots(JsonNode n, String field, int arg, String path) {
    JsonNode m = CallJson.field(n, field);
    if (m == null) {
      return null;
    }
    CallJson.object(m, arg, path + "." + field);
    Map<UInt256, UInt256> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = m.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String slotPath = path + "." + field + "[" + e.getKey() + "]";
      UInt256 slot = UInt256.fromBytes(Params.parseHash(e.getKey(), arg, slotPath).bytes());
      UInt256 value = UInt256.fromBytes(CallJson.hash(e.getValue(), arg, slotPath).bytes());
      out.put(slot, value);
    }
    return out;
  }

  /**
   * Writes the overrides into {@code state} as if a transaction just before the call had
   * made them: they become the accounts' committed values (so EIP-2200 sees them as
   * original storage), and an emptied account is not deleted.
   */
  public void applyTo(WorldState state) {
    if (accounts.isEmpty()) {
      return;
    }
    state.beginTransaction();
    for (Map.Entry<Address, Account> e : accounts.entrySet()) {
      Address a = e.getKey();
      Account o = e.getValue();
      if (o.state() != null) {
        replaceStorage(state, a);
      }
      if (o.nonce() != null) {
        state.setNonce(a, o.nonce());
      }
      if (o.code() != null) {
        state.setCode(a, o.code());
      }
      if (o.balance() != null) {
        state.setBalance(a, o.balance());
      }
      Map<UInt256, UInt256> slots = o.state() != null ? o.state() : o.stateDiff();
      if (slots != null) {
        slots.forEach((slot, value) -> state.setStorage(a, slot, value));
      }
    }
    state.finishTransaction(false);
  }

  /** Clears every slot of {@code a} but keeps its nonce, balance and code. */
  private static void replaceStorage(WorldState state, Address a) {
    long nonce = state.getNonce(a);
    Bytes code = state.getCode(a);
    // Creating the account anew is the one journaled way to drop all its storage; the
    // creation mark it leaves is cleared when the call's transaction begins.
    state.createAccount(a);
    state.setNonce(a, nonce);
    if (!code.isEmpty()) {
      state.setCode(a, code);
    }
  }
}
