package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.node.dev.DevGenesis;
import org.linden.node.rpc.RpcApis;

/**
 * The explorer's address index on an in-process dev node: paging newest first, entries
 * of blocks taken off by a revert disappear, and a node restarted with the index turned
 * off and on again catches up with the blocks it missed.
 */
class AddressIndexTest {
  private static final String FROM = DevGenesis.accounts().get(4).address().toHex();
  private static final String TO = "0x00000000000000000000000000000000000a11ce";

  @TempDir Path tmp;

  private LindenNode start(boolean index) {
    return LindenNode.dev(tmp.resolve("chain"), new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", 0, RpcApis.defaults(true), List.of(), null),
        new ObservabilitySettings(true, index, "127.0.0.1", ObservabilitySettings.OFF));
  }

  private static String send(RpcClient rpc, long wei) throws Exception {
    return rpc.result("eth_sendTransaction", Map.of("from", FROM, "to", TO, "value", "0x" + Long.toHexString(wei)))
        .asText();
  }

  /** Every transaction hash listed for {@link #TO}, page by page. */
  private static List<String> listed(RpcClient rpc, int pageSize) throws Exception {
    List<String> hashes = new ArrayList<>();
    JsonNode cursor = null;
    do {
      JsonNode page = rpc.result("linden_getAddressTransactions", TO, cursor, "0x" + Integer.toHexString(pageSize));
      assertThat(page.get("items").size()).isLessThanOrEqualTo(pageSize);
      page.get("items").forEach(item -> hashes.add(item.get("hash").asText()));
      cursor = page.get("next").isNull() ? null : page.get("next");
    } while (cursor != null);
    return hashes;
  }

  @Test
  void pagesFollowRevertsAndCatchUpAfterARestart() throws Exception {
    List<String> sent = new ArrayList<>();
    try (LindenNode node = start(true)) {
      RpcClient rpc = new RpcClient(node.port());
      for (int i = 1; i <= 3; i++) {
        sent.add(0, send(rpc, i));
      }
      assertThat(listed(rpc, 2)).containsExactlyElementsOf(sent);
      JsonNode first = rpc.result("linden_getAddressTransactions", TO).get("items").get(0);
      assertThat(first.get("from").asText()).isEqualToIgnoringCase(FROM);
      assertThat(first.get("to").asText()).isEqualToIgnoringCase(TO);
      assertThat(first.get("value").asText()).isEqualTo("0x3");
      assertThat(first.get("status").asText()).isEqualTo("0x1");

      String snapshot = rpc.result("evm_snapshot").asText();
      String undone = send(rpc, 4);
      assertThat(listed(rpc, 10)).startsWith(undone);
      assertThat(rpc.result("evm_revert", snapshot).asBoolean()).isTrue();
      assertThat(listed(rpc, 10)).containsExactlyElementsOf(sent);

      assertThat(rpc.call("linden_getAddressTransactions", TO, "not-a-cursor").get("error").get("code").asInt())
          .isEqualTo(-32602);
      assertThat(rpc.call("linden_getAddressTransactions", TO, null, "0x0").get("error").get("code").asInt())
          .isEqualTo(-32602);
    }
    try (LindenNode node = start(false)) {
      RpcClient rpc = new RpcClient(node.port());
      sent.add(0, send(rpc, 5));
      JsonNode off = rpc.call("linden_getAddressTransactions", TO);
      assertThat(off.get("error").get("message").asText()).contains("turned off");
      assertThat(rpc.result("linden_indexStatus").get("enabled").asBoolean()).isFalse();
    }
    try (LindenNode node = start(true)) {
      RpcClient rpc = new RpcClient(node.port());
      assertThat(listed(rpc, 2)).containsExactlyElementsOf(sent);
      JsonNode status = rpc.result("linden_indexStatus");
      assertThat(status.get("indexedBlock").asText()).isEqualTo(rpc.result("eth_blockNumber").asText());
    }
  }
}
