package org.linden.light;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class LyingServerTest {
  private static final SyntheticChain CHAIN = new SyntheticChain(n -> SyntheticChain.keys(1, 4), 40, 10);
  private static final String EMITTER = SyntheticChain.EMITTER.toHex();

  private static LightHarness through(BiFunction<String, JsonNode, JsonNode> alter) {
    return new LightHarness(CHAIN.header(0), null, new LyingUpstream(CHAIN, alter));
  }

  private static Map<String, Object> logFilter() {
    return Map.of("fromBlock", "0x0", "toBlock", "latest", "address", EMITTER);
  }

  @Test
  void honestAnswersPassThrough() {
    LightHarness light = through((m, r) -> r);
    assertThat(light.result("eth_getBalance", SyntheticChain.RICH.toHex(), "latest").asText()).isEqualTo("0xde0b6b3a7640000");
    assertThat(light.result("eth_getTransactionCount", SyntheticChain.RICH.toHex(), "latest").asText()).isEqualTo("0x3");
    assertThat(light.result("eth_getStorageAt", SyntheticChain.CONTRACT.toHex(), "0x7", "latest").asText())
        .isEqualTo(Hash.wrap(SyntheticChain.SLOT_VALUE.toBytes32()).toHex());
    assertThat(light.result("eth_getCode", SyntheticChain.CONTRACT.toHex(), "latest").asText()).isEqualTo(SyntheticChain.CODE.toHex());
    assertThat(light.result("eth_getBalance", "0x00000000000000000000000000000000000000ff", "latest").asText()).isEqualTo("0x0");
    assertThat(light.result("eth_call", Map.of("to", SyntheticChain.CONTRACT.toHex()), "latest").asText())
        .isEqualTo(Hash.wrap(SyntheticChain.SLOT_VALUE.toBytes32()).toHex());
    assertThat(Long.decode(light.result("eth_estimateGas", Map.of("to", SyntheticChain.CONTRACT.toHex()), "latest").asText())).isGreaterThan(21_000);
    JsonNode logs = light.result("eth_getLogs", logFilter());
    assertThat(logs).hasSize(4);
    assertThat(logs.get(0).get("blockNumber").asText()).isEqualTo("0xa");
    JsonNode block = light.result("eth_getBlockByNumber", "0x14", true);
    assertThat(block.get("hash").asText()).isEqualTo(CHAIN.header(20).hash().toHex());
    String txHash = block.get("transactions").get(0).get("hash").asText();
    JsonNode receipt = light.result("eth_getTransactionReceipt", txHash);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("logs").get(0).get("data").asText()).isEqualTo("0xbeef");
    assertThat(light.result("eth_getTransactionByHash", txHash).get("blockNumber").asText()).isEqualTo("0x14");
  }

  @Test
  void anAlteredBalanceIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.equals("eth_getProof")) {
        ((ObjectNode) r).put("balance", "0x1");
      }
      return r;
    });
    assertThat(light.error("eth_getBalance", SyntheticChain.RICH.toHex(), "latest"))
        .contains("not verified").contains("balance of " + SyntheticChain.RICH).contains("its proof shows");
  }

  @Test
  void anAlteredAccountProofIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.equals("eth_getProof")) {
        ArrayNode proof = (ArrayNode) r.get("accountProof");
        String last = proof.get(proof.size() - 1).asText();
        proof.set(proof.size() - 1, proof.textNode(last.substring(0, last.length() - 2) + "00"));
      }
      return r;
    });
    assertThat(light.error("eth_getBalance", SyntheticChain.RICH.toHex(), "latest")).contains("not verified").contains("proof");
  }

  @Test
  void anAlteredStorageSlotIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.equals("eth_getProof") && r.get("storageProof").size() > 0) {
        ((ObjectNode) r.get("storageProof").get(0)).put("value", "0x99");
      }
      return r;
    });
    assertThat(light.error("eth_getStorageAt", SyntheticChain.CONTRACT.toHex(), "0x7", "latest"))
        .contains("not verified").contains("storage slot");
    assertThat(light.error("eth_call", Map.of("to", SyntheticChain.CONTRACT.toHex()), "latest")).contains("storage slot");
  }

  @Test
  void alteredCodeIsDetected() {
    LightHarness light = through((m, r) -> m.equals("eth_getCode") ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode("0x60006000f3") : r);
    assertThat(light.error("eth_getCode", SyntheticChain.CONTRACT.toHex(), "latest")).contains("does not hash to the proven code hash");
  }

  @Test
  void anAlteredHeaderFieldIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.startsWith("eth_getBlockBy") && r.isObject()) {
        ((ObjectNode) r).put("stateRoot", Hash.ZERO.toHex());
      }
      return r;
    });
    assertThat(light.error("eth_getBalance", SyntheticChain.RICH.toHex(), "latest"))
        .contains("not verified").contains("commit seals do not verify");
  }

  @Test
  void anAlteredSealIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.startsWith("eth_getBlockBy") && r.isObject()) {
        QbftExtraData extra = QbftExtraData.decode(Bytes.fromHex(r.get("extraData").asText()));
        var seals = new java.util.ArrayList<>(extra.commitSeals());
        var s = seals.get(0);
        seals.set(0, new org.linden.crypto.Signature(s.r().add(UInt256.ONE), s.s(), s.recoveryId()));
        ((ObjectNode) r).put("extraData", extra.withCommitSeals(seals).encode().toHex());
      }
      return r;
    });
    assertThat(light.error("eth_blockNumber")).contains("not verified").contains("commit seals do not verify");
  }

  @Test
  void anAlteredReceiptIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.equals("eth_getBlockReceipts") && r.size() > 0) {
        ((ObjectNode) r.get(0)).put("status", "0x0");
      }
      return r;
    });
    String tx = CHAIN.block(20).transactions().get(0).hash().toHex();
    assertThat(light.error("eth_getTransactionReceipt", tx)).contains("not verified").contains("receipts root");
  }

  @Test
  void anAlteredLogIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.equals("eth_getBlockReceipts") && r.size() > 0) {
        ((ObjectNode) r.get(0).get("logs").get(0)).put("data", "0xbeee");
      }
      return r;
    });
    assertThat(light.error("eth_getLogs", logFilter())).contains("not verified").contains("receipts root");
  }

  @Test
  void aHiddenLogIsDetected() {
    LightHarness light = through((m, r) -> {
      if (m.equals("eth_getBlockReceipts") && r.size() > 0) {
        ((ArrayNode) r.get(0).get("logs")).removeAll();
      }
      return r;
    });
    assertThat(light.error("eth_getLogs", logFilter())).contains("not verified").contains("receipts root");
  }

  @Test
  void anAlteredTransactionIsDetected() {
    LightHarness light = through((m, r) -> m.equals("eth_getRawTransactionByBlockHashAndIndex")
        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(org.linden.chain.tx.TransactionCodec.encode(CHAIN.block(10).transactions().get(0)).toHex()) : r);
    assertThat(light.error("eth_getBlockByNumber", "0x14", false)).contains("not verified").contains("transactions root");
  }

  private static BiFunction<String, JsonNode, JsonNode> pendingNonce(String claimed) {
    return (m, r) -> m.equals("eth_getTransactionCount") ? JsonNodeFactory.instance.textNode(claimed) : r;
  }

  @Test
  void thePendingNonceIsNeverBelowTheProvenOne() {
    String rich = SyntheticChain.RICH.toHex();
    assertThat(through((m, r) -> r).result("eth_getTransactionCount", rich, "pending").asText()).isEqualTo("0x3");
    // A pool no header commits to: two more waiting transactions are taken as the server says.
    assertThat(through(pendingNonce("0x5")).result("eth_getTransactionCount", rich, "pending").asText())
        .isEqualTo("0x5");
    // A server claiming fewer than the chain has used cannot pull the answer below the proof.
    assertThat(through(pendingNonce("0x1")).result("eth_getTransactionCount", rich, "pending").asText())
        .isEqualTo("0x3");
    assertThat(through(pendingNonce("0x0")).result("eth_getTransactionCount", rich, "latest").asText())
        .isEqualTo("0x3");
    // Nor can a lie in the proof: the proven nonce is checked as for "latest".
    LightHarness liar = through((m, r) -> {
      if (m.equals("eth_getProof")) {
        ((ObjectNode) r).put("nonce", "0x1");
      }
      return r;
    });
    assertThat(liar.error("eth_getTransactionCount", rich, "pending")).contains("not verified").contains("nonce");
  }

  @Test
  void aMalformedPendingNonceFailsOverToTheNextServer() {
    Upstream garbled = new LyingUpstream(CHAIN, pendingNonce("lots"));
    assertThat(new LightHarness(CHAIN.header(0), null, garbled)
        .error("eth_getTransactionCount", SyntheticChain.RICH.toHex(), "pending"))
        .contains("not verified").contains("pending transaction count");
    LightHarness light = new LightHarness(CHAIN.header(0), null, garbled, CHAIN);
    assertThat(light.result("eth_getTransactionCount", SyntheticChain.RICH.toHex(), "pending").asText()).isEqualTo("0x3");
    assertThat(light.pool.strikes(0)).isEqualTo(1);
  }

  @Test
  void aLyingServerIsSkippedForAnHonestOne() {
    Upstream liar = new LyingUpstream(CHAIN, (m, r) -> {
      if (m.equals("eth_getProof")) {
        ((ObjectNode) r).put("nonce", "0x9");
      }
      return r;
    });
    LightHarness light = new LightHarness(CHAIN.header(0), null, liar, CHAIN);
    assertThat(light.result("eth_getTransactionCount", SyntheticChain.RICH.toHex(), "latest").asText()).isEqualTo("0x3");
    assertThat(light.pool.strikes(0)).isEqualTo(1);
    assertThat(light.pool.strikes(1)).isZero();
  }
}
