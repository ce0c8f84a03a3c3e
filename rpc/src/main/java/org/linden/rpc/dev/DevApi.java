package org.linden.rpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import java.util.Set;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;

/**
 * The anvil/hardhat development methods on a {@link DevNode}: mining on demand and mining
 * modes, snapshots, time, account edits and impersonation ({@link AccountEditMethods}).
 *
 * <p>Results have the shapes the tools return, because test helpers compare them:
 * {@code evm_mine} answers {@code "0x0"} (ganache's placeholder), {@code evm_snapshot} a
 * quantity id, {@code evm_revert} a boolean, {@code evm_increaseTime} the total offset as a
 * JSON number; the other {@code evm_*} and {@code anvil_*} setters answer {@code null}, as
 * anvil does, and the {@code hardhat_*} ones {@code true}, as hardhat does.
 *
 * <p>Numbers may be JSON integers, hex strings (leading zeros allowed) or decimal strings,
 * as anvil reads them. {@code evm_setIntervalMining} takes seconds, as anvil does (hardhat's
 * takes milliseconds). One call mines at most {@value #MAX_BLOCKS_PER_CALL} blocks: each is
 * a real block, and a request must not be able to keep the node sealing for hours.
 */
public final class DevApi {
  /** The most blocks one {@code evm_mine}/{@code anvil_mine}/{@code hardhat_mine} call mines. */
  public static final long MAX_BLOCKS_PER_CALL = 100_000;

  private static final Set<String> MINE_OPTIONS = Set.of("timestamp", "blocks");

  private final DevNode node;

  public DevApi(DevNode node) {
    this.node = node;
  }

  public void register(RpcDispatcher d) {
    registerMining(d);
    registerSnapshots(d);
    registerTime(d);
    new AccountEditMethods(node).register(d);
  }

  private void registerMining(RpcDispatcher d) {
    d.register("evm_mine", (p, s) -> {
      evmMine(p);
      return "0x0";
    });
    d.register("anvil_mine", (p, s) -> {
      mineBlocks(p);
      return null;
    });
    d.register("hardhat_mine", (p, s) -> {
      mineBlocks(p);
      return true;
    });
    for (String name : new String[] {"evm_setAutomine", "anvil_setAutomine"}) {
      d.register(name, (p, s) -> {
        p.atMost(1);
        p.required(0, "enabled");
        boolean on = p.bool(0, "enabled", false);
        NodeCalls.run(0, "enabled", () -> node.setAutomine(on));
        return null;
      });
    }
    for (String name : new String[] {"anvil_getAutomine", "hardhat_getAutomine"}) {
      d.register(name, (p, s) -> {
        p.atMost(0);
        return NodeCalls.get(node::automine);
      });
    }
    for (String name : new String[] {"evm_setIntervalMining", "anvil_setIntervalMining"}) {
      d.register(name, (p, s) -> {
        p.atMost(1);
        long seconds = DevParams.seconds(p, 0, "seconds");
        NodeCalls.run(0, "seconds", () -> node.setIntervalMining(seconds));
        return null;
      });
    }
  }

  private void registerSnapshots(RpcDispatcher d) {
    for (String name : new String[] {"evm_snapshot", "anvil_snapshot"}) {
      d.register(name, (p, s) -> {
        p.atMost(0);
        return Quantity.of(NodeCalls.get(node::snapshot));
      });
    }
    for (String name : new String[] {"evm_revert", "anvil_revert"}) {
      d.register(name, (p, s) -> {
        p.atMost(1);
        long id = DevParams.u64(p, 0, "snapshot id");
        return NodeCalls.get(0, "snapshot id", () -> node.revert(id));
      });
    }
  }

  private void registerTime(RpcDispatcher d) {
    for (String name : new String[] {"evm_increaseTime", "anvil_increaseTime"}) {
      d.register(name, (p, s) -> {
        p.atMost(1);
        long seconds = DevParams.seconds(p, 0, "seconds");
        // A JSON number: anvil answers the total offset as an integer, not a quantity.
        return NodeCalls.get(0, "seconds", () -> node.increaseTime(seconds));
      });
    }
    for (String name : new String[] {"evm_setNextBlockTimestamp", "anvil_setNextBlockTimestamp"}) {
      d.register(name, (p, s) -> {
        p.atMost(1);
        long timestamp = DevParams.seconds(p, 0, "timestamp");
        NodeCalls.run(0, "timestamp", () -> node.setNextBlockTimestamp(timestamp));
        return null;
      });
    }
  }

  /**
   * {@code evm_mine}: no argument for one block; a timestamp (0 meaning none, as in
   * hardhat); or anvil's options object {@code {timestamp, blocks}}.
   */
  private void evmMine(Params p) {
    p.atMost(1);
    if (!p.has(0)) {
      mine(1, OptionalLong.empty(), OptionalLong.empty(), "timestamp");
      return;
    }
    JsonNode arg = p.raw().get(0);
    if (arg.isObject()) {
      arg.fieldNames().forEachRemaining(f -> {
        if (!MINE_OPTIONS.contains(f)) {
          throw DevParams.bad(0, "options", "unknown field " + f + ", expected timestamp and blocks");
        }
      });
      JsonNode ts = arg.get("timestamp");
      JsonNode blocks = arg.get("blocks");
      long count = blocks == null || blocks.isNull() ? 1 : DevParams.u64(blocks, 0, "options.blocks");
      OptionalLong timestamp = ts == null || ts.isNull()
          ? OptionalLong.empty() : timestamp(DevParams.seconds(ts, 0, "options.timestamp"));
      mine(count, timestamp, OptionalLong.empty(), "options");
      return;
    }
    if (!DevParams.isNumber(arg)) {
      throw DevParams.bad(0, "timestamp", "expected a timestamp or {timestamp, blocks}");
    }
    mine(1, timestamp(DevParams.seconds(arg, 0, "timestamp")), OptionalLong.empty(), "timestamp");
  }

  /** {@code anvil_mine} / {@code hardhat_mine}: an optional block count (default 1) and interval. */
  private void mineBlocks(Params p) {
    p.atMost(2);
    long count = p.has(0) ? DevParams.u64(p, 0, "blocks") : 1;
    // An interval of 0 would give blocks the same timestamp, which no header may have.
    long interval = p.has(1) ? DevParams.seconds(p, 1, "interval") : 0;
    mine(count, OptionalLong.empty(), interval == 0 ? OptionalLong.empty() : OptionalLong.of(interval), "blocks");
  }

  private static OptionalLong timestamp(long t) {
    return t == 0 ? OptionalLong.empty() : OptionalLong.of(t);
  }

  /** Mines through the node; {@code arg0} names argument 0 in errors, whose values the node may refuse. */
  private void mine(long count, OptionalLong timestamp, OptionalLong interval, String arg0) {
    if (Long.compareUnsigned(count, MAX_BLOCKS_PER_CALL) > 0) {
      throw DevParams.bad(0, arg0, "at most " + MAX_BLOCKS_PER_CALL + " blocks per call, got "
          + Long.toUnsignedString(count));
    }
    if (count == 0) {
      return;
    }
    NodeCalls.run(0, arg0, () -> node.mine(count, timestamp, interval));
  }
}
