package org.linden.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.debug.DebugChain.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.linden.chain.execution.BlockProcessor;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.types.Address;

/** debug_traceCall: a call object traced on the state after a block. */
class DebugTraceCallTest {
  private static final JsonNode CALL_TRACER = json("{\"tracer\": \"callTracer\"}");
  private static final Address NOBODY = Address.fromNumber(0x5eed);

  private final DebugChain c = new DebugChain().buildStandardChain();

  private static JsonNode call(Address to, String input) {
    return json("{\"from\": \"" + NOBODY.toHex() + "\", \"to\": \"" + to.toHex() + "\", \"input\": \"" + input + "\"}");
  }

  @Test
  void aFeeLessCallFromAnEmptyAccountIsTracedWithItsNestedCall() {
    JsonNode top = c.result("debug_traceCall", call(DebugChain.CALLER, DebugChain.word(3).toHex()), "latest",
        CALL_TRACER);
    assertThat(top.get("type").asText()).isEqualTo("CALL");
    assertThat(top.get("from").asText()).isEqualTo(NOBODY.toHex());
    // No gas named: the block's gas limit, as eth_call gives.
    assertThat(top.get("gas").asText()).isEqualTo(Quantity.of(c.block(3).header().gasLimit()));
    assertThat(top.get("calls").get(0).get("to").asText()).isEqualTo(DebugChain.LOGGER.toHex());
    // CALLER's slot 0 went from 1 to 1 (it was set by block 1): a warm no-op SSTORE, cheaper than the block's.
    assertThat(Long.decode(top.get("gasUsed").asText())).isLessThan(c.receiptGas(1)[1]);
  }

  @Test
  void theCallRunsOnTheNamedBlocksStateAndInItsContext() {
    // At genesis CALLER's slot 0 is unset, so the call pays for setting it, as block 1's transaction did.
    JsonNode atGenesis = c.result("debug_traceCall", json("{\"from\": \"" + DebugChain.SENDER.toHex()
        + "\", \"to\": \"" + DebugChain.CALLER.toHex() + "\", \"input\": \"" + DebugChain.word(7).toHex()
        + "\", \"gas\": \"0x30d40\"}"), "0x0", CALL_TRACER);
    assertThat(atGenesis.get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(1)[1]));
    // In block 2's context, the history stand-in returns block 2's parent hash (stored by block 2's system call).
    JsonNode history = c.result("debug_traceCall", call(BlockProcessor.HISTORY_STORAGE_ADDRESS, "0x"), "0x2",
        CALL_TRACER);
    assertThat(history.get("output").asText()).isEqualTo(c.block(1).hash().toHex());
  }

  @Test
  void theStructLoggerAndPrestateTracerWorkOnCalls() {
    JsonNode struct = c.result("debug_traceCall", call(DebugChain.REVERTER, "0x"), "latest");
    assertThat(struct.get("failed").asBoolean()).isTrue();
    assertThat(struct.get("structLogs")).hasSize(3);
    JsonNode pre = c.result("debug_traceCall", call(DebugChain.CALLER, "0x"), "latest",
        json("{\"tracer\": \"prestateTracer\"}"));
    assertThat(pre.has(DebugChain.LOGGER.toHex())).isTrue();
  }

  @Test
  void aCallThatCannotRunIsAServerErrorAndABadOneInvalidParams() {
    JsonNode tooLittleGas = c.error("debug_traceCall", json("{\"to\": \"" + DebugChain.CALLER.toHex()
        + "\", \"gas\": \"0x5208\", \"input\": \"0x01\"}"), "latest");
    assertThat(tooLittleGas.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(tooLittleGas.get("message").asText()).contains("intrinsic gas too low");
    JsonNode poor = c.error("debug_traceCall", json("{\"from\": \"" + NOBODY.toHex() + "\", \"to\": \""
        + DebugChain.X.toHex() + "\", \"value\": \"0x1\"}"), "latest");
    assertThat(poor.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(poor.get("message").asText()).contains("insufficient funds");

    assertThat(c.error("debug_traceCall", json("{\"to\": \"0x1234\"}"), "latest").get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceCall", json("{\"input\": \"0x01\", \"data\": \"0x02\"}")).get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceCall", call(DebugChain.CALLER, "0x"), "latest",
        json("{\"stateOverrides\": {\"0x12\": {}}}")).get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceCall", call(DebugChain.CALLER, "0x"), "latest",
        json("{\"blockOverrides\": {\"withdrawals\": []}}")).get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceCall", call(DebugChain.CALLER, "0x"), "latest",
        json("{\"tracer\": \"nope\"}")).get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceCall", "0x").get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceCall", call(DebugChain.CALLER, "0x"), "0x63").get("code").asInt())
        .isEqualTo(RpcException.SERVER_ERROR);
  }

  @Test
  void overridesInTheTraceOptionsApplyAsInGeth() {
    // CALLER given REVERTER's code: the call now reverts.
    JsonNode overridden = c.result("debug_traceCall", call(DebugChain.CALLER, "0x"), "latest",
        json("{\"tracer\": \"callTracer\", \"stateOverrides\": {\"" + DebugChain.CALLER.toHex()
            + "\": {\"code\": \"" + DebugChain.REVERTER_CODE.toHex() + "\"}}}"));
    assertThat(overridden.get("error").asText()).isEqualTo("execution reverted");
    assertThat(overridden.has("calls")).isFalse();
    // Block number 1: the history stand-in returns slot 1, where block 1's system call stored the genesis hash.
    JsonNode renumbered = c.result("debug_traceCall", call(BlockProcessor.HISTORY_STORAGE_ADDRESS, "0x"), "latest",
        json("{\"tracer\": \"callTracer\", \"blockOverrides\": {\"number\": \"0x1\"}}"));
    assertThat(renumbered.get("output").asText()).isEqualTo(c.block(0).hash().toHex());
  }

  @Test
  void aContractMayBeTheSenderOfACall() {
    JsonNode fromContract = c.result("debug_traceCall", json("{\"from\": \"" + DebugChain.CALLER.toHex()
        + "\", \"to\": \"" + DebugChain.LOGGER.toHex() + "\"}"), "latest", CALL_TRACER);
    assertThat(fromContract.get("from").asText()).isEqualTo(DebugChain.CALLER.toHex());
    assertThat(fromContract.has("error")).isFalse();
  }
}
