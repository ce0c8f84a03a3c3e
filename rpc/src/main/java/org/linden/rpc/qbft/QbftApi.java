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
 * {@code qbft_getValidatorsByBlockNumber}.
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
  }

  private long blockNumber(Params p) {
    JsonNode n = p.required(0, "blockNumber");
    if (!n.isTextual()) {
      throw RpcException.invalidParams("invalid argument 0: blockNumber: expected a hex quantity or a tag");
    }
    return switch (n.textValue()) {
      case "latest", "safe", "finalized", "pending" -> node.headNumber();
      case "earliest" -> 0;
      default -> Params.parseQuantityLong(n.textValue(), 0, "blockNumber");
    };
  }
}
