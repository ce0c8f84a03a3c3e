package org.linden.evm.precompile;

/** Saturating arithmetic for gas: a result too large to pay becomes {@link Long#MAX_VALUE}. */
public final class GasMath {
  private GasMath() {}

  public static long add(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  public static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi != 0 || lo < 0) ? Long.MAX_VALUE : lo;
  }

  /** Number of 32-byte words needed for {@code bytes} bytes. */
  public static long words(long bytes) {
    return (bytes + 31) >>> 5;
  }
}
