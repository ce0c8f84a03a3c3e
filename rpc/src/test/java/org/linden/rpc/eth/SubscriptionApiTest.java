package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.ChainFixture.ALICE;
import static org.linden.rpc.eth.ChainFixture.BOB;
import static org.linden.rpc.eth.ChainFixture.LOGGER_A;
import static org.linden.rpc.eth.ChainFixture.LOGGER_B;
import static org.linden.rpc.eth.ChainFixture.emit;
import static org.linden.rpc.eth.ChainFixture.error;
import static org.linden.rpc.eth.ChainFixture.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.Transaction;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;
import org.linden.types.Hash;

/** {@code eth_subscribe} over push-capable sessions: heads, logs (with reorgs), pending transactions, limits. */
class SubscriptionApiTest {
  /** A WebSocket-like session that records what is pushed and can be closed. */
  private static final class ClosableSession implements RpcSession {
    final List<String> pushed = new ArrayList<>();
    final List<Runnable> closeHooks = new ArrayList<>();

    @Override
    public boolean canPush() {
      return true;
    }

    @Override
    public void push(String json) {
      pushed.add(json);
    }

    @Override
    public void onClose(Runnable r) {
      closeHooks.add(r);
    }

    void close() {
      closeHooks.forEach(Runnable::run);
    }
  }

  private final ChainFixture f = new ChainFixture().buildStandardChain();
  private final Map<Hash, Transaction> pool = new HashMap<>();
  private EthChainApi api;
  private final RpcDispatcher d = api(EthChainOptions.defaults());
  private final List<String> pushed = new ArrayList<>();
  private final RpcSession ws = RpcSession.collecting(pushed::add);

  private RpcDispatcher api(EthChainOptions options) {
    RpcDispatcher dispatcher = new RpcDispatcher(100);
    api = new EthChainApi(f.chain, h -> Optional.ofNullable(pool.get(h)), options);
    api.register(dispatcher);
    return dispatcher;
  }

  private static JsonNode parse(String json) {
    try {
      return RpcDispatcher.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The results of the notifications pushed for subscription {@code id}, checking their envelope. */
  private static List<JsonNode> results(List<String> messages, String id) {
    List<JsonNode> out = new ArrayList<>();
    for (String m : messages) {
      JsonNode n = parse(m);
      assertThat(n.get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(n.get("method").asText()).isEqualTo("eth_subscription");
      assertThat(n.has("id")).isFalse();
      if (n.get("params").get("subscription").asText().equals(id)) {
        out.add(n.get("params").get("result"));
      }
    }
    return out;
  }

  private ChainFixture.Node importBlock6() {
    return f.importChild(f.blocks[5], List.of(emit(7, LOGGER_A, 5, ALICE), emit(8, LOGGER_B, 6, BOB)));
  }

  @Test
  void httpSessionsCannotSubscribe() {
    JsonNode e = error(d, RpcSession.NONE, "eth_subscribe", "newHeads");
    assertThat(e.get("code").asInt()).isEqualTo(-32601);
    assertThat(e.get("message").asText()).contains("notifications not supported").contains("WebSocket");
  }

  @Test
  void newHeadsCarriesEachNewHeader() {
    String id = result(d, ws, "eth_subscribe", "newHeads").asText();
    assertThat(id).matches("0x[1-9a-f][0-9a-f]*");
    ChainFixture.Node b6 = importBlock6();
    List<JsonNode> heads = results(pushed, id);
    assertThat(heads).hasSize(1);
    JsonNode h = heads.get(0);
    assertThat(h.get("hash").asText()).isEqualTo(b6.hash().toHex());
    assertThat(h.get("number").asText()).isEqualTo("0x6");
    assertThat(h.get("parentHash").asText()).isEqualTo(f.blocks[5].hash().toHex());
    assertThat(h.has("transactions")).isFalse();
    assertThat(h).isEqualTo(api.json().header(b6.header()));
  }

  @Test
  void logsSubscriptionFiltersByAddressAndTopics() {
    String onlyB = result(d, ws, "eth_subscribe", "logs", Map.of("address", LOGGER_B.toHex())).asText();
    String alice = result(d, ws, "eth_subscribe", "logs", Map.of("topics", List.of(ChainFixture.EMITTED.toHex(),
        ALICE.toHex()))).asText();
    String all = result(d, ws, "eth_subscribe", "logs").asText();
    ChainFixture.Node b6 = importBlock6();

    List<JsonNode> b = results(pushed, onlyB);
    assertThat(b).hasSize(1);
    assertThat(b.get(0).get("address").asText()).isEqualTo(LOGGER_B.toHex());
    assertThat(b.get(0).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(b.get(0).get("blockHash").asText()).isEqualTo(b6.hash().toHex());
    assertThat(b.get(0).get("transactionHash").asText()).isEqualTo(b6.block().transactions().get(1).hash().toHex());
    assertThat(b.get(0).get("removed").asBoolean()).isFalse();

    assertThat(results(pushed, alice)).extracting(l -> l.get("address").asText()).containsExactly(LOGGER_A.toHex());
    assertThat(results(pushed, all)).hasSize(2);
  }

  @Test
  void aReorgSendsRemovedLogsThenTheNewOnes() {
    String logs = result(d, ws, "eth_subscribe", "logs", Map.of()).asText();
    String heads = result(d, ws, "eth_subscribe", "newHeads").asText();
    ChainFixture.Node other = f.child(f.blocks[4], List.of(emit(6, LOGGER_B, 9, BOB)), 13);
    f.importBlock(other);

    List<JsonNode> got = results(pushed, logs);
    assertThat(got).hasSize(2);
    assertThat(got.get(0).get("removed").asBoolean()).isTrue();
    assertThat(got.get(0).get("blockHash").asText()).isEqualTo(f.blocks[5].hash().toHex());
    assertThat(got.get(0).get("address").asText()).isEqualTo(LOGGER_A.toHex());
    assertThat(got.get(1).get("removed").asBoolean()).isFalse();
    assertThat(got.get(1).get("blockHash").asText()).isEqualTo(other.hash().toHex());
    assertThat(got.get(1).get("address").asText()).isEqualTo(LOGGER_B.toHex());
    assertThat(results(pushed, heads)).extracting(h -> h.get("hash").asText()).containsExactly(other.hash().toHex());
  }

  @Test
  void pendingTransactionsAsHashesOrFullObjects() {
    String hashes = result(d, ws, "eth_subscribe", "newPendingTransactions").asText();
    String full = result(d, ws, "eth_subscribe", "newPendingTransactions", true).asText();
    Transaction tx = ChainFixture.transfer(7, ChainFixture.X, 3);
    pool.put(tx.hash(), tx);
    api.onPendingTransaction(tx.hash());
    // A transaction that left the pool before the notification: its hash still goes out, no object can.
    Hash gone = Hash.fromHex("0x" + "99".repeat(32));
    api.onPendingTransaction(gone);

    assertThat(results(pushed, hashes)).extracting(JsonNode::asText).containsExactly(tx.hash().toHex(), gone.toHex());
    List<JsonNode> objects = results(pushed, full);
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).get("hash").asText()).isEqualTo(tx.hash().toHex());
    assertThat(objects.get(0).get("blockHash").isNull()).isTrue();
    assertThat(objects.get(0).get("from").asText()).isEqualTo(ChainFixture.SENDER.toHex());
  }

  @Test
  void unsubscribeStopsNotificationsAndOnlyTheOwnerMayDoIt() {
    String id = result(d, ws, "eth_subscribe", "newHeads").asText();
    ClosableSession other = new ClosableSession();
    JsonNode e = error(d, other, "eth_unsubscribe", id);
    assertThat(e.get("code").asInt()).isEqualTo(-32000);
    assertThat(e.get("message").asText()).isEqualTo("subscription not found");

    assertThat(result(d, ws, "eth_unsubscribe", id).asBoolean()).isTrue();
    importBlock6();
    assertThat(pushed).isEmpty();
    assertThat(error(d, ws, "eth_unsubscribe", id).get("message").asText()).isEqualTo("subscription not found");
  }

  @Test
  void subscriptionsAreCappedPerConnectionAndInAll() {
    RpcDispatcher capped = api(EthChainOptions.defaults().withMaxSubscriptions(2, 3));
    ClosableSession one = new ClosableSession();
    ClosableSession two = new ClosableSession();
    result(capped, one, "eth_subscribe", "newHeads");
    result(capped, one, "eth_subscribe", "logs");
    JsonNode e = error(capped, one, "eth_subscribe", "newHeads");
    assertThat(e.get("code").asInt()).isEqualTo(-32005);
    assertThat(e.get("message").asText()).contains("on this connection").contains("limit is 2");

    result(capped, two, "eth_subscribe", "newHeads");
    e = error(capped, two, "eth_subscribe", "newHeads");
    assertThat(e.get("code").asInt()).isEqualTo(-32005);
    assertThat(e.get("message").asText()).contains("limit is 3");
  }

  @Test
  void closingAConnectionDropsItsSubscriptions() {
    RpcDispatcher capped = api(EthChainOptions.defaults().withMaxSubscriptions(2, 2));
    ClosableSession one = new ClosableSession();
    ClosableSession two = new ClosableSession();
    result(capped, one, "eth_subscribe", "newHeads");
    result(capped, one, "eth_subscribe", "logs");
    // One close hook per connection, however many subscriptions it has.
    assertThat(one.closeHooks).hasSize(1);
    assertThat(error(capped, two, "eth_subscribe", "newHeads").get("code").asInt()).isEqualTo(-32005);

    one.close();
    ChainFixture.Node b6 = importBlock6();
    assertThat(one.pushed).isEmpty();
    String id = result(capped, two, "eth_subscribe", "newHeads").asText();
    f.importChild(b6, List.of());
    assertThat(results(two.pushed, id)).hasSize(1);
  }

  @Test
  void badSubscriptionParams() {
    JsonNode e = error(d, ws, "eth_subscribe", "nope");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (subscription type)").contains("nope");

    e = error(d, ws, "eth_subscribe");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (subscription type)");

    e = error(d, ws, "eth_subscribe", "logs", Map.of("address", "0x12"));
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 1 (filter.address)");

    e = error(d, ws, "eth_subscribe", "newHeads", Map.of());
    assertThat(e.get("message").asText()).contains("too many arguments");

    e = error(d, ws, "eth_subscribe", "newPendingTransactions", "yes");
    assertThat(e.get("message").asText()).contains("argument 1").contains("boolean");
  }
}
