package org.linden.rpc.debug;

import org.linden.rpc.RpcException;

/**
 * What one trace request may still spend: time until its deadline and opcode-logger
 * entries. Exhausting either throws the {@link RpcException} the caller gets; thrown from
 * a tracer callback it unwinds the EVM, which is how a running trace is stopped.
 */
final class TraceBudget {
  private final long deadlineNanos;
  private final int maxStructLogs;
  private int structLogs;

  /** {@code deadlineNanos} on {@link System#nanoTime()}'s clock. */
  TraceBudget(long deadlineNanos, int maxStructLogs) {
    this.deadlineNanos = deadlineNanos;
    this.maxStructLogs = maxStructLogs;
  }

  /** Fails once the deadline has passed. */
  void checkTime() {
    if (System.nanoTime() - deadlineNanos >= 0) {
      throw RpcException.server("execution timeout");
    }
  }

  /** Counts one more struct-log entry, failing if that is one more than allowed. */
  void takeStructLog() {
    if (structLogs >= maxStructLogs) {
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "trace exceeds the limit of " + maxStructLogs
          + " struct log entries; pass a smaller \"limit\", or use the callTracer");
    }
    structLogs++;
  }
}
