package org.linden.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linden.rpc.Params;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;

/**
 * The {@code qbft} namespace in Besu's shapes: {@code qbft_proposeValidatorVote},
 * {@code qbft_discardValidatorVote}, {@code qbft_getPendingVotes} and
 * {@code qbft_getValidatorsByBlockNumber}, {@code qbft_getSignerMetrics}; and, as a Linden
 * addition, {@code qbft_getSealsByBlockNumber} (proposer, round and committers of a block).
 */
public final class QbftApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final QbftNode node;

  public QbftApi(QbftNode node) {
    this.node = node;
  }

  public void register(RpcDispatcher d) {
    d.register("qbft_proposeValidatorVote", (p, s) -> {
      p.atMost(2);
      var recipient = p.address(0, "address");
      JsonNode add = p.required(1, "add");
      if (!add.isBoolean()) {
        throw RpcException.invalidParams("invalid argument 1: add: expected a boolean");
      }
      node.proposeVote(recipient, add.booleanValue());
      return true;
    });
    d.register("qbft_discardValidatorVote", (p, s) -> {
      p.atMost(1);
      node.discardVote(p.address(0, "address"));
      return true;
    });
    d.register("qbft_getPendingVotes", (p, s) -> {
      p.atMost(0);
      ObjectNode out = F.objectNode();
      node.pendingVotes().forEach((a, add) -> out.put(a.toHex(), add));
      return out;
    });
    d.register("qbft_getValidatorsByBlockNumber", (p, s) -> {
      p.atMost(1);
      long number = blockNumber(p);
      ArrayNode out = F.arrayNode();
      node.validatorsOfBlock(number)
          .orElseThrow(() -> RpcException.server("block " + number + " not found"))
          .forEach(a -> out.add(a.toHex()));
      return out;
    });
    registerSeals(d);
  }

  /** The most blocks {@code qbft_getSignerMetrics} reads in one call. */
  static final long MAX_METRICS_RANGE = 10_000;

  private void registerSeals(RpcDispatcher d) {
    d.register("qbft_getSealsByBlockNumber", (p, s) -> {
      p.atMost(1);
      long number = blockNumber(p, 0, "blockNumber");
      BlockSeals seals = node.sealsOfBlock(number)
          .orElseThrow(() -> RpcException.server("no seals for block " + number));
      ObjectNode o = F.objectNode();
      o.put("number", org.linden.rpc.Quantity.of(seals.number()));
      o.put("proposer", seals.proposer().toHex());
      o.put("round", seals.round());
      ArrayNode committers = o.putArray("committers");
      seals.committers().forEach(a -> committers.add(a.toHex()));
      return o;
    });
    // Besu's shape: per validator, the blocks it proposed and the last one, over a range (the last 100 by default).
    d.register("qbft_getSignerMetrics", (p, s) -> {
      p.atMost(2);
      long head = node.headNumber();
      long to = p.has(1) ? blockNumber(p, 1, "toBlockNumber") : head;
      long from = p.has(0) ? blockNumber(p, 0, "fromBlockNumber") : Math.max(1, to - 99);
      if (from > to) {
        throw RpcException.invalidParams("invalid argument 0: fromBlockNumber: after toBlockNumber");
      }
      if (to - from + 1 > MAX_METRICS_RANGE) {
        throw RpcException.invalidParams("the range may span at most " + MAX_METRICS_RANGE + " blocks");
      }
      java.util.Map<org.linden.types.Address, long[]> byProposer = new java.util.LinkedHashMap<>();
      for (long n = Math.max(1, from); n <= Math.min(to, head); n++) {
        long number = n;
        node.sealsOfBlock(n).ifPresent(seals -> {
          long[] m = byProposer.computeIfAbsent(seals.proposer(), a -> new long[2]);
          m[0]++;
          m[1] = number;
        });
      }
      ArrayNode out = F.arrayNode();
      byProposer.forEach((a, m) -> out.addObject().put("address", a.toHex())
          .put("proposedBlockCount", org.linden.rpc.Quantity.of(m[0]))
          .put("lastProposedBlockNumber", org.linden.rpc.Quantity.of(m[1])));
      return out;
    });
  }

  private long blockNumber(Params p) {
    return blockNumber(p, 0, "blockNumber");
  }

  private long blockNumber(Params p, int index, String name) {
    JsonNode n = p.required(index, name);
    if (!n.isTextual()) {
      throw RpcException.invalidParams("invalid argument " + index + ": " + name
          + ": expected a hex quantity or a tag");
    }
    return switch (n.textValue()) {
      case "latest", "safe", "finalized", "pending" -> node.headNumber();
      case "earliest" -> 0;
      default -> Params.parseQuantityLong(n.textValue(), index, name);
    };
  }
}
