package org.linden.rpc.dev;

import org.linden.rpc.Params;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * {@code anvil_}/{@code hardhat_} {@code setBalance}, {@code setCode}, {@code setNonce},
 * {@code setStorageAt}, {@code impersonateAccount} and {@code stopImpersonatingAccount}.
 * Both prefixes take the same arguments; the anvil names answer {@code null} (except
 * {@code anvil_setStorageAt}, which anvil answers with {@code true}) and the hardhat names
 * {@code true}, or for {@code hardhat_stopImpersonatingAccount} whether the account was
 * impersonated, as each tool does.
 */
final class AccountEditMethods {
  private final DevNode node;

  AccountEditMethods(DevNode node) {
    this.node = node;
  }

  void register(RpcDispatcher d) {
    both(d, "setBalance", 2, p -> {
      Address account = p.address(0, "address");
      UInt256 balance = DevParams.uint256(p, 1, "balance");
      NodeCalls.run(1, "balance", () -> node.setBalance(account, balance));
    });
    both(d, "setCode", 2, p -> {
      Address account = p.address(0, "address");
      Bytes code = p.data(1, "code");
      NodeCalls.run(1, "code", () -> node.setCode(account, code));
    });
    both(d, "setNonce", 2, p -> {
      Address account = p.address(0, "address");
      long nonce = DevParams.u64(p, 1, "nonce");
      NodeCalls.run(1, "nonce", () -> node.setNonce(account, nonce));
    });
    d.register("anvil_setStorageAt", (p, s) -> {
      setStorageAt(p);
      return true;
    });
    d.register("hardhat_setStorageAt", (p, s) -> {
      setStorageAt(p);
      return true;
    });
    both(d, "impersonateAccount", 1, p -> {
      Address account = p.address(0, "address");
      NodeCalls.run(0, "address", () -> node.impersonate(account));
    });
    d.register("anvil_stopImpersonatingAccount", (p, s) -> {
      stopImpersonating(p);
      return null;
    });
    d.register("hardhat_stopImpersonatingAccount", (p, s) -> stopImpersonating(p));
  }

  private void setStorageAt(Params p) {
    p.atMost(3);
    Address account = p.address(0, "address");
    UInt256 slot = DevParams.uint256(p, 1, "slot");
    Bytes value = p.data(2, "value");
    // Both tools insist on a full word: a short value would be ambiguous about its padding.
    if (value.size() != 32) {
      throw DevParams.bad(2, "value", "a storage value is 32 bytes, got " + value.size());
    }
    NodeCalls.run(2, "value", () -> node.setStorageAt(account, slot, UInt256.fromBytes(value)));
  }

  private boolean stopImpersonating(Params p) {
    p.atMost(1);
    Address account = p.address(0, "address");
    return NodeCalls.get(0, "address", () -> node.stopImpersonating(account));
  }

  /** Registers {@code anvil_<name>} answering null and {@code hardhat_<name>} answering true. */
  private static void both(RpcDispatcher d, String name, int maxArgs, Edit edit) {
    d.register("anvil_" + name, (p, s) -> {
      edit.apply(p.atMost(maxArgs));
      return null;
    });
    d.register("hardhat_" + name, (p, s) -> {
      edit.apply(p.atMost(maxArgs));
      return true;
    });
  }

  @FunctionalInterface
  private interface Edit {
    void apply(Params p);
  }
}
