package org.linden.evm;

import org.linden.types.Fork;

/** Opcode numbers and the fork that introduced each. */
public final class Opcodes {
  private Opcodes() {}

  public static final int STOP = 0x00, ADD = 0x01, MUL = 0x02, SUB = 0x03, DIV = 0x04, SDIV = 0x05, MOD = 0x06,
      SMOD = 0x07, ADDMOD = 0x08, MULMOD = 0x09, EXP = 0x0a, SIGNEXTEND = 0x0b;
  public static final int LT = 0x10, GT = 0x11, SLT = 0x12, SGT = 0x13, EQ = 0x14, ISZERO = 0x15, AND = 0x16,
      OR = 0x17, XOR = 0x18, NOT = 0x19, BYTE = 0x1a, SHL = 0x1b, SHR = 0x1c, SAR = 0x1d, CLZ = 0x1e;
  public static final int KECCAK256 = 0x20;
  public static final int ADDRESS = 0x30, BALANCE = 0x31, ORIGIN = 0x32, CALLER = 0x33, CALLVALUE = 0x34,
      CALLDATALOAD = 0x35, CALLDATASIZE = 0x36, CALLDATACOPY = 0x37, CODESIZE = 0x38, CODECOPY = 0x39,
      GASPRICE = 0x3a, EXTCODESIZE = 0x3b, EXTCODECOPY = 0x3c, RETURNDATASIZE = 0x3d, RETURNDATACOPY = 0x3e,
      EXTCODEHASH = 0x3f;
  public static final int BLOCKHASH = 0x40, COINBASE = 0x41, TIMESTAMP = 0x42, NUMBER = 0x43, PREVRANDAO = 0x44,
      GASLIMIT = 0x45, CHAINID = 0x46, SELFBALANCE = 0x47, BASEFEE = 0x48, BLOBHASH = 0x49, BLOBBASEFEE = 0x4a;
  public static final int POP = 0x50, MLOAD = 0x51, MSTORE = 0x52, MSTORE8 = 0x53, SLOAD = 0x54, SSTORE = 0x55,
      JUMP = 0x56, JUMPI = 0x57, PC = 0x58, MSIZE = 0x59, GAS = 0x5a, JUMPDEST = 0x5b, TLOAD = 0x5c,
      TSTORE = 0x5d, MCOPY = 0x5e, PUSH0 = 0x5f, PUSH1 = 0x60, PUSH2 = 0x61, PUSH32 = 0x7f, DUP1 = 0x80, DUP16 = 0x8f,
      SWAP1 = 0x90, SWAP2 = 0x91, SWAP16 = 0x9f, LOG0 = 0xa0, LOG4 = 0xa4;
  public static final int CREATE = 0xf0, CALL = 0xf1, CALLCODE = 0xf2, RETURN = 0xf3, DELEGATECALL = 0xf4,
      CREATE2 = 0xf5, STATICCALL = 0xfa, REVERT = 0xfd, INVALID = 0xfe, SELFDESTRUCT = 0xff;

  /** The fork an opcode first appears in, or null if it is not an opcode in any fork. */
  public static Fork introducedIn(int op) {
    if (op >= PUSH1 && op <= 0xa4) {
      return Fork.FRONTIER;
    }
    return switch (op) {
      case STOP, ADD, MUL, SUB, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP, SIGNEXTEND, LT, GT, SLT, SGT, EQ,
          ISZERO, AND, OR, XOR, NOT, BYTE, KECCAK256, ADDRESS, BALANCE, ORIGIN, CALLER, CALLVALUE,
          CALLDATALOAD, CALLDATASIZE, CALLDATACOPY, CODESIZE, CODECOPY, GASPRICE, EXTCODESIZE, EXTCODECOPY,
          BLOCKHASH, COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT, POP, MLOAD, MSTORE, MSTORE8, SLOAD,
          SSTORE, JUMP, JUMPI, PC, MSIZE, GAS, JUMPDEST, CREATE, CALL, CALLCODE, RETURN, SELFDESTRUCT -> Fork.FRONTIER;
      case DELEGATECALL -> Fork.HOMESTEAD;
      case RETURNDATASIZE, RETURNDATACOPY, STATICCALL, REVERT -> Fork.BYZANTIUM;
      case SHL, SHR, SAR, EXTCODEHASH, CREATE2 -> Fork.CONSTANTINOPLE;
      case CHAINID, SELFBALANCE -> Fork.ISTANBUL;
      case BASEFEE -> Fork.LONDON;
      case PUSH0 -> Fork.SHANGHAI;
      case TLOAD, TSTORE, MCOPY, BLOBHASH, BLOBBASEFEE -> Fork.CANCUN;
      case CLZ -> Fork.OSAKA;
      default -> null;
    };
  }
}
