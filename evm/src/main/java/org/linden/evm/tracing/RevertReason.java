package org.linden.evm.tracing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.linden.types.Bytes;

/**
 * Decodes revert data the way geth's {@code abi.UnpackRevert} does: Solidity's
 * {@code Error(string)} gives its message, {@code Panic(uint256)} the description of its
 * code; anything else, or malformed ABI encoding, gives nothing.
 */
public final class RevertReason {
  private static final int ERROR_SELECTOR = 0x08c379a0;
  private static final int PANIC_SELECTOR = 0x4e487b71;
  private static final Map<Integer, String> PANICS = Map.of(
      0x00, "generic panic",
      0x01, "assert(false)",
      0x11, "arithmetic underflow or overflow",
      0x12, "division or modulo by zero",
      0x21, "enum overflow",
      0x22, "invalid encoded storage byte array accessed",
      0x31, "out-of-bounds array access; popping on an empty array",
      0x32, "out-of-bounds access of an array or bytesSlice",
      0x41, "out of memory",
      0x51, "uninitialized function");

  private RevertReason() {}

  public static Optional<String> decode(Bytes output) {
    if (output.size() < 4) {
      return Optional.empty();
    }
    byte[] d = output.unsafeArray();
    int selector = ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
    if (selector == ERROR_SELECTOR) {
      return errorString(d);
    }
    if (selector == PANIC_SELECTOR && d.length >= 4 + 32) {
      BigInteger code = word(d, 4);
      String known = code.bitLength() <= 8 ? PANICS.get(code.intValue()) : null;
      return Optional.of(known != null ? known : "unknown panic code: 0x" + code.toString(16));
    }
    return Optional.empty();
  }

  /** The ABI-encoded string after the selector: an offset, then a length and the bytes. */
  private static Optional<String> errorString(byte[] d) {
    int base = 4;
    int size = d.length - base;
    if (size < 32) {
      return Optional.empty();
    }
    BigInteger offsetEnd = word(d, base).add(BigInteger.valueOf(32));
    if (offsetEnd.compareTo(BigInteger.valueOf(size)) > 0) {
      return Optional.empty();
    }
    int start = offsetEnd.intValueExact();
    BigInteger end = offsetEnd.add(word(d, base + start - 32));
    if (end.compareTo(BigInteger.valueOf(size)) > 0) {
      return Optional.empty();
    }
    int length = end.intValueExact() - start;
    return Optional.of(new String(d, base + start, length, StandardCharsets.UTF_8));
  }

  private static BigInteger word(byte[] d, int offset) {
    byte[] w = new byte[32];
    System.arraycopy(d, offset, w, 0, 32);
    return new BigInteger(1, w);
  }
}
