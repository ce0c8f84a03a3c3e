package org.linden.rpc.dev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.chain.tx.TypedTransaction;
import org.linden.crypto.PrivateKey;
import org.linden.rpc.RpcException;
import org.linden.types.Address;

/**
 * The accounts the node may act for: the dev keys it holds (in their order, so the first
 * is the standard {@code 0xf39F…2266}) and the accounts the {@link DevNode} impersonates.
 */
final class UnlockedAccounts {
  private final Map<Address, PrivateKey> keys = new LinkedHashMap<>();
  private final DevNode node;

  UnlockedAccounts(List<PrivateKey> keys, DevNode node) {
    for (PrivateKey k : keys) {
      this.keys.put(k.address(), k);
    }
    this.node = node;
  }

  /** Key holders first, then impersonated accounts that are not key holders too. */
  List<Address> all() {
    Set<Address> out = new LinkedHashSet<>(keys.keySet());
    out.addAll(node.impersonatedAccounts());
    return new ArrayList<>(out);
  }

  /** The account that sends when a request names none: the first dev account, as anvil does. */
  Address defaultSender() {
    if (keys.isEmpty()) {
      throw RpcException.server("no unlocked account to send from: the from field must be specified");
    }
    return keys.keySet().iterator().next();
  }

  Optional<PrivateKey> key(Address account) {
    return Optional.ofNullable(keys.get(account));
  }

  /** The key of {@code account}, or geth's -32000 "unknown account". */
  PrivateKey requireKey(Address account) {
    return key(account).orElseThrow(UnlockedAccounts::unknown);
  }

  /** Whether {@code account} can send: it has a key here or is impersonated. */
  boolean canSend(Address account) {
    return keys.containsKey(account) || node.isImpersonated(account);
  }

  static RpcException unknown() {
    return RpcException.server("unknown account");
  }

  /** Signs an unsigned transaction; a legacy one with EIP-155 replay protection for {@code chainId}. */
  static Transaction sign(Transaction unsigned, long chainId, PrivateKey key) {
    return switch (unsigned) {
      case LegacyTransaction legacy -> TransactionSigner.signLegacy(legacy, OptionalLong.of(chainId), key);
      case TypedTransaction typed -> TransactionSigner.sign(typed, key);
    };
  }
}
