package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Receipt;
import org.linden.chain.tx.TransactionType;
import org.linden.evm.Log;
import org.linden.types.Hash;

/**
 * Rebuilds a receipt's consensus fields (type, status or post-state, cumulative gas,
 * logs) from its JSON; the bloom is recomputed from the logs. Whatever the server wrote
 * then either hashes into the block's receipts root or does not.
 */
final class ReceiptJson {
  private ReceiptJson() {}

  static Receipt parse(JsonNode n) {
    int typeByte = JsonFields.present(n, "type") ? (int) JsonFields.quantity(n, "type") : 0;
    TransactionType type = typeByte == 0
        ? TransactionType.LEGACY
        : TransactionType.fromTypeByte(typeByte).orElseThrow(() -> new VerificationException("unknown receipt type " + typeByte));
    long cumulative = JsonFields.quantity(n, "cumulativeGasUsed");
    List<Log> logs = new ArrayList<>();
    JsonNode list = n.get("logs");
    if (list == null || !list.isArray()) {
      throw new VerificationException("receipt without logs");
    }
    for (JsonNode l : list) {
      List<Hash> topics = new ArrayList<>();
      JsonNode ts = l.get("topics");
      if (ts == null || !ts.isArray()) {
        throw new VerificationException("log without topics");
      }
      ts.forEach(t -> topics.add(JsonFields.hash(t.isTextual() ? wrap(t) : t, "topic")));
      logs.add(new Log(JsonFields.address(l, "address"), topics, JsonFields.data(l, "data")));
    }
    if (JsonFields.present(n, "status")) {
      return Receipt.of(type, JsonFields.quantity(n, "status") == 1, cumulative, logs);
    }
    return Receipt.withPostState(type, JsonFields.hash(n, "root"), cumulative, logs);
  }

  private static JsonNode wrap(JsonNode text) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("topic", text);
  }
}
