package org.linden.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.linden.rpc.RpcMetrics;

/**
 * JSON-RPC requests and their latency by method and outcome, as one Prometheus summary
 * ({@code linden_rpc_requests_seconds_count}/{@code _sum}/{@code _max}).
 */
public final class RpcRequestMetrics implements RpcMetrics {
  /** The label for every method the node does not serve. */
  static final String UNKNOWN = "unknown";

  private final MeterRegistry registry;
  private final Predicate<String> known;

  RpcRequestMetrics(MeterRegistry registry, Predicate<String> known) {
    this.registry = registry;
    this.known = known;
  }

  @Override
  public void record(String method, boolean error, long nanos) {
    Timer.builder("linden.rpc.requests")
        .description("JSON-RPC requests by method and outcome")
        .tag("method", known.test(method) ? method : UNKNOWN)
        .tag("outcome", error ? "error" : "ok")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
