package org.linden.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Frame;
import org.linden.evm.Message;
import org.linden.evm.tracing.GethTracer;
import org.linden.evm.tracing.TransactionContext;

/**
 * Runs a tracer within a request's {@link TraceBudget}: looks at the clock every so many
 * steps, and counts the entries an opcode logger records, so that a long or huge trace is
 * stopped between two steps instead of running the node out of time or memory.
 */
final class GuardedTracer implements GethTracer {
  /** Reading the clock on every step would cost more than many steps; every 256th is soon enough. */
  private static final int CLOCK_INTERVAL = 256;

  private final GethTracer tracer;
  private final TraceBudget budget;
  private final boolean logsSteps;
  private final int stepLimit;
  private long steps;

  /**
   * @param logsSteps whether {@code tracer} records an entry per step (the struct logger)
   * @param stepLimit the number of entries after which it records no more (its
   *     {@code limit} option), 0 for none
   */
  GuardedTracer(GethTracer tracer, TraceBudget budget, boolean logsSteps, int stepLimit) {
    this.tracer = tracer;
    this.budget = budget;
    this.logsSteps = logsSteps;
    this.stepLimit = stepLimit;
  }

  @Override
  public void txStart(TransactionContext tx) {
    tracer.txStart(tx);
  }

  @Override
  public void txEnd(long gasUsed) {
    tracer.txEnd(gasUsed);
  }

  @Override
  public JsonNode result() {
    return tracer.result();
  }

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    if (steps % CLOCK_INTERVAL == 0) {
      budget.checkTime();
    }
    if (logsSteps && (stepLimit == 0 || steps < stepLimit)) {
      budget.takeStructLog();
    }
    steps++;
    tracer.beforeStep(frame, opcode, refund);
  }

  @Override
  public void afterStep(Frame frame, int opcode, long gasCost, String error) {
    tracer.afterStep(frame, opcode, gasCost, error);
  }

  @Override
  public void enterFrame(Message message) {
    tracer.enterFrame(message);
  }

  @Override
  public void exitFrame(Message message, ExecutionResult result) {
    tracer.exitFrame(message, result);
  }
}
