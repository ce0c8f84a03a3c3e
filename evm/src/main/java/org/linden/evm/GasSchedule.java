package org.linden.evm;

import org.linden.types.Fork;

/**
 * Gas costs of one fork. Static costs of every opcode sit in {@link #staticCost}, charged
 * by the interpreter loop before the instruction runs; the dynamic parts (memory,
 * copying, cold access, calls, storage) are charged by the instructions with the
 * constants here. Names follow execution-specs' {@code vm/gas.py}.
 */
public final class GasSchedule {
  public static final long ZERO = 0, JUMPDEST = 1, BASE = 2, VERY_LOW = 3, LOW = 5, MID = 8, HIGH = 10;
  public static final long MEMORY_PER_WORD = 3;
  public static final long MEMORY_QUADRATIC_DIVISOR = 512;
  public static final long COPY_PER_WORD = 3;
  public static final long KECCAK256 = 30, KECCAK256_PER_WORD = 6;
  public static final long LOG = 375, LOG_TOPIC = 375, LOG_DATA = 8;
  public static final long CREATE = 32000, CODE_DEPOSIT_PER_BYTE = 200, INITCODE_PER_WORD = 2;
  public static final long CALL_VALUE = 9000, CALL_STIPEND = 2300, NEW_ACCOUNT = 25000;
  public static final long BLOCKHASH = 20;
  public static final long WARM_ACCESS = 100, COLD_ACCOUNT_ACCESS = 2600, COLD_SLOAD = 2100;
  public static final long TRANSIENT = 100;

  public final Fork fork;
  public final long[] staticCost = new long[256];
  /** Whether each byte is an opcode in this fork: one table lookup per step instead of a switch. */
  public final boolean[] defined = new boolean[256];
  /**
   * What the interpreter checks before each instruction, packed in one word so that a step
   * reads one table entry: the static cost in the high 32 bits ({@link #cost}), and the
   * stack check as one unsigned comparison — an instruction can run when {@code size -
   * stackMin}, read as unsigned, is at most {@code stackSpan}, that is when it finds its
   * operands and leaves at most 1024 words. An undefined opcode has a minimum no stack
   * reaches, so the same comparison rejects it.
   */
  final long[] step = new long[256];
  /**
   * {@link #step} with the entries of the fused instructions ({@link FusedOps}), for
   * dispatch on {@link CodeAnalysis#ops}; in {@code step} their ids stay undefined.
   */
  final long[] fusedStep;
  public final long expPerByte;
  public final long balance;
  public final long extCode;
  public final long extCodeHash;
  public final long sload;
  public final long call;
  public final long selfDestruct;
  public final long selfDestructRefund;
  public final long sstoreSet = 20000;
  public final long sstoreReset;
  public final long sstoreClearRefund;
  public final boolean accessLists;
  public final boolean allButOne64th;

  private static final GasSchedule[] BY_FORK = new GasSchedule[Fork.values().length];

  static {
    for (Fork f : Fork.values()) {
      BY_FORK[f.ordinal()] = new GasSchedule(f);
    }
  }

  public static GasSchedule of(Fork fork) {
    return BY_FORK[fork.ordinal()];
  }

  private GasSchedule(Fork fork) {
    this.fork = fork;
    accessLists = fork.isAtLeast(Fork.BERLIN);
    allButOne64th = fork.isAtLeast(Fork.TANGERINE_WHISTLE);
    expPerByte = fork.isAtLeast(Fork.SPURIOUS_DRAGON) ? 50 : 10;
    boolean tw = fork.isAtLeast(Fork.TANGERINE_WHISTLE);
    boolean istanbul = fork.isAtLeast(Fork.ISTANBUL);
    // With access lists (Berlin) these become the warm cost; cold surcharges are dynamic.
    balance = accessLists ? 0 : istanbul ? 700 : tw ? 400 : 20;
    extCode = accessLists ? 0 : tw ? 700 : 20;
    extCodeHash = accessLists ? 0 : istanbul ? 700 : 400;
    sload = accessLists ? 0 : istanbul ? 800 : tw ? 200 : 50;
    call = accessLists ? 0 : tw ? 700 : 40;
    selfDestruct = tw ? 5000 : 0;
    selfDestructRefund = fork.isAtLeast(Fork.LONDON) ? 0 : 24000;
    sstoreReset = accessLists ? 5000 - COLD_SLOAD : 5000;
    sstoreClearRefund = fork.isAtLeast(Fork.LONDON) ? 4800 : 15000;

    long[] c = staticCost;
    for (int op = 0; op < 256; op++) {
      c[op] = 0;
      Fork since = Opcodes.introducedIn(op);
      defined[op] = since != null && fork.isAtLeast(since);
    }
    set(c, VERY_LOW, Opcodes.ADD, Opcodes.SUB, Opcodes.LT, Opcodes.GT, Opcodes.SLT, Opcodes.SGT, Opcodes.EQ,
        Opcodes.ISZERO, Opcodes.AND, Opcodes.OR, Opcodes.XOR, Opcodes.NOT, Opcodes.BYTE, Opcodes.SHL, Opcodes.SHR,
        Opcodes.SAR, Opcodes.CALLDATALOAD, Opcodes.MLOAD, Opcodes.MSTORE, Opcodes.MSTORE8, Opcodes.CALLDATACOPY,
        Opcodes.CODECOPY, Opcodes.RETURNDATACOPY, Opcodes.BLOBHASH, Opcodes.MCOPY);
    set(c, LOW, Opcodes.MUL, Opcodes.DIV, Opcodes.SDIV, Opcodes.MOD, Opcodes.SMOD, Opcodes.SIGNEXTEND,
        Opcodes.SELFBALANCE, Opcodes.CLZ);
    set(c, MID, Opcodes.ADDMOD, Opcodes.MULMOD, Opcodes.JUMP);
    set(c, HIGH, Opcodes.JUMPI, Opcodes.EXP);
    set(c, BASE, Opcodes.ADDRESS, Opcodes.ORIGIN, Opcodes.CALLER, Opcodes.CALLVALUE, Opcodes.CALLDATASIZE,
        Opcodes.CODESIZE, Opcodes.GASPRICE, Opcodes.RETURNDATASIZE, Opcodes.COINBASE, Opcodes.TIMESTAMP,
        Opcodes.NUMBER, Opcodes.PREVRANDAO, Opcodes.GASLIMIT, Opcodes.CHAINID, Opcodes.BASEFEE,
        Opcodes.BLOBBASEFEE, Opcodes.POP, Opcodes.PC, Opcodes.MSIZE, Opcodes.GAS, Opcodes.PUSH0);
    set(c, JUMPDEST, Opcodes.JUMPDEST);
    c[Opcodes.KECCAK256] = KECCAK256;
    c[Opcodes.BALANCE] = balance;
    c[Opcodes.EXTCODESIZE] = extCode;
    c[Opcodes.EXTCODECOPY] = extCode;
    c[Opcodes.EXTCODEHASH] = extCodeHash;
    c[Opcodes.BLOCKHASH] = BLOCKHASH;
    c[Opcodes.SLOAD] = sload;
    c[Opcodes.TLOAD] = TRANSIENT;
    c[Opcodes.TSTORE] = TRANSIENT;
    for (int op = Opcodes.PUSH1; op <= Opcodes.SWAP16; op++) {
      c[op] = VERY_LOW;
    }
    for (int n = 0; n <= 4; n++) {
      c[Opcodes.LOG0 + n] = LOG + n * LOG_TOPIC;
    }
    c[Opcodes.CREATE] = CREATE;
    c[Opcodes.CREATE2] = CREATE;
    c[Opcodes.CALL] = call;
    c[Opcodes.CALLCODE] = call;
    c[Opcodes.DELEGATECALL] = call;
    c[Opcodes.STATICCALL] = call;
    c[Opcodes.SELFDESTRUCT] = selfDestruct;
    for (int op = 0; op < 256; op++) {
      long stackMin = defined[op] ? StackEffects.IN[op] : 0xFFFF;
      long stackSpan = defined[op] ? Stack.LIMIT - StackEffects.OUT[op] : 0;
      step[op] = c[op] << 32 | stackSpan << 16 | stackMin;
    }
    // Fused sequences (FusedOps): summed cost; the stack bounds hold for every part.
    for (int op = FusedOps.FIRST; op <= FusedOps.LAST; op++) {
      if (defined[op]) {
        throw new IllegalStateException("fused instruction id 0x" + Integer.toHexString(op) + " is an opcode in " + fork);
      }
    }
    fusedStep = step.clone();
    fusedStep[FusedOps.PUSH2_JUMP] = fused(VERY_LOW + MID + JUMPDEST, 0, Stack.LIMIT - 1);
    fusedStep[FusedOps.PUSH2_JUMPI] = fused(VERY_LOW + HIGH, 1, Stack.LIMIT - 1);
    fusedStep[FusedOps.ISZERO_PUSH2_JUMPI] = fused(VERY_LOW + VERY_LOW + HIGH, 1, Stack.LIMIT - 1);
    fusedStep[FusedOps.POP_POP] = fused(BASE + BASE, 2, Stack.LIMIT);
    fusedStep[FusedOps.POP_JUMP] = fused(BASE + MID, 2, Stack.LIMIT);
    fusedStep[FusedOps.SWAP1_POP] = fused(VERY_LOW + BASE, 2, Stack.LIMIT);
    fusedStep[FusedOps.SWAP2_POP] = fused(VERY_LOW + BASE, 3, Stack.LIMIT);
    fusedStep[FusedOps.PUSH1_ADD] = fused(VERY_LOW + VERY_LOW, 1, Stack.LIMIT - 1);
  }

  /** A {@link #step} entry for an instruction that runs with {@code min..max} words on the stack. */
  private static long fused(long cost, int min, int max) {
    return cost << 32 | (long) (max - min) << 16 | min;
  }

  /** The lowest stack size an instruction with this {@link #step} entry runs at. */
  static int stackMin(long step) {
    return (int) step & 0xFFFF;
  }

  /** How far above {@link #stackMin} the stack size may be. */
  static int stackSpan(long step) {
    return ((int) step) >>> 16;
  }

  /** The static cost in a {@link #step} entry. */
  static long cost(long step) {
    return step >>> 32;
  }

  private static void set(long[] c, long cost, int... ops) {
    for (int op : ops) {
      c[op] = cost;
    }
  }

  /** Total memory cost of {@code words} words: 3·w + w²/512 (saturating). */
  public static long memoryCost(long words) {
    if (words > 0x1_0000_0000L) {
      return Long.MAX_VALUE;
    }
    return words * MEMORY_PER_WORD + (words * words) / MEMORY_QUADRATIC_DIVISOR;
  }
}
