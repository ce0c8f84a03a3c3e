package org.linden.evm.tracing;

import org.linden.evm.GasSchedule;
import org.linden.evm.OpcodeNames;
import org.linden.evm.Opcodes;
import org.linden.types.Fork;

/**
 * Geth's wording and bookkeeping of failed steps, where ours differs. Geth checks the stack
 * and charges gas before it logs a step, so those failures appear in its struct log with
 * the error and the constant gas; every other failure (a bad jump, a write in a static
 * call, an undefined opcode) happens after the step was logged and leaves no error there.
 */
final class GethErrors {
  static final String REVERTED = "execution reverted";
  static final String OUT_OF_GAS = "out of gas";
  static final String DEPTH = "max call depth exceeded";
  static final String INSUFFICIENT_BALANCE = "insufficient balance for transfer";
  static final String NONCE_OVERFLOW = "nonce uint64 overflow";
  static final String COLLISION = "contract address collision";
  private static final String SENTRY = "out of gas: not enough gas for reentrancy sentry";

  private GethErrors() {}

  /**
   * Geth's message for a step that halted with our {@code error}, given the opcode, the
   * stack size and the gas before the step.
   */
  static String forStep(String error, int op, int stackSize, long gasBefore, Fork fork) {
    if (error.equals("stack underflow")) {
      return "stack underflow (" + stackSize + " <=> " + StackArity.pops(op) + ")";
    }
    if (error.equals("invalid opcode")) {
      return "invalid opcode: " + OpcodeNames.of(op);
    }
    if (error.equals(OUT_OF_GAS) && op == Opcodes.SSTORE && fork.isAtLeast(Fork.ISTANBUL)
        && gasBefore <= GasSchedule.CALL_STIPEND) {
      return SENTRY;
    }
    return error;
  }

  /** True if geth meets this (geth-worded) error before it logs the step. */
  static boolean beforeLogging(String gethError) {
    return gethError.startsWith("stack underflow") || gethError.startsWith("stack limit reached")
        || gethError.startsWith(OUT_OF_GAS);
  }

  /**
   * The constant part of an opcode's gas in geth's jump table. It differs from our static
   * cost where geth counts differently: LOG topics are dynamic there, and from Berlin the
   * warm access of BALANCE, EXTCODE* and the calls is constant there.
   */
  static long constantGas(int op, Fork fork) {
    if (op >= Opcodes.LOG0 && op <= Opcodes.LOG0 + 4) {
      return GasSchedule.LOG;
    }
    if (fork.isAtLeast(Fork.BERLIN)) {
      switch (op) {
        case Opcodes.BALANCE, Opcodes.EXTCODESIZE, Opcodes.EXTCODECOPY, Opcodes.EXTCODEHASH, Opcodes.CALL,
            Opcodes.CALLCODE, Opcodes.DELEGATECALL, Opcodes.STATICCALL -> {
          return GasSchedule.WARM_ACCESS;
        }
        default -> { }
      }
    }
    return GasSchedule.of(fork).staticCost[op];
  }
}
