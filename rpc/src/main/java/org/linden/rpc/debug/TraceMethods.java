package org.linden.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.store.Blockchain;
import org.linden.chain.store.ChainStore;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Hash;

/**
 * geth's replaying tracers: {@code debug_traceTransaction}, {@code debug_traceBlockByNumber},
 * {@code debug_traceBlockByHash}, {@code debug_traceBlock} (a block given as RLP) and
 * {@code debug_traceCall}. Each request gets one deadline (its {@code timeout}) and one
 * budget of struct-log entries, however many transactions it traces; running out of
 * either is an error with no partial result, as execution-apis asks.
 */
final class TraceMethods {
  private final Blockchain chain;
  private final BlockResolver blocks;
  private final DebugOptions limits;
  private final CallTracing calls;

  TraceMethods(BlockResolver blocks, DebugOptions limits) {
    this.chain = blocks.chain();
    this.blocks = blocks;
    this.limits = limits;
    this.calls = new CallTracing(blocks, limits);
  }

  void register(RpcDispatcher d) {
    d.register("debug_traceTransaction", (p, s) -> traceTransaction(p));
    d.register("debug_traceBlockByNumber", (p, s) -> traceBlockByNumber(p));
    d.register("debug_traceBlockByHash", (p, s) -> traceBlockByHash(p));
    d.register("debug_traceBlock", (p, s) -> traceBlockRlp(p));
    d.register("debug_traceCall", (p, s) -> calls.traceCall(p));
  }

  private JsonNode traceTransaction(Params p) {
    p.atMost(2);
    Hash hash = p.hash(0, "transaction hash");
    TraceConfig config = TraceConfig.parse(p, 1, limits);
    long deadline = deadline(config);
    return StableRead.run(chain, () -> {
      ChainStore.TxLocation at = chain.store().transaction(hash)
          .orElseThrow(() -> RpcException.server("transaction " + hash + " not found"));
      Block block = chain.block(at.blockHash())
          .orElseThrow(() -> RpcException.server("block " + at.blockHash() + " not found"));
      TraceBudget budget = new TraceBudget(deadline, limits.maxStructLogs());
      BlockReplay replay = BlockReplay.begin(chain, block);
      for (int i = 0; i < at.index(); i++) {
        budget.checkTime();
        replay.skip();
      }
      budget.checkTime();
      return replay.traceNext(config, budget);
    });
  }

  private JsonNode traceBlockByNumber(Params p) {
    p.atMost(2);
    p.required(0, "block");
    BlockParameter param = p.block(0, "block");
    TraceConfig config = TraceConfig.parse(p, 1, limits);
    long deadline = deadline(config);
    return StableRead.run(chain, () -> traceBlock(block(blocks.requireHeader(param)), config, deadline));
  }

  private JsonNode traceBlockByHash(Params p) {
    p.atMost(2);
    Hash hash = p.hash(0, "block hash");
    TraceConfig config = TraceConfig.parse(p, 1, limits);
    long deadline = deadline(config);
    return StableRead.run(chain, () -> traceBlock(chain.block(hash)
        .orElseThrow(() -> RpcException.server("block " + hash + " not found")), config, deadline));
  }

  /** geth's {@code debug_traceBlock}: a block not necessarily stored, whose parent's state is at hand. */
  private JsonNode traceBlockRlp(Params p) {
    p.atMost(2);
    Block block;
    try {
      block = Block.decode(p.data(0, "block rlp"));
    } catch (InvalidBlockException e) {
      throw RpcException.invalidParams("invalid argument 0 (block rlp): " + e.getMessage());
    }
    TraceConfig config = TraceConfig.parse(p, 1, limits);
    long deadline = deadline(config);
    return StableRead.run(chain, () -> traceBlock(block, config, deadline));
  }

  private ArrayNode traceBlock(Block block, TraceConfig config, long deadline) {
    TraceBudget budget = new TraceBudget(deadline, limits.maxStructLogs());
    BlockReplay replay = BlockReplay.begin(chain, block);
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (var tx : replay.transactions()) {
      budget.checkTime();
      ObjectNode entry = out.addObject();
      entry.put("txHash", tx.hash().toHex());
      entry.set("result", replay.traceNext(config, budget));
    }
    return out;
  }

  private Block block(BlockHeader header) {
    return chain.block(header.hash())
        .orElseThrow(() -> RpcException.server("block " + header.number() + " not found"));
  }

  /** The request's deadline on {@link System#nanoTime()}'s clock, fixed before any retry. */
  static long deadline(TraceConfig config) {
    return System.nanoTime() + config.timeout().toNanos();
  }
}
