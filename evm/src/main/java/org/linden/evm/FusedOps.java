package org.linden.evm;

/**
 * Instructions that {@link CodeAnalysis} makes out of frequent sequences in compiled code,
 * so that the untraced interpreter dispatches once where the code has two or three
 * instructions. Each id stands at the position of the sequence's first instruction in
 * {@link CodeAnalysis#ops}; the code itself is unchanged, and a traced run reads the code.
 *
 * <p>A fused instruction has the summed static gas and the combined stack bounds of its
 * parts ({@link GasSchedule}). When it cannot run whole — too little gas, a stack too
 * small or too full — the interpreter runs the first instruction of the sequence alone
 * instead, so every halt happens at the same instruction, for the same reason, as
 * without fusion. A jump is fused only when its pushed destination is a JUMPDEST; the
 * JUMPDEST's gas is then charged with the jump and its dispatch skipped.
 *
 * <p>The ids are undefined opcodes in every fork; a code byte that happens to equal one
 * of them is entered in {@code ops} as {@link #UNDEFINED}, which fails the check and
 * falls back to the code byte too.
 */
final class FusedOps {
  private FusedOps() {}

  /** {@code PUSH2 dest; JUMP} landing on the JUMPDEST at dest. */
  static final int PUSH2_JUMP = 0xb0;
  /** {@code PUSH2 dest; JUMPI}. */
  static final int PUSH2_JUMPI = 0xb1;
  /** {@code ISZERO; PUSH2 dest; JUMPI}. */
  static final int ISZERO_PUSH2_JUMPI = 0xb2;

  /** {@code POP; POP}. */
  static final int POP_POP = 0xb3;
  /** {@code POP; JUMP}, the end of an internal function (destination checked when run). */
  static final int POP_JUMP = 0xb4;
  /** {@code SWAP1; POP}. */
  static final int SWAP1_POP = 0xb5;
  /** {@code SWAP2; POP}. */
  static final int SWAP2_POP = 0xb6;
  /** {@code PUSH1 n; ADD}. */
  static final int PUSH1_ADD = 0xb7;

  static final int FIRST = PUSH2_JUMP;
  static final int LAST = PUSH1_ADD;

  /** An opcode undefined in every fork, entered for code bytes in {@code FIRST..LAST}. */
  static final int UNDEFINED = 0x0c;

  static boolean isFused(int op) {
    return op >= FIRST && op <= LAST;
  }
}
