package org.linden.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.debug.DebugChain.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.execution.BlockProcessor;
import org.linden.chain.tx.Transaction;
import org.linden.evm.ContractAddress;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.types.Address;

/** debug_traceTransaction and debug_traceBlock* on a chain of hand-assembled contracts. */
class DebugTraceTest {
  private static final JsonNode CALL_TRACER = json("{\"tracer\": \"callTracer\"}");
  private static final JsonNode CALL_TRACER_WITH_LOGS =
      json("{\"tracer\": \"callTracer\", \"tracerConfig\": {\"withLog\": true}}");
  private static final JsonNode PRESTATE_TRACER = json("{\"tracer\": \"prestateTracer\"}");

  private final DebugChain c = new DebugChain().buildStandardChain();

  private JsonNode trace(Transaction tx, JsonNode options) {
    return options == null
        ? c.result("debug_traceTransaction", tx.hash().toHex())
        : c.result("debug_traceTransaction", tx.hash().toHex(), options);
  }

  @Test
  void theCallTracerShowsTheNestedCallAndItsLogWithTheReceiptsGas() {
    JsonNode top = trace(c.tx(1, 1), CALL_TRACER_WITH_LOGS);
    assertThat(top.get("type").asText()).isEqualTo("CALL");
    assertThat(top.get("from").asText()).isEqualTo(DebugChain.SENDER.toHex());
    assertThat(top.get("to").asText()).isEqualTo(DebugChain.CALLER.toHex());
    assertThat(top.get("gas").asText()).isEqualTo(Quantity.of(200_000));
    assertThat(top.get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(1)[1]));
    assertThat(top.get("input").asText()).isEqualTo(DebugChain.word(7).toHex());
    assertThat(top.has("error")).isFalse();

    assertThat(top.get("calls")).hasSize(1);
    JsonNode inner = top.get("calls").get(0);
    assertThat(inner.get("type").asText()).isEqualTo("CALL");
    assertThat(inner.get("from").asText()).isEqualTo(DebugChain.CALLER.toHex());
    assertThat(inner.get("to").asText()).isEqualTo(DebugChain.LOGGER.toHex());
    assertThat(inner.get("input").asText()).isEqualTo(DebugChain.word(7).toHex());
    assertThat(inner.get("logs")).hasSize(1);
    JsonNode log = inner.get("logs").get(0);
    assertThat(log.get("address").asText()).isEqualTo(DebugChain.LOGGER.toHex());
    assertThat(log.get("topics").get(0).asText()).isEqualTo(DebugChain.TOPIC.toHex());
    assertThat(log.get("data").asText()).isEqualTo(DebugChain.word(7).toHex());
  }

  @Test
  void theStructLoggerReportsTheReceiptsGasAndEveryStepOfBothFrames() {
    JsonNode r = trace(c.tx(1, 1), null);
    assertThat(r.get("gas").asLong()).isEqualTo(c.receiptGas(1)[1]);
    assertThat(r.get("failed").asBoolean()).isFalse();
    assertThat(r.get("returnValue").asText()).isEqualTo("0x");
    JsonNode logs = r.get("structLogs");
    assertThat(logs.get(0).get("op").asText()).isEqualTo("CALLDATASIZE");
    assertThat(logs.get(0).get("pc").asInt()).isZero();
    List<String> ops = new ArrayList<>();
    logs.forEach(l -> ops.add(l.get("op").asText() + "@" + l.get("depth").asInt()));
    assertThat(ops).contains("CALL@1", "LOG1@2", "SSTORE@1");
    assertThat(ops.getLast()).isEqualTo("STOP@1");
    assertThat(logs).hasSize(12 + 9 + 3);
  }

  @Test
  void thePrestateTracerSeesTheStateLeftByTheEarlierTransactionsOfTheBlock() {
    JsonNode pre = trace(c.tx(1, 1), PRESTATE_TRACER);
    // Transaction 0 of the block was replayed first: the sender's nonce is already 1.
    assertThat(pre.get(DebugChain.SENDER.toHex()).get("nonce").asLong()).isEqualTo(1);
    assertThat(pre.get(DebugChain.CALLER.toHex()).get("code").asText()).isEqualTo(DebugChain.CALLER_CODE.toHex());
    assertThat(pre.get(DebugChain.LOGGER.toHex()).get("code").asText()).isEqualTo(DebugChain.LOGGER_CODE.toHex());

    JsonNode diff = trace(c.tx(1, 1), json("{\"tracer\": \"prestateTracer\", \"tracerConfig\": {\"diffMode\": true}}"));
    assertThat(diff.get("post").get(DebugChain.CALLER.toHex()).get("storage").fieldNames().next())
        .isEqualTo("0x" + "00".repeat(32));
  }

  @Test
  void aRevertedCallIsTracedAsFailedWithTheReceiptsGas() {
    JsonNode call = trace(c.tx(1, 2), CALL_TRACER);
    assertThat(call.get("error").asText()).isEqualTo("execution reverted");
    assertThat(call.get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(1)[2]));
    JsonNode struct = trace(c.tx(1, 2), null);
    assertThat(struct.get("failed").asBoolean()).isTrue();
    assertThat(struct.get("gas").asLong()).isEqualTo(c.receiptGas(1)[2]);
  }

  @Test
  void theBlocksSystemCallsRunBeforeItsTransactionsAreReplayed() {
    // The history stand-in returns what the EIP-2935 system call stored: the parent hash.
    JsonNode call = trace(c.tx(1, 3), CALL_TRACER);
    assertThat(call.get("to").asText()).isEqualTo(BlockProcessor.HISTORY_STORAGE_ADDRESS.toHex());
    assertThat(call.get("output").asText()).isEqualTo(c.block(0).hash().toHex());
    assertThat(call.get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(1)[3]));
  }

  @Test
  void aCreationIsTracedAsCreateWithTheNewAddress() {
    JsonNode call = trace(c.tx(2, 1), CALL_TRACER);
    Address created = ContractAddress.of(DebugChain.SENDER, c.tx(2, 1).nonce());
    assertThat(call.get("type").asText()).isEqualTo("CREATE");
    assertThat(call.get("to").asText()).isEqualTo(created.toHex());
    assertThat(call.get("output").asText()).isEqualTo("0x00");
    assertThat(call.get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(2)[1]));
    JsonNode legacy = trace(c.tx(2, 0), CALL_TRACER);
    assertThat(legacy.get("gasUsed").asText()).isEqualTo(Quantity.of(c.receiptGas(2)[0]));
  }

  @Test
  void aBlockTraceHasOneEntryPerTransactionInBlockOrder() {
    Block block = c.block(1);
    JsonNode byNumber = c.result("debug_traceBlockByNumber", "0x1", CALL_TRACER);
    assertThat(byNumber).hasSize(4);
    long[] gas = c.receiptGas(1);
    for (int i = 0; i < 4; i++) {
      assertThat(byNumber.get(i).get("txHash").asText()).isEqualTo(block.transactions().get(i).hash().toHex());
      assertThat(byNumber.get(i).get("result").get("gasUsed").asText()).isEqualTo(Quantity.of(gas[i]));
    }
    assertThat(c.result("debug_traceBlockByHash", block.hash().toHex(), CALL_TRACER)).isEqualTo(byNumber);
    assertThat(c.result("debug_traceBlock", block.encode().toHex(), CALL_TRACER)).isEqualTo(byNumber);
    // Each entry is what tracing the transaction alone gives.
    assertThat(byNumber.get(3).get("result")).isEqualTo(trace(c.tx(1, 3), CALL_TRACER));

    JsonNode structs = c.result("debug_traceBlockByNumber", "0x2");
    assertThat(structs).hasSize(2);
    assertThat(structs.get(1).get("result").get("gas").asLong()).isEqualTo(c.receiptGas(2)[1]);
    assertThat(c.result("debug_traceBlockByNumber", "latest")).isEmpty();
  }

  @Test
  void theGenesisBlockAndUnknownOnesCannotBeTraced() {
    assertThat(c.error("debug_traceBlockByNumber", "0x0").get("message").asText()).contains("genesis");
    JsonNode unknown = c.error("debug_traceBlockByNumber", "0x63");
    assertThat(unknown.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(c.error("debug_traceBlockByHash", "0x" + "12".repeat(32)).get("code").asInt())
        .isEqualTo(RpcException.SERVER_ERROR);
    JsonNode tx = c.error("debug_traceTransaction", "0x" + "12".repeat(32));
    assertThat(tx.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(tx.get("message").asText()).contains("not found");
  }

  @Test
  void tracerErrorsAreInvalidParams() {
    String hash = c.tx(1, 1).hash().toHex();
    JsonNode unknown = c.error("debug_traceTransaction", hash, json("{\"tracer\": \"fourByteTracer\"}"));
    assertThat(unknown.get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(unknown.get("message").asText()).contains("unknown tracer");
    JsonNode badConfig = c.error("debug_traceTransaction", hash,
        json("{\"tracer\": \"callTracer\", \"tracerConfig\": {\"onlyTopCall\": \"yes\"}}"));
    assertThat(badConfig.get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(badConfig.get("message").asText()).contains("onlyTopCall");
    assertThat(c.error("debug_traceTransaction", hash, json("{\"enableMemory\": 1}")).get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceBlockByNumber", "0x1", json("{\"tracer\": 7}")).get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceTransaction", hash, "callTracer").get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void badParamsAreInvalidParams() {
    assertThat(c.error("debug_traceTransaction").get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceTransaction", "0x1234").get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceBlockByNumber").get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceBlockByNumber", "0x01").get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceBlockByHash", "0x1").get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceBlock", "0xc0").get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(c.error("debug_traceTransaction", c.tx(1, 1).hash().toHex(), CALL_TRACER, 1).get("code").asInt())
        .isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void theTimeoutOptionIsReadAsAGoDuration() {
    String hash = c.tx(1, 1).hash().toHex();
    JsonNode expired = c.error("debug_traceTransaction", hash, json("{\"timeout\": \"0s\"}"));
    assertThat(expired.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(expired.get("message").asText()).isEqualTo("execution timeout");
    assertThat(c.error("debug_traceBlockByNumber", "0x1", json("{\"tracer\": \"callTracer\", \"timeout\": \"0s\"}"))
        .get("message").asText()).isEqualTo("execution timeout");
    assertThat(trace(c.tx(1, 1), json("{\"timeout\": \"1m30s\"}")).get("gas").asLong())
        .isEqualTo(c.receiptGas(1)[1]);
    for (String bad : new String[] {"\"5\"", "\"5 parsecs\"", "\"-1s\"", "5", "\"\""}) {
      JsonNode e = c.error("debug_traceTransaction", hash, json("{\"timeout\": " + bad + "}"));
      assertThat(e.get("code").asInt()).as(bad).isEqualTo(RpcException.INVALID_PARAMS);
    }
  }

  @Test
  void theStructLogCapBoundsARequestButTheLimitOptionKeepsItUnder() {
    DebugChain capped = new DebugChain(DebugOptions.DEFAULTS.withMaxStructLogs(10)).buildStandardChain();
    String hash = capped.tx(1, 1).hash().toHex();
    JsonNode over = capped.error("debug_traceTransaction", hash);
    assertThat(over.get("code").asInt()).isEqualTo(RpcException.LIMIT_EXCEEDED);
    assertThat(over.get("message").asText()).contains("10 struct log entries");

    JsonNode limited = capped.result("debug_traceTransaction", hash, json("{\"limit\": 5}"));
    assertThat(limited.get("structLogs")).hasSize(5);
    assertThat(limited.get("gas").asLong()).isEqualTo(capped.receiptGas(1)[1]);
    // The cap counts the entries of every transaction a block trace logs.
    assertThat(capped.error("debug_traceBlockByNumber", "0x1", json("{\"limit\": 4}")).get("code").asInt())
        .isEqualTo(RpcException.LIMIT_EXCEEDED);
    // Named tracers keep no entry per step.
    assertThat(capped.result("debug_traceBlockByNumber", "0x1", CALL_TRACER)).hasSize(4);
  }
}
