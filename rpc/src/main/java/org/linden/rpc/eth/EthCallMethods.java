package org.linden.rpc.eth;

import org.linden.chain.block.BlockHeader;
import org.linden.evm.state.StateReader;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;

/**
 * {@code eth_call}, {@code eth_estimateGas} and {@code eth_createAccessList}: parse the call
 * object, the block and the overrides, and run the call on a throwaway state of that block.
 */
final class EthCallMethods {
  private final BlockResolver blocks;
  private final long gasCap;

  EthCallMethods(BlockResolver blocks, long gasCap) {
    this.blocks = blocks;
    this.gasCap = gasCap;
  }

  void register(RpcDispatcher d) {
    d.register("eth_call", (p, s) -> call(p));
    d.register("eth_estimateGas", (p, s) -> estimateGas(p));
    d.register("eth_createAccessList", (p, s) -> createAccessList(p));
  }

  /** Resolves the call at 0, the block at 1 and, where the method takes them, state overrides at 2 and block overrides at 3. */
  CallInput input(Params p, boolean blockOverrides) {
    CallRequest call = CallRequest.parse(p.object(0, "transaction"), 0, "transaction");
    BlockParameter at = p.block(1, "block");
    StateOverrides state = p.has(2) ? StateOverrides.parse(p.raw().get(2), 2, "stateOverrides") : StateOverrides.NONE;
    BlockOverrides block = blockOverrides && p.has(3)
        ? BlockOverrides.parse(p.raw().get(3), 3, "blockOverrides", false)
        : BlockOverrides.NONE;
    BlockHeader header = blocks.requireHeader(at);
    CallBlock env = block.apply(CallBlock.of(header, blocks.chain()));
    if (call.chainId() != null && call.chainId() != env.chainId()) {
      throw RpcException.invalidParams("chainId does not match node's (have=" + Long.toUnsignedString(call.chainId())
          + ", want=" + Long.toUnsignedString(env.chainId()) + ")");
    }
    return new CallInput(call, env, stateOf(blocks, header), state);
  }

  /**
   * The state after {@code header}, named by its hash: a tag resolved a second time could
   * name a newer head than the header already read.
   */
  static StateReader stateOf(BlockResolver blocks, BlockHeader header) {
    return blocks.state(new BlockParameter.ByHash(header.hash(), false));
  }

  /** The call's gas: as given or the block's gas limit, never above the node's cap. */
  long gasOf(CallInput in) {
    long gas = in.call().gas() != null ? in.call().gas() : in.block().gasLimit();
    return gasCap != 0 && Long.compareUnsigned(gas, gasCap) > 0 ? gasCap : gas;
  }

  private Object call(Params p) {
    p.atMost(4);
    CallInput in = input(p, true);
    CallResult r = run(in, gasOf(in));
    if (!r.success()) {
      throw CallErrors.failed(r);
    }
    return r.output().toHex();
  }

  private Object estimateGas(Params p) {
    p.atMost(4);
    return Quantity.of(GasEstimator.estimate(input(p, true), gasCap));
  }

  private Object createAccessList(Params p) {
    p.atMost(3);
    CallInput in = input(p, false);
    return AccessListCreator.create(in, gasOf(in));
  }

  static CallResult run(CallInput in, long gas) {
    try {
      return CallExecutor.run(in.newState(), in.block(), in.call(), gas, false, null);
    } catch (CallRejectedException e) {
      throw CallErrors.rejected(e);
    }
  }
}
