package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.evm.ContractAddress;
import org.linden.evm.precompile.Precompiles;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * {@code eth_createAccessList}: runs the call with an {@link AccessListTracer}, then again
 * with what it collected as the access list, until a run collects nothing new (a list
 * can change what the call does, e.g. through gas-dependent code). The answer is
 * {@code {accessList, gasUsed, error?}}, {@code error} being the EVM's error when the call
 * fails with the final list.
 *
 * <p>Unlike geth, which fills in suggested fees first (and so needs a funded sender), the
 * call keeps the fees it was given, zero by default, as {@code eth_call} does.
 */
final class AccessListCreator {
  /** Each round adds at least one entry; this many rounds means the call does not settle. */
  private static final int MAX_ROUNDS = 64;

  private AccessListCreator() {}

  static ObjectNode create(CallInput input, long gas) {
    CallRequest call = input.call();
    Set<Address> excluded = excluded(input);
    AccessListTracer previous = new AccessListTracer(call.accessListOrEmpty(), excluded);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Access> list = previous.accessList();
      AccessListTracer tracer = new AccessListTracer(list, excluded);
      CallResult r;
      try {
        r = CallExecutor.run(input.newState(), input.block(), call.withAccessList(list), gas, false, tracer);
      } catch (CallRejectedException e) {
        throw RpcException.server("failed to apply transaction: " + e.getMessage());
      }
      if (tracer.sameAs(previous)) {
        return result(list, r);
      }
      previous = tracer;
    }
    throw RpcException.server("access list did not settle after " + MAX_ROUNDS + " runs");
  }

  /** Sender, recipient (or the created address), precompiles and authorities: warm without a list. */
  private static Set<Address> excluded(CallInput input) {
    CallRequest call = input.call();
    Set<Address> out = new HashSet<>(Precompiles.forFork(input.block().fork()).keySet());
    Address sender = call.sender();
    out.add(sender);
    if (call.to() != null) {
      out.add(call.to());
    } else {
      long nonce = call.nonce() != null ? call.nonce() : input.base().account(sender).map(a -> a.nonce()).orElse(0L);
      out.add(ContractAddress.of(sender, nonce));
    }
    if (call.authorizations() != null) {
      UInt256 chainId = UInt256.valueOf(input.block().chainId());
      for (Authorization auth : call.authorizations()) {
        if ((auth.chainId().isZero() || auth.chainId().equals(chainId)) && auth.nonce() != -1L) {
          auth.authority().ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static ObjectNode result(List<Access> list, CallResult r) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("accessList", json(list));
    out.put("gasUsed", Quantity.of(r.gasUsed()));
    if (!r.success()) {
      out.put("error", r.errorMessage());
    }
    return out;
  }

  static ArrayNode json(List<Access> list) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Access a : list) {
      ObjectNode entry = array.addObject();
      entry.put("address", a.account().toHex());
      ArrayNode keys = entry.putArray("storageKeys");
      for (Hash slot : a.slots()) {
        keys.add(slot.toHex());
      }
    }
    return array;
  }
}
