package org.linden.evm;

/**
 * Observes execution step by step (EIP-3155 traces, call tracers). Every method has an
 * empty default so a tracer implements only what it needs.
 */
public interface Tracer {
  /** Before an instruction runs; {@code frame} shows pc, gas, stack and memory. */
  default void beforeStep(Frame frame, int opcode, long refund) {}

  /** After an instruction ran (or halted), with the gas it cost and the halt reason, if any. */
  default void afterStep(Frame frame, int opcode, long gasCost, String error) {}

  /** A message frame starts. */
  default void enterFrame(Message message) {}

  /** A message frame ends. */
  default void exitFrame(Message message, ExecutionResult result) {}
}
