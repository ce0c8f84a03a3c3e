package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.BOOM;
import static org.linden.rpc.eth.StateTestChain.ENV;
import static org.linden.rpc.eth.StateTestChain.FORWARDER;
import static org.linden.rpc.eth.StateTestChain.SENDER;
import static org.linden.rpc.eth.StateTestChain.STORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.BlockHeader;
import org.linden.rpc.Quantity;
import org.linden.trie.MerkleTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** eth_simulateV1: blocks of calls building on each other, overrides, validation and transfer tracing. */
class EthCallSimulateTest {
  private static final Address A = Address.fromHex("0xc000000000000000000000000000000000000000");
  private static final Address B = Address.fromHex("0xc100000000000000000000000000000000000000");
  private static final Address C = Address.fromHex("0xc200000000000000000000000000000000000000");
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create();
  }

  private static Map<String, Object> call(Address from, Address to, String... fields) {
    Map<String, Object> m = new HashMap<>();
    m.put("from", from.toHex());
    m.put("to", to.toHex());
    for (int i = 0; i < fields.length; i += 2) {
      m.put(fields[i], fields[i + 1]);
    }
    return m;
  }

  private static String word(long v) {
    return UInt256.valueOf(v).toBytes32().toHex();
  }

  private static JsonNode simulate(Object payload) {
    return c.result("eth_simulateV1", payload, "latest");
  }

  @Test
  void theSpecificationsTransferExample() {
    JsonNode blocks = simulate(Map.of("blockStateCalls", List.of(Map.of(
        "stateOverrides", Map.of(A.toHex(), Map.of("balance", "0x3e8")),
        "calls", List.of(call(A, B, "value", "0x3e8"), call(B, C, "value", "0x3e8"))))));
    assertThat(blocks.size()).isEqualTo(1);
    JsonNode b = blocks.get(0);
    BlockHeader head = c.chain.head();
    assertThat(b.get("number").asText()).isEqualTo("0x3");
    assertThat(b.get("parentHash").asText()).isEqualTo(head.hash().toHex());
    assertThat(Long.decode(b.get("timestamp").asText())).isEqualTo(head.timestamp() + 12);
    assertThat(b.get("gasUsed").asText()).isEqualTo("0xa410");
    assertThat(b.get("baseFeePerGas").asText()).isEqualTo("0x0");
    assertThat(b.get("stateRoot").asText()).isNotEqualTo(Hash.ZERO.toHex());
    assertThat(b.get("transactions").size()).isEqualTo(2);
    for (JsonNode r : b.get("calls")) {
      assertThat(r.get("status").asText()).isEqualTo("0x1");
      assertThat(r.get("gasUsed").asText()).isEqualTo("0x5208");
      assertThat(r.get("returnData").asText()).isEqualTo("0x");
      assertThat(r.get("logs").size()).isZero();
    }
  }

  @Test
  void anEmptyBlockKeepsTheStateRootAndACallChangesIt() {
    BlockHeader head = c.chain.head();
    JsonNode blocks = simulate(Map.of("blockStateCalls", List.of(Map.of(),
        Map.of("calls", List.of(call(SENDER, STORE, "input", word(0x99)))))));
    assertThat(blocks.get(0).get("stateRoot").asText()).isEqualTo(head.stateRoot().toHex());
    assertThat(blocks.get(0).get("transactionsRoot").asText()).isEqualTo(MerkleTrie.EMPTY_ROOT.toHex());
    assertThat(blocks.get(1).get("stateRoot").asText()).isNotIn(head.stateRoot().toHex(), Hash.ZERO.toHex());
    // On an older block's state the root cannot be computed and is reported as zero.
    JsonNode older = c.result("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of())), "0x1");
    assertThat(older.get(0).get("stateRoot").asText()).isEqualTo(Hash.ZERO.toHex());
  }

  @Test
  void aValidatedSimulationMatchesTheRealBlock() throws Exception {
    StateTestChain fresh = StateTestChain.create();
    JsonNode sim = fresh.result("eth_simulateV1", Map.of("validation", true, "blockStateCalls", List.of(Map.of(
        "calls", List.of(call(SENDER, StateTestChain.OTHER, "value", "0x1", "gas", "0x5208",
            "maxFeePerGas", "0x174876e800", "maxPriorityFeePerGas", Quantity.of(StateTestChain.TIP)))))), "latest")
        .get(0);
    BlockHeader real = fresh.addBlock(fresh.tx(StateTestChain.OTHER, 1, Bytes.EMPTY, 21_000)).header();
    assertThat(sim.get("stateRoot").asText()).isEqualTo(real.stateRoot().toHex());
    assertThat(sim.get("receiptsRoot").asText()).isEqualTo(real.receiptsRoot().toHex());
    assertThat(sim.get("baseFeePerGas").asText()).isEqualTo(Quantity.of(real.baseFeePerGas()));
    assertThat(sim.get("gasUsed").asText()).isEqualTo(Quantity.of(real.gasUsed()));
    assertThat(sim.get("timestamp").asText()).isEqualTo(Quantity.of(real.timestamp()));
    assertThat(sim.get("miner").asText()).isEqualTo(real.coinbase().toHex());
  }

  @Test
  void laterBlocksSeeEarlierCallsAndGapsAreFilled() {
    BlockHeader head = c.chain.head();
    Address miner = Address.fromNumber(0xabc);
    JsonNode blocks = simulate(Map.of("blockStateCalls", List.of(
        Map.of("calls", List.of(call(SENDER, STORE, "input", word(0x99)))),
        Map.of("blockOverrides", Map.of("number", "0x6", "feeRecipient", miner.toHex()),
            "calls", List.of(call(SENDER, STORE), call(SENDER, ENV))))));
    assertThat(blocks.size()).isEqualTo(4);
    assertThat(blocks.get(1).get("calls").size()).isZero();
    assertThat(Long.decode(blocks.get(3).get("timestamp").asText())).isEqualTo(head.timestamp() + 48);
    for (int i = 1; i < 4; i++) {
      assertThat(blocks.get(i).get("parentHash").asText()).isEqualTo(blocks.get(i - 1).get("hash").asText());
    }
    JsonNode last = blocks.get(3);
    assertThat(last.get("number").asText()).isEqualTo("0x6");
    assertThat(last.get("miner").asText()).isEqualTo(miner.toHex());
    assertThat(last.get("calls").get(0).get("returnData").asText()).isEqualTo(word(0x99));
    String env = last.get("calls").get(1).get("returnData").asText().substring(2);
    assertThat(UInt256.fromHex("0x" + env.substring(0, 64))).isEqualTo(UInt256.valueOf(6));
    assertThat(env.substring(128 + 24, 192)).isEqualTo(miner.toHex().substring(2));
  }

  @Test
  void aFailedCallIsReportedInItsResult() {
    JsonNode r = simulate(Map.of("blockStateCalls", List.of(Map.of("calls", List.of(call(SENDER, BOOM))))))
        .get(0).get("calls").get(0);
    assertThat(r.get("status").asText()).isEqualTo("0x0");
    assertThat(r.get("error").get("code").asInt()).isEqualTo(3);
    assertThat(r.get("error").get("message").asText()).isEqualTo("execution reverted: boom");
    assertThat(r.get("error").get("data").asText()).startsWith("0x08c379a0");
    assertThat(r.get("returnData").asText()).startsWith("0x08c379a0");
  }

  @Test
  void validationChecksNoncesAndFees() {
    JsonNode nonce = c.error("eth_simulateV1", Map.of("validation", true, "blockStateCalls", List.of(Map.of(
        "calls", List.of(call(SENDER, C, "nonce", "0x9", "maxFeePerGas", "0x174876e800"))))), "latest");
    assertThat(nonce.get("code").asInt()).isEqualTo(-38011);
    JsonNode fee = c.error("eth_simulateV1", Map.of("validation", true, "blockStateCalls", List.of(Map.of(
        "calls", List.of(call(SENDER, C))))), "latest");
    assertThat(fee.get("message").asText()).startsWith("max fee per gas less than block base fee");
    JsonNode ok = c.result("eth_simulateV1", Map.of("validation", true, "blockStateCalls", List.of(Map.of(
        "calls", List.of(call(SENDER, C, "maxFeePerGas", "0x174876e800", "value", "0x1"),
            call(SENDER, C, "maxFeePerGas", "0x174876e800", "value", "0x1"))))), "latest");
    assertThat(ok.get(0).get("baseFeePerGas").asText()).isNotEqualTo("0x0");
    assertThat(ok.get(0).get("calls").get(1).get("status").asText()).isEqualTo("0x1");
    JsonNode poor = c.error("eth_simulateV1", Map.of("blockStateCalls", List.of(Map.of(
        "calls", List.of(call(C, SENDER, "value", "0x1"))))), "latest");
    assertThat(poor.get("code").asInt()).isEqualTo(-38014);
  }

  @Test
  void transfersCanBeTracedAsLogs() {
    JsonNode calls = simulate(Map.of("traceTransfers", true, "blockStateCalls", List.of(Map.of(
        "calls", List.of(call(SENDER, C, "value", "0x3e8"), call(SENDER, FORWARDER, "value", "0x5",
            "input", word(1)), call(SENDER, BOOM, "value", "0x7"))))))
        .get(0).get("calls");
    JsonNode log = calls.get(0).get("logs").get(0);
    assertThat(log.get("address").asText()).isEqualTo(SimulateLogTracer.TRANSFER_EMITTER.toHex());
    assertThat(log.get("topics").get(0).asText())
        .isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    assertThat(log.get("topics").get(1).asText()).endsWith(SENDER.toHex().substring(2));
    assertThat(log.get("topics").get(2).asText()).endsWith(C.toHex().substring(2));
    assertThat(log.get("data").asText()).isEqualTo(word(0x3e8));
    assertThat(log.get("logIndex").asText()).isEqualTo("0x0");
    // The forwarder passes no value on: one transfer, into it.
    assertThat(calls.get(1).get("logs").size()).isEqualTo(1);
    assertThat(calls.get(1).get("logs").get(0).get("logIndex").asText()).isEqualTo("0x1");
    // A reverted call moved nothing.
    assertThat(calls.get(2).get("logs").size()).isZero();
  }

  @Test
  void badChainsAreRefused() {
    JsonNode back = c.error("eth_simulateV1", Map.of("blockStateCalls", List.of(
        Map.of("blockOverrides", Map.of("number", "0x2")))), "latest");
    assertThat(back.get("code").asInt()).isEqualTo(-38020);
    JsonNode time = c.error("eth_simulateV1", Map.of("blockStateCalls", List.of(
        Map.of("blockOverrides", Map.of("time", "0x1")))), "latest");
    assertThat(time.get("code").asInt()).isEqualTo(-38021);
    JsonNode empty = c.error("eth_simulateV1", Map.of("blockStateCalls", List.of()), "latest");
    assertThat(empty.get("code").asInt()).isEqualTo(-32602);
    JsonNode far = c.error("eth_simulateV1", Map.of("blockStateCalls", List.of(
        Map.of("blockOverrides", Map.of("number", "0x200")))), "latest");
    assertThat(far.get("code").asInt()).isEqualTo(-38026);
    JsonNode unknown = c.error("eth_simulateV1", Map.of("blockStateCall", List.of()), "latest");
    assertThat(unknown.get("message").asText()).contains("unknown field \"blockStateCall\"");
  }
}
