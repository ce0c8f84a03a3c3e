package org.linden.evm.tracing;

import org.linden.evm.Opcodes;

/**
 * How many words each opcode takes from the stack: geth names it in its stack-underflow
 * error ("stack underflow (1 &lt;=&gt; 2)"), and the interpreter's own table is not
 * visible outside its package.
 */
final class StackArity {
  private static final int[] POPS = new int[256];

  static {
    // Runs of opcodes by how many words they take; everything else takes none.
    set(2, Opcodes.ADD, Opcodes.MUL, Opcodes.SUB, Opcodes.DIV, Opcodes.SDIV, Opcodes.MOD, Opcodes.SMOD,
        Opcodes.EXP, Opcodes.SIGNEXTEND, Opcodes.LT, Opcodes.GT, Opcodes.SLT, Opcodes.SGT, Opcodes.EQ, Opcodes.AND,
        Opcodes.OR, Opcodes.XOR, Opcodes.BYTE, Opcodes.SHL, Opcodes.SHR, Opcodes.SAR, Opcodes.KECCAK256,
        Opcodes.MSTORE, Opcodes.MSTORE8, Opcodes.SSTORE, Opcodes.JUMPI, Opcodes.TSTORE, Opcodes.RETURN,
        Opcodes.REVERT);
    set(3, Opcodes.ADDMOD, Opcodes.MULMOD, Opcodes.CALLDATACOPY, Opcodes.CODECOPY, Opcodes.RETURNDATACOPY,
        Opcodes.MCOPY, Opcodes.CREATE);
    set(1, Opcodes.ISZERO, Opcodes.NOT, Opcodes.CLZ, Opcodes.BALANCE, Opcodes.CALLDATALOAD, Opcodes.EXTCODESIZE,
        Opcodes.EXTCODEHASH, Opcodes.BLOCKHASH, Opcodes.BLOBHASH, Opcodes.POP, Opcodes.MLOAD, Opcodes.SLOAD,
        Opcodes.JUMP, Opcodes.TLOAD, Opcodes.SELFDESTRUCT);
    set(4, Opcodes.EXTCODECOPY, Opcodes.CREATE2);
    set(6, Opcodes.DELEGATECALL, Opcodes.STATICCALL);
    set(7, Opcodes.CALL, Opcodes.CALLCODE);
    for (int n = 1; n <= 16; n++) {
      POPS[Opcodes.DUP1 + n - 1] = n;
      POPS[Opcodes.SWAP1 + n - 1] = n + 1;
    }
    for (int n = 0; n <= 4; n++) {
      POPS[Opcodes.LOG0 + n] = n + 2;
    }
  }

  private StackArity() {}

  private static void set(int pops, int... ops) {
    for (int op : ops) {
      POPS[op] = pops;
    }
  }

  static int pops(int op) {
    return POPS[op & 0xff];
  }
}
