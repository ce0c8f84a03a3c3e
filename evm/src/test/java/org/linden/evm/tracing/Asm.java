package org.linden.evm.tracing;

import java.io.ByteArrayOutputStream;
import org.linden.evm.Opcodes;
import org.linden.types.Address;
import org.linden.types.Bytes;

/** A few lines of bytecode at a time, so tests read as the programs they run. */
final class Asm {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static Asm code() {
    return new Asm();
  }

  Asm op(int... ops) {
    for (int op : ops) {
      out.write(op);
    }
    return this;
  }

  /** PUSHn of the value in as few bytes as it needs (PUSH1 0 for zero). */
  Asm push(long value) {
    int n = value == 0 ? 1 : (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    out.write(Opcodes.PUSH1 + n - 1);
    for (int i = n - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  Asm push(Bytes bytes) {
    out.write(Opcodes.PUSH1 + bytes.size() - 1);
    out.writeBytes(bytes.toArray());
    return this;
  }

  Asm push(Address address) {
    return push(address.bytes().trimLeadingZeros());
  }

  /** Pushes the seven CALL/CALLCODE arguments: out and in regions, value, address, gas. */
  Asm call(int op, long gas, Address to, long value, long inOff, long inLen, long outOff, long outLen) {
    push(outLen).push(outOff).push(inLen).push(inOff);
    if (op == Opcodes.CALL || op == Opcodes.CALLCODE) {
      push(value);
    }
    return push(to).push(gas).op(op);
  }

  /** Stores a 32-byte word at a memory offset. */
  Asm mstore(long offset, long value) {
    return push(value).push(offset).op(Opcodes.MSTORE);
  }

  Bytes bytes() {
    return Bytes.wrap(out.toByteArray());
  }
}
