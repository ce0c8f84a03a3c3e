package org.linden.rpc.debug;

import java.time.Duration;

/**
 * The node's limits on the {@code debug} namespace. A trace re-executes transactions and,
 * with the opcode logger, keeps an entry for every executed step in memory, so one request
 * can cost far more than any other JSON-RPC call; these bound it.
 *
 * @param defaultTimeout how long a trace may run when its options name no {@code timeout}
 *     (geth's default is 5 s)
 * @param maxTimeout the longest {@code timeout} a request gets; longer ones are cut to it
 * @param maxStructLogs the most opcode-logger entries one request may produce, over all
 *     the transactions it traces; a trace that would produce more fails with -32005
 * @param callGasCap the gas {@code debug_traceCall} gives a call that names none, and the
 *     most it may name
 */
public record DebugOptions(Duration defaultTimeout, Duration maxTimeout, int maxStructLogs, long callGasCap) {
  /** 5 s by default, at most 1 min, 200 000 struct-log entries, a 50 M gas cap (as geth's RPC gas cap). */
  public static final DebugOptions DEFAULTS =
      new DebugOptions(Duration.ofSeconds(5), Duration.ofMinutes(1), 200_000, 50_000_000L);

  public DebugOptions {
    if (defaultTimeout.isNegative() || maxTimeout.isNegative() || defaultTimeout.compareTo(maxTimeout) > 0) {
      throw new IllegalArgumentException("timeouts must satisfy 0 <= default <= max");
    }
    if (maxStructLogs < 0 || callGasCap <= 0) {
      throw new IllegalArgumentException("maxStructLogs must be >= 0 and callGasCap > 0");
    }
  }

  public DebugOptions withMaxStructLogs(int max) {
    return new DebugOptions(defaultTimeout, maxTimeout, max, callGasCap);
  }
}
