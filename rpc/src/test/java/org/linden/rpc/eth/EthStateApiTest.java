package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.OTHER;
import static org.linden.rpc.eth.StateTestChain.SENDER;
import static org.linden.rpc.eth.StateTestChain.STORE;
import static org.linden.rpc.eth.StateTestChain.STORE_CODE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.types.UInt256;

/** Chain id, sync status and the account getters at the head and at an older block. */
class EthStateApiTest {
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create(a -> a.equals(SENDER) ? OptionalLong.of(9) : OptionalLong.empty(), Optional::empty);
  }

  @Test
  void chainIdAndSyncing() throws Exception {
    assertThat(c.result("eth_chainId").asText()).isEqualTo("0x539");
    assertThat(c.result("eth_syncing").isBoolean()).isTrue();
    assertThat(c.result("eth_syncing").asBoolean()).isFalse();
    StateTestChain syncing = StateTestChain.create(a -> OptionalLong.empty(),
        () -> Optional.of(new EthStateApi.SyncStatus(1, 2, 300)));
    JsonNode st = syncing.result("eth_syncing");
    assertThat(st.get("startingBlock").asText()).isEqualTo("0x1");
    assertThat(st.get("currentBlock").asText()).isEqualTo("0x2");
    assertThat(st.get("highestBlock").asText()).isEqualTo("0x12c");
    assertThat(c.error("eth_chainId", "extra").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void balancesAtTheHeadAndAtAnOlderBlock() {
    assertThat(c.result("eth_getBalance", OTHER.toHex(), "latest").asText()).isEqualTo("0x3");
    assertThat(c.result("eth_getBalance", OTHER.toHex()).asText()).isEqualTo("0x3");
    assertThat(c.result("eth_getBalance", OTHER.toHex(), "0x1").asText()).isEqualTo("0x1");
    assertThat(c.result("eth_getBalance", OTHER.toHex(), "earliest").asText()).isEqualTo("0x0");
    String block1 = c.blocks.get(1).hash().toHex();
    assertThat(c.result("eth_getBalance", OTHER.toHex(), Map.of("blockHash", block1)).asText()).isEqualTo("0x1");
    UInt256 senderNow = UInt256.fromHex(c.result("eth_getBalance", SENDER.toHex()).asText());
    UInt256 senderThen = UInt256.fromHex(c.result("eth_getBalance", SENDER.toHex(), "0x1").asText());
    assertThat(senderNow.lt(senderThen)).isTrue();
  }

  @Test
  void codeStorageAndNonces() {
    assertThat(c.result("eth_getCode", STORE.toHex(), "latest").asText()).isEqualTo(STORE_CODE);
    assertThat(c.result("eth_getCode", OTHER.toHex(), "latest").asText()).isEqualTo("0x");
    String word2b = "0x" + "00".repeat(31) + "2b";
    assertThat(c.result("eth_getStorageAt", STORE.toHex(), "0x0", "latest").asText()).isEqualTo(word2b);
    assertThat(c.result("eth_getStorageAt", STORE.toHex(), "0x" + "00".repeat(32), "latest").asText())
        .isEqualTo(word2b);
    assertThat(c.result("eth_getStorageAt", STORE.toHex(), "0x0", "0x1").asText()).endsWith("2a");
    assertThat(c.result("eth_getStorageAt", STORE.toHex(), "0x0", "0x0").asText()).isEqualTo("0x" + "00".repeat(32));
    assertThat(c.result("eth_getStorageAt", STORE.toHex(), "0x1").asText()).endsWith("05");
    assertThat(c.result("eth_getTransactionCount", SENDER.toHex(), "latest").asText()).isEqualTo("0x4");
    assertThat(c.result("eth_getTransactionCount", SENDER.toHex(), "0x1").asText()).isEqualTo("0x2");
    assertThat(c.result("eth_getTransactionCount", SENDER.toHex(), "pending").asText()).isEqualTo("0x9");
    assertThat(c.result("eth_getTransactionCount", OTHER.toHex(), "pending").asText()).isEqualTo("0x0");
  }

  @Test
  void badParamsNameTheArgument() {
    JsonNode e = c.error("eth_getBalance", "0x1234", "latest");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (address)");
    e = c.error("eth_getBalance");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (address)");
    e = c.error("eth_getBalance", OTHER.toHex(), "0x01");
    assertThat(e.get("message").asText()).contains("argument 1 (block)").contains("leading zero");
    e = c.error("eth_getStorageAt", STORE.toHex(), "0x" + "00".repeat(33), "latest");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 1 (slot)");
    e = c.error("eth_getStorageAt", STORE.toHex(), 5, "latest");
    assertThat(e.get("message").asText()).contains("argument 1 (slot)");
    e = c.error("eth_getCode", STORE.toHex(), "latest", "more");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    e = c.error("eth_getBalance", OTHER.toHex(), "0x99");
    assertThat(e.get("code").asInt()).isEqualTo(-32000);
    assertThat(e.get("message").asText()).isEqualTo("header not found");
    e = c.error("eth_getProof", STORE.toHex(), List.of("0x0"));
    assertThat(e.get("message").asText()).contains("argument 2 (block)");
  }
}
