package org.linden.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.linden.evm.state.CodeOnlyState;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.WorldState;
import org.linden.evm.tracing.GethTracer;
import org.linden.evm.tracing.StructLogger;
import org.linden.evm.tracing.TracerException;
import org.linden.evm.tracing.Tracers;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;
import org.linden.types.Fork;

/**
 * A request's trace options (geth's {@code TraceConfig}): which tracer and its
 * configuration, which {@link Tracers} reads from the object as it is, and the
 * {@code timeout}. The tracer is checked when the request is parsed, so an unknown name or
 * a malformed configuration is a -32602 error before any block is replayed.
 */
record TraceConfig(JsonNode options, Duration timeout, int structLogLimit) {
  /** Reads argument {@code i}, absent or null meaning the defaults. */
  static TraceConfig parse(Params p, int i, DebugOptions limits) {
    if (!p.has(i)) {
      return new TraceConfig(null, limits.defaultTimeout(), 0);
    }
    JsonNode options = p.object(i, "trace options");
    Duration timeout = timeout(options.get("timeout"), i, limits);
    GethTracer probe;
    try {
      probe = Tracers.fromTraceOptions(options, new JournaledWorldState(CodeOnlyState.EMPTY), Fork.FRONTIER);
    } catch (TracerException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
    int limit = probe instanceof StructLogger ? StructLogger.Config.from(options).limit() : 0;
    return new TraceConfig(options, timeout, limit);
  }

  /** A fresh tracer for one transaction, held to {@code budget}. */
  GethTracer newTracer(WorldState state, Fork fork, TraceBudget budget) {
    GethTracer tracer = Tracers.fromTraceOptions(options, state, fork);
    return new GuardedTracer(tracer, budget, tracer instanceof StructLogger, structLogLimit);
  }

  private static Duration timeout(JsonNode node, int i, DebugOptions limits) {
    if (node == null || node.isNull()) {
      return limits.defaultTimeout();
    }
    if (!node.isTextual()) {
      throw bad(i, "timeout must be a string such as \"5s\"");
    }
    Duration d;
    try {
      d = GoDuration.parse(node.textValue());
    } catch (IllegalArgumentException e) {
      throw bad(i, "timeout: " + e.getMessage());
    }
    return d.compareTo(limits.maxTimeout()) > 0 ? limits.maxTimeout() : d;
  }

  private static RpcException bad(int i, String why) {
    return RpcException.invalidParams("invalid argument " + i + " (trace options): " + why);
  }
}
