package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.ChainFixture.ALICE;
import static org.linden.rpc.eth.ChainFixture.BOB;
import static org.linden.rpc.eth.ChainFixture.EMITTED;
import static org.linden.rpc.eth.ChainFixture.INIT;
import static org.linden.rpc.eth.ChainFixture.LOGGER_A;
import static org.linden.rpc.eth.ChainFixture.LOGGER_B;
import static org.linden.rpc.eth.ChainFixture.error;
import static org.linden.rpc.eth.ChainFixture.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.evm.ContractAddress;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Hash;

/** {@code eth_getLogs}: address, topic, range and block-hash criteria, and the limits. */
class EthChainLogsTest {
  private static final String A = LOGGER_A.toHex();
  private static final String B = LOGGER_B.toHex();

  private final ChainFixture f = new ChainFixture().buildStandardChain();

  private RpcDispatcher api(EthChainOptions options) {
    RpcDispatcher d = new RpcDispatcher(100);
    new EthChainApi(f.chain, h -> Optional.empty(), options).register(d);
    return d;
  }

  private final RpcDispatcher d = api(EthChainOptions.defaults());

  /** A filter object; pairs of key and value, in order. */
  private static Map<String, Object> filter(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  private JsonNode logs(Map<String, Object> filter) {
    return result(d, "eth_getLogs", filter);
  }

  /** Each log as "block:word" (its block number and the data word the call passed). */
  private static List<String> summary(JsonNode logs) {
    List<String> out = new ArrayList<>();
    for (JsonNode l : logs) {
      String data = l.get("data").asText();
      out.add(Long.decode(l.get("blockNumber").asText()) + ":"
          + (data.equals("0x") ? "-" : new BigInteger(data.substring(2), 16).toString()));
    }
    return out;
  }

  @Test
  void wholeChainInOrderWithBlockWideLogIndexes() {
    JsonNode all = logs(filter("fromBlock", "earliest", "toBlock", "latest"));
    assertThat(summary(all)).containsExactly("2:1", "2:2", "3:-", "3:3", "5:4");
    assertThat(all.get(1).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(all.get(2).get("address").asText()).isEqualTo(ContractAddress.of(ChainFixture.SENDER, 4).toHex());
    assertThat(all.get(3).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(all.get(3).get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(all.get(4).get("blockHash").asText()).isEqualTo(f.blocks[5].hash().toHex());
    assertThat(all.get(4).get("removed").asBoolean()).isFalse();
    // The same log objects as in the receipts.
    JsonNode receipt = result(d, "eth_getTransactionReceipt", all.get(3).get("transactionHash").asText());
    assertThat(receipt.get("logs").get(0)).isEqualTo(all.get(3));
  }

  @Test
  void defaultRangeIsTheLatestBlock() {
    assertThat(summary(logs(filter()))).containsExactly("5:4");
    assertThat(summary(logs(filter("fromBlock", "0x3")))).containsExactly("3:-", "3:3", "5:4");
    assertThat(summary(logs(filter("fromBlock", "0x3", "toBlock", "0x4")))).containsExactly("3:-", "3:3");
    assertThat(summary(logs(filter("fromBlock", "0x4", "toBlock", "0x4")))).isEmpty();
  }

  @Test
  void byAddress() {
    assertThat(summary(logs(filter("fromBlock", "0x0", "address", A)))).containsExactly("2:1", "3:3", "5:4");
    assertThat(summary(logs(filter("fromBlock", "0x0", "address", list(B))))).containsExactly("2:2");
    assertThat(summary(logs(filter("fromBlock", "0x0", "address", list(A, B)))))
        .containsExactly("2:1", "2:2", "3:3", "5:4");
    assertThat(summary(logs(filter("fromBlock", "0x0", "address", ChainFixture.X.toHex())))).isEmpty();
  }

  @Test
  void byTopicsWithWildcardsAndAlternatives() {
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(EMITTED.toHex())))))
        .containsExactly("2:1", "2:2", "3:3", "5:4");
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(null, BOB.toHex())))))
        .containsExactly("2:2", "3:3");
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(null, list(ALICE.toHex(), BOB.toHex()))))))
        .containsExactly("2:1", "2:2", "3:3", "5:4");
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(list(INIT.toHex(), EMITTED.toHex()))))))
        .containsExactly("2:1", "2:2", "3:-", "3:3", "5:4");
    // A null among the alternatives makes the position a wildcard.
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(null, list(ALICE.toHex(), null))))))
        .containsExactly("2:1", "2:2", "3:3", "5:4");
    // More positions than a log has topics never match, even as wildcards (as in geth).
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(INIT.toHex(), null))))).isEmpty();
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list(INIT.toHex()))))).containsExactly("3:-");
    assertThat(summary(logs(filter("fromBlock", "0x0", "address", A, "topics", list(null, ALICE.toHex())))))
        .containsExactly("2:1", "5:4");
    assertThat(summary(logs(filter("fromBlock", "0x0", "topics", list())))).hasSize(5);
  }

  @Test
  void byBlockHash() {
    assertThat(summary(logs(filter("blockHash", f.blocks[2].hash().toHex())))).containsExactly("2:1", "2:2");
    assertThat(summary(logs(filter("blockHash", f.blocks[2].hash().toHex(), "address", B)))).containsExactly("2:2");
    assertThat(summary(logs(filter("blockHash", f.blocks[4].hash().toHex())))).isEmpty();
    JsonNode e = error(d, "eth_getLogs", filter("blockHash", Hash.ZERO.toHex()));
    assertThat(e.get("code").asInt()).isEqualTo(-32000);
    assertThat(e.get("message").asText()).contains("unknown block");
  }

  @Test
  void rangesBeyondTheHead() {
    assertThat(summary(logs(filter("fromBlock", "0x5", "toBlock", "0x64")))).containsExactly("5:4");
    assertThat(logs(filter("fromBlock", "0x6", "toBlock", "0x64"))).isEmpty();
    JsonNode e = error(d, "eth_getLogs", filter("fromBlock", "0x4", "toBlock", "0x2"));
    assertThat(e.get("code").asInt()).isEqualTo(-32000);
    assertThat(e.get("message").asText()).contains("invalid block range params");
  }

  @Test
  void blockRangeLimit() {
    RpcDispatcher limited = api(EthChainOptions.defaults().withMaxLogBlockRange(3));
    assertThat(summary(result(limited, "eth_getLogs", filter("fromBlock", "0x2", "toBlock", "0x4"))))
        .containsExactly("2:1", "2:2", "3:-", "3:3");
    JsonNode e = error(limited, "eth_getLogs", filter("fromBlock", "0x1", "toBlock", "0x4"));
    assertThat(e.get("code").asInt()).isEqualTo(-32005);
    assertThat(e.get("message").asText()).contains("4 blocks").contains("limit of 3 blocks");
    // The range is measured after clamping to the head.
    assertThat(result(limited, "eth_getLogs", filter("fromBlock", "0x3", "toBlock", "0x3e8"))).hasSize(3);
  }

  @Test
  void resultLimit() {
    RpcDispatcher limited = api(EthChainOptions.defaults().withMaxLogResults(3));
    assertThat(result(limited, "eth_getLogs", filter("fromBlock", "0x3"))).hasSize(3);
    JsonNode e = error(limited, "eth_getLogs", filter("fromBlock", "0x0"));
    assertThat(e.get("code").asInt()).isEqualTo(-32005);
    assertThat(e.get("message").asText()).contains("more than 3 logs").contains("[0x0, 0x2]");

    RpcDispatcher tiny = api(EthChainOptions.defaults().withMaxLogResults(1));
    e = error(tiny, "eth_getLogs", filter("fromBlock", "0x2", "toBlock", "0x2"));
    assertThat(e.get("message").asText()).contains("block 2 alone");
  }

  @Test
  void badFilters() {
    JsonNode e = error(d, "eth_getLogs", filter("address", "0x1234"));
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (filter.address)").contains("20 bytes");

    e = error(d, "eth_getLogs", filter("topics", list("0x12")));
    assertThat(e.get("message").asText()).contains("filter.topics[0]").contains("32 bytes");

    e = error(d, "eth_getLogs", filter("topics", list(null, null, null, null, null)));
    assertThat(e.get("message").asText()).contains("more than 4 positions");

    e = error(d, "eth_getLogs", filter("topics", list(null, list(7))));
    assertThat(e.get("message").asText()).contains("filter.topics[1]");

    e = error(d, "eth_getLogs", filter("fromBlock", "0x01"));
    assertThat(e.get("message").asText()).contains("filter.fromBlock").contains("leading zero");

    e = error(d, "eth_getLogs", filter("blockHash", f.blocks[1].hash().toHex(), "fromBlock", "0x1"));
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("cannot specify both blockHash and fromBlock/toBlock");

    e = error(d, "eth_getLogs", filter("toBlock", f.blocks[1].hash().toHex()));
    assertThat(e.get("message").asText()).contains("toBlock").contains("use blockHash");

    e = error(d, "eth_getLogs", "latest");
    assertThat(e.get("message").asText()).contains("argument 0 (filter)").contains("object");

    e = error(d, "eth_getLogs");
    assertThat(e.get("message").asText()).contains("argument 0 (filter)");
  }
}
