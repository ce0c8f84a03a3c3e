package org.linden.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.store.Blockchain;
import org.linden.evm.state.WorldState;
import org.linden.evm.tracing.TransactionContext;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;
import org.linden.rpc.eth.BlockOverrides;
import org.linden.rpc.eth.CallBlock;
import org.linden.rpc.eth.CallErrors;
import org.linden.rpc.eth.CallExecutor;
import org.linden.rpc.eth.CallInput;
import org.linden.rpc.eth.CallRejectedException;
import org.linden.rpc.eth.CallRequest;
import org.linden.rpc.eth.StateOverrides;

/**
 * {@code debug_traceCall}: runs a call object exactly as {@code eth_call} runs it (the same
 * {@link CallExecutor}, so the same defaults and relaxed checks: a call naming no fee pays
 * nothing and sees a base fee of zero, the sender may be a contract), on the state after
 * the named block and in that block's context, with a tracer attached. As in geth, the
 * trace options may carry {@code stateOverrides} and {@code blockOverrides}.
 */
final class CallTracing {
  private final Blockchain chain;
  private final BlockResolver blocks;
  private final DebugOptions limits;

  CallTracing(BlockResolver blocks, DebugOptions limits) {
    this.chain = blocks.chain();
    this.blocks = blocks;
    this.limits = limits;
  }

  JsonNode traceCall(Params p) {
    p.atMost(3);
    CallRequest call = CallRequest.parse(p.object(0, "transaction"), 0, "transaction");
    BlockParameter at = p.block(1, "block");
    TraceConfig config = TraceConfig.parse(p, 2, limits);
    JsonNode options = config.options();
    StateOverrides stateOverrides = options != null && options.hasNonNull("stateOverrides")
        ? StateOverrides.parse(options.get("stateOverrides"), 2, "stateOverrides")
        : StateOverrides.NONE;
    BlockOverrides blockOverrides = options != null && options.hasNonNull("blockOverrides")
        ? BlockOverrides.parse(options.get("blockOverrides"), 2, "blockOverrides", false)
        : BlockOverrides.NONE;
    long deadline = TraceMethods.deadline(config);
    return StableRead.run(chain, () -> {
      BlockHeader header = blocks.requireHeader(at);
      CallBlock env = blockOverrides.apply(CallBlock.of(header, chain));
      if (call.chainId() != null && call.chainId() != env.chainId()) {
        throw RpcException.invalidParams("chainId does not match node's (have="
            + Long.toUnsignedString(call.chainId()) + ", want=" + Long.toUnsignedString(env.chainId()) + ")");
      }
      // By hash: a tag resolved a second time could name a newer head than the header just read.
      CallInput input = new CallInput(call, env, blocks.state(new BlockParameter.ByHash(header.hash(), false)),
          stateOverrides);
      long gas = gasOf(call, env);
      WorldState state = input.newState();
      TransactionContext tx = new TransactionContext(call.sender(), call.to(), env.coinbase(), gas,
          TransactionTrace.authorities(call.authorizations()));
      TraceBudget budget = new TraceBudget(deadline, limits.maxStructLogs());
      try {
        return TransactionTrace.trace(config.newTracer(state, env.fork(), budget), tx,
            tracer -> CallExecutor.run(state, env, call, gas, false, tracer).gasUsed());
      } catch (CallRejectedException e) {
        throw CallErrors.rejected(e);
      }
    });
  }

  /** The call's gas as {@code eth_call} takes it: as given or the block's gas limit, never above the cap. */
  private long gasOf(CallRequest call, CallBlock env) {
    long gas = call.gas() != null ? call.gas() : env.gasLimit();
    return Long.compareUnsigned(gas, limits.callGasCap()) > 0 ? limits.callGasCap() : gas;
  }
}
