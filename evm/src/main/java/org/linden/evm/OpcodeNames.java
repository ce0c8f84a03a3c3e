package org.linden.evm;

/** Mnemonics of the opcodes, as traces and disassemblies print them. */
public final class OpcodeNames {
  private static final String[] NAMES = new String[256];

  static {
    String[][] table = {
      {"00", "STOP"}, {"01", "ADD"}, {"02", "MUL"}, {"03", "SUB"}, {"04", "DIV"}, {"05", "SDIV"}, {"06", "MOD"},
      {"07", "SMOD"}, {"08", "ADDMOD"}, {"09", "MULMOD"}, {"0a", "EXP"}, {"0b", "SIGNEXTEND"}, {"10", "LT"},
      {"11", "GT"}, {"12", "SLT"}, {"13", "SGT"}, {"14", "EQ"}, {"15", "ISZERO"}, {"16", "AND"}, {"17", "OR"},
      {"18", "XOR"}, {"19", "NOT"}, {"1a", "BYTE"}, {"1b", "SHL"}, {"1c", "SHR"}, {"1d", "SAR"}, {"1e", "CLZ"},
      {"20", "KECCAK256"}, {"30", "ADDRESS"}, {"31", "BALANCE"}, {"32", "ORIGIN"}, {"33", "CALLER"},
      {"34", "CALLVALUE"}, {"35", "CALLDATALOAD"}, {"36", "CALLDATASIZE"}, {"37", "CALLDATACOPY"},
      {"38", "CODESIZE"}, {"39", "CODECOPY"}, {"3a", "GASPRICE"}, {"3b", "EXTCODESIZE"}, {"3c", "EXTCODECOPY"},
      {"3d", "RETURNDATASIZE"}, {"3e", "RETURNDATACOPY"}, {"3f", "EXTCODEHASH"}, {"40", "BLOCKHASH"},
      {"41", "COINBASE"}, {"42", "TIMESTAMP"}, {"43", "NUMBER"}, {"44", "PREVRANDAO"}, {"45", "GASLIMIT"},
      {"46", "CHAINID"}, {"47", "SELFBALANCE"}, {"48", "BASEFEE"}, {"49", "BLOBHASH"}, {"4a", "BLOBBASEFEE"},
      {"50", "POP"}, {"51", "MLOAD"}, {"52", "MSTORE"}, {"53", "MSTORE8"}, {"54", "SLOAD"}, {"55", "SSTORE"},
      {"56", "JUMP"}, {"57", "JUMPI"}, {"58", "PC"}, {"59", "MSIZE"}, {"5a", "GAS"}, {"5b", "JUMPDEST"},
      {"5c", "TLOAD"}, {"5d", "TSTORE"}, {"5e", "MCOPY"}, {"5f", "PUSH0"}, {"f0", "CREATE"}, {"f1", "CALL"},
      {"f2", "CALLCODE"}, {"f3", "RETURN"}, {"f4", "DELEGATECALL"}, {"f5", "CREATE2"}, {"fa", "STATICCALL"},
      {"fd", "REVERT"}, {"fe", "INVALID"}, {"ff", "SELFDESTRUCT"}
    };
    for (String[] e : table) {
      NAMES[Integer.parseInt(e[0], 16)] = e[1];
    }
    for (int n = 1; n <= 32; n++) {
      NAMES[0x5f + n] = "PUSH" + n;
    }
    for (int n = 1; n <= 16; n++) {
      NAMES[0x7f + n] = "DUP" + n;
      NAMES[0x8f + n] = "SWAP" + n;
    }
    for (int n = 0; n <= 4; n++) {
      NAMES[0xa0 + n] = "LOG" + n;
    }
  }

  private OpcodeNames() {}

  /** The mnemonic, or {@code opcode 0x..} for an undefined byte. */
  public static String of(int opcode) {
    String n = NAMES[opcode & 0xff];
    return n != null ? n : String.format("opcode 0x%02x not defined", opcode & 0xff);
  }
}
