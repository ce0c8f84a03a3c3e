package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.ChainFixture.ALICE;
import static org.linden.rpc.eth.ChainFixture.BOB;
import static org.linden.rpc.eth.ChainFixture.LOGGER_A;
import static org.linden.rpc.eth.ChainFixture.LOGGER_B;
import static org.linden.rpc.eth.ChainFixture.emit;
import static org.linden.rpc.eth.ChainFixture.error;
import static org.linden.rpc.eth.ChainFixture.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Hash;

/** Polling filters: block, pending-transaction and log filters, expiry, caps and reorgs. */
class FilterApiTest {
  /** A clock that moves only when told. */
  private static final class ManualClock implements InstantSource {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final ChainFixture f = new ChainFixture().buildStandardChain();
  private final ManualClock clock = new ManualClock();
  private EthChainApi api;
  private final RpcDispatcher d = api(EthChainOptions.defaults());

  private RpcDispatcher api(EthChainOptions options) {
    RpcDispatcher dispatcher = new RpcDispatcher(100);
    api = new EthChainApi(f.chain, h -> Optional.empty(), options, clock);
    api.register(dispatcher);
    return dispatcher;
  }

  /** Block 6: calls emitting (A, 5, ALICE) and (B, 6, BOB). */
  private ChainFixture.Node importBlock6() {
    return f.importChild(f.blocks[5], List.of(emit(7, LOGGER_A, 5, ALICE), emit(8, LOGGER_B, 6, BOB)));
  }

  private static List<String> summary(JsonNode logs) {
    List<String> out = new ArrayList<>();
    for (JsonNode l : logs) {
      String data = l.get("data").asText();
      out.add(Long.decode(l.get("blockNumber").asText()) + ":"
          + (data.equals("0x") ? "-" : new BigInteger(data.substring(2), 16).toString())
          + (l.get("removed").asBoolean() ? " removed" : ""));
    }
    return out;
  }

  @Test
  void blockFilterReportsEachNewBlockOnce() {
    String id = result(d, "eth_newBlockFilter").asText();
    assertThat(id).matches("0x[1-9a-f][0-9a-f]*");
    assertThat(result(d, "eth_getFilterChanges", id)).isEmpty();
    ChainFixture.Node b6 = importBlock6();
    ChainFixture.Node b7 = f.importChild(b6, List.of());
    assertThat(result(d, "eth_getFilterChanges", id)).extracting(JsonNode::asText)
        .containsExactly(b6.hash().toHex(), b7.hash().toHex());
    assertThat(result(d, "eth_getFilterChanges", id)).isEmpty();
    assertThat(result(d, "eth_newBlockFilter").asText()).isNotEqualTo(id);
  }

  @Test
  void logFilterReportsMatchingLogsSinceTheLastPoll() {
    String id = result(d, "eth_newFilter", Map.of("fromBlock", "0x0", "address", LOGGER_A.toHex())).asText();
    assertThat(result(d, "eth_getFilterChanges", id)).isEmpty();
    importBlock6();
    JsonNode changes = result(d, "eth_getFilterChanges", id);
    assertThat(summary(changes)).containsExactly("6:5");
    assertThat(changes.get(0).get("logIndex").asText()).isEqualTo("0x0");
    assertThat(result(d, "eth_getFilterChanges", id)).isEmpty();
    // eth_getFilterLogs runs the filter's whole query again.
    assertThat(summary(result(d, "eth_getFilterLogs", id))).containsExactly("2:1", "3:3", "5:4", "6:5");
  }

  @Test
  void explicitBlockNumbersBoundALiveFilter() {
    String id = result(d, "eth_newFilter", Map.of("fromBlock", "0x0", "toBlock", "0x6")).asText();
    ChainFixture.Node b6 = importBlock6();
    f.importChild(b6, List.of(emit(9, LOGGER_A, 7, ALICE)));
    assertThat(summary(result(d, "eth_getFilterChanges", id))).containsExactly("6:5", "6:6");
  }

  @Test
  void pendingTransactionFilter() {
    String id = result(d, "eth_newPendingTransactionFilter").asText();
    Hash h = Hash.fromHex("0x" + "42".repeat(32));
    api.onPendingTransaction(h);
    assertThat(result(d, "eth_getFilterChanges", id)).extracting(JsonNode::asText).containsExactly(h.toHex());
    assertThat(result(d, "eth_getFilterChanges", id)).isEmpty();
  }

  @Test
  void uninstallAndUnknownFilters() {
    String id = result(d, "eth_newBlockFilter").asText();
    assertThat(result(d, "eth_uninstallFilter", id).asBoolean()).isTrue();
    assertThat(result(d, "eth_uninstallFilter", id).asBoolean()).isFalse();
    JsonNode e = error(d, "eth_getFilterChanges", id);
    assertThat(e.get("code").asInt()).isEqualTo(-32000);
    assertThat(e.get("message").asText()).isEqualTo("filter not found");

    String blocks = result(d, "eth_newBlockFilter").asText();
    e = error(d, "eth_getFilterLogs", blocks);
    assertThat(e.get("message").asText()).contains("filter not found").contains("not a log filter");

    e = error(d, "eth_getFilterChanges", 7);
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (filter id)");
  }

  @Test
  void filtersExpireWithoutPolling() {
    String polled = result(d, "eth_newBlockFilter").asText();
    String idle = result(d, "eth_newBlockFilter").asText();
    clock.advance(Duration.ofMinutes(4));
    result(d, "eth_getFilterChanges", polled);
    clock.advance(Duration.ofMinutes(4));
    // 8 minutes since install, 4 since the last poll: still there.
    assertThat(result(d, "eth_getFilterChanges", polled)).isEmpty();
    assertThat(error(d, "eth_getFilterChanges", idle).get("message").asText()).isEqualTo("filter not found");
    clock.advance(Duration.ofMinutes(5));
    assertThat(result(d, "eth_getFilterChanges", polled)).isEmpty();
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(error(d, "eth_getFilterChanges", polled).get("message").asText()).isEqualTo("filter not found");
  }

  @Test
  void theNumberOfFiltersIsCapped() {
    RpcDispatcher capped = api(EthChainOptions.defaults().withMaxFilters(2));
    String first = result(capped, "eth_newBlockFilter").asText();
    result(capped, "eth_newPendingTransactionFilter");
    JsonNode e = error(capped, "eth_newFilter", Map.of());
    assertThat(e.get("code").asInt()).isEqualTo(-32005);
    assertThat(e.get("message").asText()).contains("too many filters").contains("limit is 2");
    result(capped, "eth_uninstallFilter", first);
    result(capped, "eth_newFilter", Map.of());
    // Expired filters free their places.
    clock.advance(Duration.ofMinutes(6));
    result(capped, "eth_newBlockFilter");
    result(capped, "eth_newBlockFilter");
  }

  @Test
  void aFilterThatFallsTooFarBehindIsDroppedLoudly() {
    RpcDispatcher small = api(EthChainOptions.defaults().withMaxFilterBacklog(2));
    String id = result(small, "eth_newBlockFilter").asText();
    ChainFixture.Node b6 = importBlock6();
    ChainFixture.Node b7 = f.importChild(b6, List.of());
    f.importChild(b7, List.of());
    JsonNode e = error(small, "eth_getFilterChanges", id);
    assertThat(e.get("code").asInt()).isEqualTo(-32005);
    assertThat(e.get("message").asText()).contains("more than 2 changes").contains("uninstalled");
    assertThat(error(small, "eth_getFilterChanges", id).get("message").asText()).isEqualTo("filter not found");
  }

  @Test
  void aReorgReportsRemovedLogs() {
    String logs = result(d, "eth_newFilter", Map.of()).asText();
    String blocks = result(d, "eth_newBlockFilter").asText();
    // Block 5' replaces block 5 (another timestamp makes it another block).
    ChainFixture.Node other = f.child(f.blocks[4], List.of(emit(6, LOGGER_B, 9, BOB)), 13);
    f.importBlock(other);
    assertThat(f.chain.head().hash()).isEqualTo(other.hash());
    JsonNode changes = result(d, "eth_getFilterChanges", logs);
    assertThat(summary(changes)).containsExactly("5:4 removed", "5:9");
    assertThat(changes.get(0).get("blockHash").asText()).isEqualTo(f.blocks[5].hash().toHex());
    assertThat(changes.get(1).get("blockHash").asText()).isEqualTo(other.hash().toHex());
    assertThat(result(d, "eth_getFilterChanges", blocks)).extracting(JsonNode::asText)
        .containsExactly(other.hash().toHex());
  }

  @Test
  void newFilterChecksItsCriteria() {
    JsonNode e = error(d, "eth_newFilter", Map.of("fromBlock", "0x5", "toBlock", "0x2"));
    assertThat(e.get("code").asInt()).isEqualTo(-32000);
    assertThat(e.get("message").asText()).contains("invalid block range params");
    e = error(d, "eth_newFilter", Map.of("topics", "0x00"));
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (filter)").contains("topics");
    e = error(d, "eth_newBlockFilter", true);
    assertThat(e.get("message").asText()).contains("too many arguments");
  }
}
