package org.linden.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.txpool.PoolContent;
import org.linden.chain.txpool.PoolStatus;
import org.linden.chain.txpool.TxPool;
import org.linden.crypto.AddressChecksum;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.eth.RpcJson;
import org.linden.types.Address;

/**
 * The {@code txpool} namespace as go-ethereum defines it: {@code txpool_status} (counts),
 * {@code txpool_content} (every transaction by sender and nonce), {@code txpool_contentFrom}
 * (one sender's) and {@code txpool_inspect} (one summary line per transaction).
 */
public final class TxPoolApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final TxPool pool;

  public TxPoolApi(TxPool pool) {
    this.pool = pool;
  }

  public void register(RpcDispatcher d) {
    d.register("txpool_status", (p, s) -> {
      p.atMost(0);
      PoolStatus status = pool.status();
      ObjectNode o = F.objectNode();
      o.put("pending", Quantity.of(status.pending()));
      o.put("queued", Quantity.of(status.queued()));
      return o;
    });
    d.register("txpool_content", (p, s) -> {
      p.atMost(0);
      PoolContent c = pool.content();
      ObjectNode o = F.objectNode();
      o.set("pending", bySender(c.pending(), TxPoolApi::transaction));
      o.set("queued", bySender(c.queued(), TxPoolApi::transaction));
      return o;
    });
    d.register("txpool_contentFrom", (p, s) -> {
      p.atMost(1);
      Address from = p.address(0, "address");
      PoolContent c = pool.content();
      ObjectNode o = F.objectNode();
      o.set("pending", byNonce(c.pending().get(from), TxPoolApi::transaction));
      o.set("queued", byNonce(c.queued().get(from), TxPoolApi::transaction));
      return o;
    });
    d.register("txpool_inspect", (p, s) -> {
      p.atMost(0);
      PoolContent c = pool.content();
      ObjectNode o = F.objectNode();
      o.set("pending", bySender(c.pending(), TxPoolApi::summary));
      o.set("queued", bySender(c.queued(), TxPoolApi::summary));
      return o;
    });
  }

  private static ObjectNode bySender(Map<Address, NavigableMap<Long, ValidTransaction>> txs,
      Function<ValidTransaction, JsonNode> format) {
    ObjectNode o = F.objectNode();
    // Senders by checksummed address, as geth keys them.
    txs.forEach((sender, byNonce) -> o.set(AddressChecksum.toChecksumHex(sender), byNonce(byNonce, format)));
    return o;
  }

  private static ObjectNode byNonce(NavigableMap<Long, ValidTransaction> txs, Function<ValidTransaction, JsonNode> format) {
    ObjectNode o = F.objectNode();
    if (txs != null) {
      // Nonces as decimal strings, as geth writes them.
      txs.forEach((nonce, tx) -> o.set(Long.toUnsignedString(nonce), format.apply(tx)));
    }
    return o;
  }

  private static JsonNode transaction(ValidTransaction v) {
    return RpcJson.transaction(v.transaction(), v.hash(), v.sender(), null);
  }

  /** geth's line: {@code "0xto: 1 wei + 21000 gas × 1000000000 wei"} (gas price: the fee cap). */
  private static JsonNode summary(ValidTransaction v) {
    Transaction tx = v.transaction();
    String to = tx.to() == null ? "contract creation" : AddressChecksum.toChecksumHex(tx.to());
    return F.textNode(to + ": " + tx.value().toBigInteger() + " wei + " + Long.toUnsignedString(tx.gas())
        + " gas × " + tx.maxFeePerGas().toBigInteger() + " wei");
  }
}
