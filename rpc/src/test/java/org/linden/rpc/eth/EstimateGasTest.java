package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.StateTestChain.BOOM;
import static org.linden.rpc.eth.StateTestChain.FORWARDER;
import static org.linden.rpc.eth.StateTestChain.OTHER;
import static org.linden.rpc.eth.StateTestChain.SENDER;
import static org.linden.rpc.eth.StateTestChain.STORE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.rpc.Quantity;
import org.linden.types.Address;
import org.linden.types.UInt256;

/** eth_estimateGas: exact estimates (the call succeeds with them and fails with one gas less), and its errors. */
class EstimateGasTest {
  private static StateTestChain c;

  @BeforeAll
  static void chain() throws Exception {
    c = StateTestChain.create();
  }

  private static Map<String, Object> tx(Address to, String... fields) {
    Map<String, Object> m = new HashMap<>();
    m.put("from", SENDER.toHex());
    m.put("to", to.toHex());
    for (int i = 0; i < fields.length; i += 2) {
      m.put(fields[i], fields[i + 1]);
    }
    return m;
  }

  private static String word(long v) {
    return UInt256.valueOf(v).toBytes32().toHex();
  }

  private static long estimate(Map<String, Object> call) {
    return Long.decode(c.result("eth_estimateGas", call, "latest").asText());
  }

  private static long assertExact(Map<String, Object> call) {
    return assertExact(call, Map.of());
  }

  /** The estimate works as a gas limit and one gas less does not. */
  private static long assertExact(Map<String, Object> call, Map<String, Object> overrides) {
    long gas = Long.decode(c.result("eth_estimateGas", call, "latest", overrides).asText());
    Map<String, Object> with = new HashMap<>(call);
    with.put("gas", Quantity.of(gas));
    assertThat(c.request("eth_call", with, "latest", overrides).has("error")).as("call with the estimate %d", gas)
        .isFalse();
    with.put("gas", Quantity.of(gas - 1));
    assertThat(c.request("eth_call", with, "latest", overrides).has("error")).as("call with %d", gas - 1).isTrue();
    return gas;
  }

  @Test
  void aPlainTransferCosts21000() {
    assertThat(estimate(tx(OTHER, "value", "0x1"))).isEqualTo(21_000);
    assertThat(estimate(Map.of("to", OTHER.toHex()))).isEqualTo(21_000);
  }

  @Test
  void estimatesAreExact() {
    // A changed slot, then a fresh one (slot 0 emptied by an override): 22100 for the store plus the rest.
    long changed = assertExact(tx(STORE, "input", word(0x77), "maxFeePerGas", "0x174876e800"));
    assertThat(changed).isGreaterThan(21_000 + 5_000);
    Map<String, Object> empty = Map.of(STORE.toHex(), Map.of("stateDiff", Map.of(word(0), word(0))));
    long fresh = assertExact(tx(STORE, "input", word(0x77)), empty);
    assertThat(fresh).isGreaterThan(21_000 + 22_100);
    // Clearing a slot earns a refund: the limit must still cover the gas before the refund.
    long clear = assertExact(tx(STORE, "input", word(0)));
    assertThat(clear).isGreaterThan(21_000 + 128 + 2_900 + 2_100);
    // Through a forwarder that hands all but 1/64 of its gas on and reverts if the inner call fails.
    long forwarded = assertExact(tx(FORWARDER, "input", word(0x77)), empty);
    assertThat(forwarded).isGreaterThan(fresh);
  }

  @Test
  void revertsAndShortAllowancesAreErrors() {
    JsonNode boom = c.error("eth_estimateGas", tx(BOOM), "latest");
    assertThat(boom.get("code").asInt()).isEqualTo(3);
    assertThat(boom.get("message").asText()).isEqualTo("execution reverted: boom");
    assertThat(boom.get("data").asText()).startsWith("0x08c379a0");
    JsonNode tooLittle = c.error("eth_estimateGas", tx(STORE, "input", word(0x77), "gas", "0x6000"), "latest");
    assertThat(tooLittle.get("code").asInt()).isEqualTo(-32000);
    assertThat(tooLittle.get("message").asText()).isEqualTo("gas required exceeds allowance (24576)");
    Address poor = Address.fromNumber(0x9999);
    JsonNode broke = c.error("eth_estimateGas", Map.of("from", poor.toHex(), "to", OTHER.toHex(), "value", "0x1",
        "maxFeePerGas", "0x3b9aca00"), "latest");
    assertThat(broke.get("message").asText()).isEqualTo("insufficient funds for transfer");
    // A state override makes the same estimate possible.
    assertThat(c.result("eth_estimateGas", Map.of("from", poor.toHex(), "to", OTHER.toHex(), "value", "0x1",
        "maxFeePerGas", "0x3b9aca00"), "latest", Map.of(poor.toHex(), Map.of("balance", "0xde0b6b3a7640000")))
        .asText()).isEqualTo("0x5208");
    JsonNode bad = c.error("eth_estimateGas", Map.of("to", "0x12"), "latest");
    assertThat(bad.get("code").asInt()).isEqualTo(-32602);
    assertThat(bad.get("message").asText()).contains("argument 0 (transaction.to)");
  }
}
