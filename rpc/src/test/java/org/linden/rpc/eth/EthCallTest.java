package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.BOOM;
import static org.linden.rpc.eth.StateTestChain.CUSTOM;
import static org.linden.rpc.eth.StateTestChain.ENV;
import static org.linden.rpc.eth.StateTestChain.INVALID;
import static org.linden.rpc.eth.StateTestChain.PANIC;
import static org.linden.rpc.eth.StateTestChain.READER;
import static org.linden.rpc.eth.StateTestChain.SENDER;
import static org.linden.rpc.eth.StateTestChain.STORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.execution.HeaderValidator;
import org.linden.types.Address;
import org.linden.types.UInt256;

/** eth_call: results, overrides, reverts with their reasons, and refused calls. */
class EthCallTest {
  private static final String W2A = "0x" + "00".repeat(31) + "2a";
  private static final String W2B = "0x" + "00".repeat(31) + "2b";
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create();
  }

  private static Map<String, Object> tx(Address to, String... fields) {
    Map<String, Object> m = new HashMap<>();
    m.put("to", to.toHex());
    for (int i = 0; i < fields.length; i += 2) {
      m.put(fields[i], fields[i + 1]);
    }
    return m;
  }

  private static String word(long v) {
    return UInt256.valueOf(v).toBytes32().toHex();
  }

  @Test
  void readsStateAtTheHeadAndAtAnOlderBlock() {
    assertThat(c.result("eth_call", tx(STORE), "latest").asText()).isEqualTo(W2B);
    assertThat(c.result("eth_call", tx(STORE)).asText()).isEqualTo(W2B);
    assertThat(c.result("eth_call", tx(STORE), "0x1").asText()).isEqualTo(W2A);
    assertThat(c.result("eth_call", tx(READER, "from", SENDER.toHex()), "latest").asText()).isEqualTo(W2B);
    // A write is visible within the call, and gone afterwards.
    assertThat(c.result("eth_call", tx(STORE, "input", word(7)), "latest").asText()).isEqualTo(word(7));
    assertThat(c.result("eth_call", tx(STORE, "data", word(7), "input", word(7))).asText()).isEqualTo(word(7));
    assertThat(c.result("eth_call", tx(STORE), "latest").asText()).isEqualTo(W2B);
    // A call from a contract, with no fee and no balance, runs (as in geth).
    assertThat(c.result("eth_call", tx(STORE, "from", READER.toHex(), "value", "0x0")).asText()).isEqualTo(W2B);
  }

  @Test
  void seesTheBlockItRunsIn() {
    JsonNode env = c.result("eth_call", tx(ENV), "latest");
    String out = env.asText().substring(2);
    assertThat(UInt256.fromHex("0x" + out.substring(0, 64))).isEqualTo(UInt256.valueOf(2));
    assertThat(UInt256.fromHex("0x" + out.substring(64, 128)).longValue()).isEqualTo(c.chain.head().timestamp());
    // A call without fees sees a base fee of zero, as in geth.
    assertThat(UInt256.fromHex("0x" + out.substring(192, 256))).isEqualTo(UInt256.ZERO);
    JsonNode priced = c.result("eth_call", tx(ENV, "maxFeePerGas", "0x174876e800", "from", SENDER.toHex()), "latest");
    assertThat(UInt256.fromHex("0x" + priced.asText().substring(2 + 192, 2 + 256)))
        .isEqualTo(c.chain.head().baseFeePerGas());
    assertThat(HeaderValidator.baseFee(c.chain.head())).isNotNull();
  }

  @Test
  void stateOverridesReplaceBalanceCodeAndStorage() {
    Map<String, Object> diff = Map.of(STORE.toHex(), Map.of("stateDiff", Map.of(word(0), word(7))));
    assertThat(c.result("eth_call", tx(STORE), "latest", diff).asText()).isEqualTo(word(7));
    // 'state' replaces all storage: slot 1 (genesis 5) is gone, slot 0 is set.
    Map<String, Object> whole = Map.of(STORE.toHex(), Map.of("state", Map.of(word(0), word(9))));
    assertThat(c.result("eth_call", tx(STORE), "latest", whole).asText()).isEqualTo(word(9));
    // New code at an address with no code: a contract returning SLOAD(1) sees the replaced storage.
    String slot1Reader = "0x60015460005260206000f3";
    Address fresh = Address.fromNumber(0xf00d);
    Map<String, Object> code = Map.of(fresh.toHex(), Map.of("code", slot1Reader, "stateDiff", Map.of(word(1), word(3))));
    assertThat(c.result("eth_call", tx(fresh), "latest", code).asText()).isEqualTo(word(3));
    Map<String, Object> storeWhole = Map.of(STORE.toHex(), Map.of("code", slot1Reader, "state", Map.of()));
    assertThat(c.result("eth_call", tx(STORE), "latest", storeWhole).asText()).isEqualTo(word(0));
    // A balance override funds a priced call that would otherwise be refused.
    Address poor = Address.fromNumber(0x9999);
    Map<String, Object> priced = tx(STORE, "from", poor.toHex(), "gasPrice", "0x174876e800");
    JsonNode refused = c.error("eth_call", priced, "latest");
    assertThat(refused.get("code").asInt()).isEqualTo(-32000);
    assertThat(refused.get("message").asText()).startsWith("insufficient funds for gas * price + value");
    Map<String, Object> rich = Map.of(poor.toHex(), Map.of("balance", "0xde0b6b3a7640000000"));
    assertThat(c.result("eth_call", priced, "latest", rich).asText()).isEqualTo(W2B);
    JsonNode both = c.error("eth_call", tx(STORE), "latest",
        Map.of(STORE.toHex(), Map.of("state", Map.of(), "stateDiff", Map.of())));
    assertThat(both.get("code").asInt()).isEqualTo(-32602);
    assertThat(both.get("message").asText()).contains("both 'state' and 'stateDiff'");
  }

  @Test
  void blockOverridesChangeWhatTheCallSees() {
    Address miner = Address.fromNumber(0xabc);
    Map<String, Object> overrides = Map.of("number", "0x64", "time", "0x1234", "feeRecipient", miner.toHex(),
        "baseFeePerGas", "0x7");
    String out = c.result("eth_call", tx(ENV, "gasPrice", "0x7", "from", SENDER.toHex()), "latest", Map.of(), overrides).asText().substring(2);
    assertThat(UInt256.fromHex("0x" + out.substring(0, 64))).isEqualTo(UInt256.valueOf(100));
    assertThat(UInt256.fromHex("0x" + out.substring(64, 128))).isEqualTo(UInt256.valueOf(0x1234));
    assertThat(out.substring(128 + 24, 192)).isEqualTo(miner.toHex().substring(2));
    assertThat(UInt256.fromHex("0x" + out.substring(192, 256))).isEqualTo(UInt256.valueOf(7));
    JsonNode bad = c.error("eth_call", tx(ENV), "latest", Map.of(), Map.of("withdrawals", java.util.List.of()));
    assertThat(bad.get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void aRevertIsError3WithItsDataAndDecodedReason() {
    JsonNode boom = c.error("eth_call", tx(BOOM), "latest");
    assertThat(boom.get("code").asInt()).isEqualTo(3);
    assertThat(boom.get("message").asText()).isEqualTo("execution reverted: boom");
    assertThat(boom.get("data").asText()).isEqualTo("0x08c379a0" + "00".repeat(31) + "20" + "00".repeat(31) + "04"
        + "626f6f6d" + "00".repeat(28));
    JsonNode custom = c.error("eth_call", tx(CUSTOM), "latest");
    assertThat(custom.get("code").asInt()).isEqualTo(3);
    assertThat(custom.get("message").asText()).isEqualTo("execution reverted");
    assertThat(custom.get("data").asText()).isEqualTo("0x82b42900");
    JsonNode panic = c.error("eth_call", tx(PANIC), "latest");
    assertThat(panic.get("code").asInt()).isEqualTo(3);
    assertThat(panic.get("message").asText()).isEqualTo("execution reverted: arithmetic underflow or overflow");
    JsonNode invalid = c.error("eth_call", tx(INVALID), "latest");
    assertThat(invalid.get("code").asInt()).isEqualTo(-32000);
    assertThat(invalid.get("message").asText()).contains("invalid opcode");
    assertThat(invalid.has("data")).isFalse();
  }

  @Test
  void refusedCallsAndBadParams() {
    JsonNode low = c.error("eth_call", tx(STORE, "gas", "0x5208", "input", word(1)), "latest");
    assertThat(low.get("code").asInt()).isEqualTo(-32000);
    assertThat(low.get("message").asText()).startsWith("intrinsic gas too low");
    JsonNode belowBase = c.error("eth_call", tx(STORE, "maxFeePerGas", "0x1"), "latest");
    assertThat(belowBase.get("message").asText()).startsWith("max fee per gas less than block base fee");
    JsonNode differ = c.error("eth_call", tx(STORE, "data", "0x01", "input", "0x02"), "latest");
    assertThat(differ.get("code").asInt()).isEqualTo(-32602);
    assertThat(differ.get("message").asText()).contains("argument 0 (transaction)").contains("\"input\"");
    JsonNode both = c.error("eth_call", tx(STORE, "gasPrice", "0x1", "maxFeePerGas", "0x1"), "latest");
    assertThat(both.get("message").asText()).contains("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas)");
    JsonNode badGas = c.error("eth_call", tx(STORE, "gas", "0x01"), "latest");
    assertThat(badGas.get("message").asText()).contains("argument 0 (transaction.gas)");
    JsonNode unknown = c.error("eth_call", tx(STORE, "gasLimit", "0x1"), "latest");
    assertThat(unknown.get("message").asText()).contains("unknown field \"gasLimit\"");
    JsonNode notObject = c.error("eth_call", "0x1234", "latest");
    assertThat(notObject.get("message").asText()).contains("argument 0 (transaction)");
    JsonNode missing = c.error("eth_call");
    assertThat(missing.get("message").asText()).contains("argument 0 (transaction)");
    JsonNode chainId = c.error("eth_call", tx(STORE, "chainId", "0x1"), "latest");
    assertThat(chainId.get("message").asText()).contains("chainId does not match");
    JsonNode badKey = c.error("eth_call", tx(STORE), "latest", Map.of("0x12", Map.of()));
    assertThat(badKey.get("message").asText()).contains("argument 2 (stateOverrides key)");
  }
}
