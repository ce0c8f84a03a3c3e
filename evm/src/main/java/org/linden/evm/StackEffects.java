package org.linden.evm;

/** How many words each opcode pops and pushes, to check under- and overflow once per step. */
final class StackEffects {
  static final int[] IN = new int[256];
  static final int[] OUT = new int[256];

  private StackEffects() {}

  private static void e(int op, int in, int out) {
    IN[op] = in;
    OUT[op] = out;
  }

  static {
    e(Opcodes.STOP, 0, 0);
    for (int op : new int[] {Opcodes.ADD, Opcodes.MUL, Opcodes.SUB, Opcodes.DIV, Opcodes.SDIV, Opcodes.MOD,
        Opcodes.SMOD, Opcodes.EXP, Opcodes.SIGNEXTEND, Opcodes.LT, Opcodes.GT, Opcodes.SLT, Opcodes.SGT,
        Opcodes.EQ, Opcodes.AND, Opcodes.OR, Opcodes.XOR, Opcodes.BYTE, Opcodes.SHL, Opcodes.SHR, Opcodes.SAR,
        Opcodes.KECCAK256}) {
      e(op, 2, 1);
    }
    e(Opcodes.ADDMOD, 3, 1);
    e(Opcodes.MULMOD, 3, 1);
    for (int op : new int[] {Opcodes.ISZERO, Opcodes.NOT, Opcodes.CLZ, Opcodes.BALANCE, Opcodes.CALLDATALOAD,
        Opcodes.EXTCODESIZE, Opcodes.EXTCODEHASH, Opcodes.BLOCKHASH, Opcodes.MLOAD, Opcodes.SLOAD,
        Opcodes.TLOAD, Opcodes.BLOBHASH}) {
      e(op, 1, 1);
    }
    for (int op : new int[] {Opcodes.ADDRESS, Opcodes.ORIGIN, Opcodes.CALLER, Opcodes.CALLVALUE,
        Opcodes.CALLDATASIZE, Opcodes.CODESIZE, Opcodes.GASPRICE, Opcodes.RETURNDATASIZE, Opcodes.COINBASE,
        Opcodes.TIMESTAMP, Opcodes.NUMBER, Opcodes.PREVRANDAO, Opcodes.GASLIMIT, Opcodes.CHAINID,
        Opcodes.SELFBALANCE, Opcodes.BASEFEE, Opcodes.BLOBBASEFEE, Opcodes.PC, Opcodes.MSIZE, Opcodes.GAS,
        Opcodes.PUSH0}) {
      e(op, 0, 1);
    }
    e(Opcodes.CALLDATACOPY, 3, 0);
    e(Opcodes.CODECOPY, 3, 0);
    e(Opcodes.RETURNDATACOPY, 3, 0);
    e(Opcodes.MCOPY, 3, 0);
    e(Opcodes.EXTCODECOPY, 4, 0);
    e(Opcodes.POP, 1, 0);
    e(Opcodes.MSTORE, 2, 0);
    e(Opcodes.MSTORE8, 2, 0);
    e(Opcodes.SSTORE, 2, 0);
    e(Opcodes.TSTORE, 2, 0);
    e(Opcodes.JUMP, 1, 0);
    e(Opcodes.JUMPI, 2, 0);
    e(Opcodes.JUMPDEST, 0, 0);
    for (int op = Opcodes.PUSH1; op <= Opcodes.PUSH32; op++) {
      e(op, 0, 1);
    }
    for (int n = 1; n <= 16; n++) {
      e(Opcodes.DUP1 + n - 1, n, n + 1);
      e(Opcodes.SWAP1 + n - 1, n + 1, n + 1);
    }
    for (int n = 0; n <= 4; n++) {
      e(Opcodes.LOG0 + n, 2 + n, 0);
    }
    e(Opcodes.CREATE, 3, 1);
    e(Opcodes.CREATE2, 4, 1);
    e(Opcodes.CALL, 7, 1);
    e(Opcodes.CALLCODE, 7, 1);
    e(Opcodes.DELEGATECALL, 6, 1);
    e(Opcodes.STATICCALL, 6, 1);
    e(Opcodes.RETURN, 2, 0);
    e(Opcodes.REVERT, 2, 0);
    e(Opcodes.INVALID, 0, 0);
    e(Opcodes.SELFDESTRUCT, 1, 0);
  }
}
