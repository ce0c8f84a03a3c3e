package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linden.chain.block.BlockHeader;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;

/**
 * {@code eth_simulateV1}: a sequence of blocks, each with block overrides, state overrides
 * and calls, executed on top of a block's state without touching the chain. Blocks must
 * go forward in number and time; a gap in numbers is filled with empty blocks, a missing
 * number or time is the previous plus 1 and 12 seconds (geth's defaults). With
 * {@code validation}, nonces and fees are checked as for a real transaction (but a
 * contract may still send); without it, calls run like {@code eth_call}. All calls share
 * the node's gas cap. {@code traceTransfers} adds ether transfers as logs;
 * {@code returnFullTransactions} gives transaction objects instead of hashes.
 */
final class SimulateV1 {
  static final int MAX_BLOCKS = 256;
  static final long TIME_STEP = 12;
  static final int CLIENT_LIMIT_EXCEEDED = -38026;
  static final int BLOCK_NUMBER_INVALID = -38020;
  static final int BLOCK_TIMESTAMP_INVALID = -38021;

  private static final Set<String> PAYLOAD_FIELDS = Set.of("blockStateCalls", "traceTransfers", "validation",
      "returnFullTransactions");
  private static final Set<String> BLOCK_FIELDS = Set.of("blockOverrides", "stateOverrides", "calls");

  /** One requested block: its overrides and calls. */
  record BlockCalls(BlockOverrides overrides, StateOverrides state, List<CallRequest> calls) {}

  private final BlockResolver blocks;
  private final long gasCap;

  SimulateV1(BlockResolver blocks, long gasCap) {
    this.blocks = blocks;
    this.gasCap = gasCap;
  }

  Object simulate(Params p) {
    p.atMost(2);
    JsonNode payload = p.object(0, "payload");
    CallJson.onlyFields(payload, PAYLOAD_FIELDS, 0, "payload");
    JsonNode list = CallJson.array(payload, "blockStateCalls", 0, "payload");
    if (list == null || list.isEmpty()) {
      throw RpcException.invalidParams("empty input");
    }
    if (list.size() > MAX_BLOCKS) {
      throw new RpcException(CLIENT_LIMIT_EXCEEDED, "too many blocks");
    }
    List<BlockCalls> requested = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      requested.add(blockCalls(list.get(i), "payload.blockStateCalls[" + i + "]"));
    }
    boolean trace = Boolean.TRUE.equals(CallJson.bool(payload, "traceTransfers", 0, "payload"));
    boolean validation = Boolean.TRUE.equals(CallJson.bool(payload, "validation", 0, "payload"));
    boolean fullTx = Boolean.TRUE.equals(CallJson.bool(payload, "returnFullTransactions", 0, "payload"));
    BlockParameter at = p.block(1, "block");
    BlockHeader base = blocks.requireHeader(at);
    List<BlockCalls> chain = sanitize(requested, base);
    SimulateBlockRunner runner = new SimulateBlockRunner(blocks.chain(), base, EthCallMethods.stateOf(blocks, base), gasCap, validation,
        trace);
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (BlockCalls bc : chain) {
      out.add(SimulateJson.block(runner.run(bc), fullTx));
    }
    return out;
  }

  private static BlockCalls blockCalls(JsonNode n, String path) {
    CallJson.object(n, 0, path);
    CallJson.onlyFields(n, BLOCK_FIELDS, 0, path);
    JsonNode bo = CallJson.field(n, "blockOverrides");
    JsonNode so = CallJson.field(n, "stateOverrides");
    JsonNode calls = CallJson.array(n, "calls", 0, path);
    List<CallRequest> parsed = new ArrayList<>();
    if (calls != null) {
      for (int k = 0; k < calls.size(); k++) {
        parsed.add(CallRequest.parse(calls.get(k), 0, path + ".calls[" + k + "]"));
      }
    }
    return new BlockCalls(
        bo == null ? BlockOverrides.NONE : BlockOverrides.parse(bo, 0, path + ".blockOverrides", true),
        so == null ? StateOverrides.NONE : StateOverrides.parse(so, 0, path + ".stateOverrides"),
        parsed);
  }

  /** Numbers and times settled, increasing, gaps filled with empty blocks (geth's {@code sanitizeChain}). */
  static List<BlockCalls> sanitize(List<BlockCalls> requested, BlockHeader base) {
    List<BlockCalls> out = new ArrayList<>();
    long prevNumber = base.number();
    long prevTime = base.timestamp();
    for (BlockCalls b : requested) {
      BlockOverrides o = b.overrides();
      long number = o.number() != null ? o.number() : prevNumber + 1;
      if (Long.compareUnsigned(number, prevNumber) <= 0) {
        throw new RpcException(BLOCK_NUMBER_INVALID, "block numbers must be in order: "
            + Long.toUnsignedString(number) + " <= " + prevNumber);
      }
      if (Long.compareUnsigned(number - base.number(), MAX_BLOCKS) > 0) {
        throw new RpcException(CLIENT_LIMIT_EXCEEDED, "too many blocks");
      }
      for (long gap = prevNumber + 1; gap < number; gap++) {
        prevTime += TIME_STEP;
        out.add(new BlockCalls(BlockOverrides.NONE.withNumberAndTime(gap, prevTime), StateOverrides.NONE, List.of()));
      }
      long time = o.time() != null ? o.time() : prevTime + TIME_STEP;
      if (o.time() != null && Long.compareUnsigned(time, prevTime) <= 0) {
        throw new RpcException(BLOCK_TIMESTAMP_INVALID, "block timestamps must be in order: "
            + Long.toUnsignedString(time) + " <= " + prevTime);
      }
      out.add(new BlockCalls(o.withNumberAndTime(number, time), b.state(), b.calls()));
      prevNumber = number;
      prevTime = time;
    }
    return out;
  }
}
