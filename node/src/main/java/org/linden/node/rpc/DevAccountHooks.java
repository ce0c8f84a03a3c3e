package org.linden.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.Authorization;
import org.linden.chain.txpool.TxPool;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.rpc.RpcSession;
import org.linden.rpc.dev.TransactionHooks;
import org.linden.rpc.dev.TransactionRequest;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * What {@code eth_sendTransaction} needs to fill in and send a transaction, from this
 * node: nonces and the next base fee from the pool, and the gas estimate and suggested tip
 * by calling {@code eth_estimateGas} and {@code eth_maxPriorityFeePerGas} on the same
 * dispatcher, so they answer exactly as those methods do (errors included).
 */
public final class DevAccountHooks {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DevAccountHooks() {}

  /**
   * The hooks for a chain id, pool and dispatcher; {@code afterAdd} runs after the pool took
   * a transaction (dev mode waits there for the automine block).
   */
  public static TransactionHooks of(long chainId, TxPool pool, RpcDispatcher dispatcher, Consumer<Hash> afterAdd) {
    return new TransactionHooks(chainId, pool::pendingNonce,
        request -> Long.decode(call(dispatcher, "eth_estimateGas", callObject(request), F.textNode("pending")).asText()),
        () -> Optional.of(pool.nextBaseFee()),
        () -> UInt256.fromHex(call(dispatcher, "eth_maxPriorityFeePerGas").asText()),
        tx -> {
          Hash hash = pool.add(tx);
          afterAdd.accept(hash);
          return hash;
        });
  }

  private static JsonNode call(RpcDispatcher d, String method, JsonNode... params) {
    ObjectNode request = F.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (JsonNode p : params) {
      array.add(p);
    }
    ObjectNode response = d.handleOne(request, RpcSession.NONE);
    JsonNode error = response.get("error");
    if (error != null) {
      throw new RpcException(error.get("code").asInt(), error.get("message").asText(), error.get("data"));
    }
    return response.get("result");
  }

  /** The request as an {@code eth_estimateGas} call object (execution-apis' GenericTransaction). */
  static ObjectNode callObject(TransactionRequest r) {
    ObjectNode o = F.objectNode();
    if (r.type() != null) {
      o.put("type", Quantity.of(r.type().code()));
    }
    if (r.from() != null) {
      o.put("from", r.from().toHex());
    }
    if (r.to() != null) {
      o.put("to", r.to().toHex());
    }
    if (r.gas() != null) {
      o.put("gas", Quantity.of(r.gas()));
    }
    o.put("value", Quantity.of(r.valueOrZero()));
    o.put("input", r.inputOrEmpty().toHex());
    putFee(o, "gasPrice", r.gasPrice());
    putFee(o, "maxFeePerGas", r.maxFeePerGas());
    putFee(o, "maxPriorityFeePerGas", r.maxPriorityFeePerGas());
    if (r.nonce() != null) {
      o.put("nonce", Quantity.of(r.nonce()));
    }
    if (r.chainId() != null) {
      o.put("chainId", Quantity.of(r.chainId()));
    }
    if (r.accessList() != null) {
      ArrayNode list = o.putArray("accessList");
      for (Access a : r.accessList()) {
        ObjectNode entry = list.addObject();
        entry.put("address", a.account().toHex());
        ArrayNode keys = entry.putArray("storageKeys");
        a.slots().forEach(k -> keys.add(k.toHex()));
      }
    }
    if (r.authorizations() != null) {
      ArrayNode list = o.putArray("authorizationList");
      for (Authorization a : r.authorizations()) {
        ObjectNode entry = list.addObject();
        entry.put("chainId", Quantity.of(a.chainId()));
        entry.put("address", a.address().toHex());
        entry.put("nonce", Quantity.of(a.nonce()));
        entry.put("yParity", Quantity.of(a.yParity()));
        entry.put("r", Quantity.of(a.r()));
        entry.put("s", Quantity.of(a.s()));
      }
    }
    return o;
  }

  private static void putFee(ObjectNode o, String name, UInt256 value) {
    if (value != null) {
      o.put(name, Quantity.of(value));
    }
  }
}
