package org.linden.evm.precompile;

import java.math.BigInteger;
import org.linden.types.Bytes;

/**
 * Reads precompile input the way the specifications describe it: as if the call data
 * were followed by infinitely many zero bytes. Offsets and lengths are {@code long}
 * because they often come from 256-bit length fields; reads never allocate more than
 * the length asked for.
 */
final class CallData {
  private CallData() {}

  /** {@code length} bytes starting at {@code offset}, zero-filled past the end of the input. */
  static byte[] read(Bytes input, long offset, int length) {
    byte[] out = new byte[length];
    int available = available(input, offset, length);
    if (available > 0) {
      System.arraycopy(input.unsafeArray(), (int) offset, out, 0, available);
    }
    return out;
  }

  /**
   * The unsigned big-endian number in {@code length} bytes at {@code offset}. The missing
   * tail past the input is a run of zero bytes, so it becomes a shift rather than an
   * allocation of zeros.
   */
  static BigInteger readUnsigned(Bytes input, long offset, long length) {
    int available = available(input, offset, length);
    if (available == 0) {
      return BigInteger.ZERO;
    }
    BigInteger present = new BigInteger(1, input.unsafeArray(), (int) offset, available);
    long missingBits = (length - available) * 8;
    return present.shiftLeft(Math.toIntExact(missingBits));
  }

  /** The 32-byte big-endian word at {@code offset} as an exact unsigned number. */
  static BigInteger word(Bytes input, long offset) {
    return readUnsigned(input, offset, 32);
  }

  /** How many of the {@code length} bytes at {@code offset} are present in the input. */
  private static int available(Bytes input, long offset, long length) {
    if (offset < 0 || offset >= input.size() || length <= 0) {
      return 0;
    }
    return (int) Math.min(length, input.size() - offset);
  }
}
