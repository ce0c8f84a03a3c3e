package org.linden.types;

import java.math.BigInteger;

/**
 * An unsigned 256-bit integer on four {@code long} limbs, {@code u0} the least significant.
 * Arithmetic wraps modulo 2^256 as in the EVM.
 */
public final class UInt256 {
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(1, 0, 0, 0);
  public static final UInt256 MAX = new UInt256(-1L, -1L, -1L, -1L);

  final long u0;
  final long u1;
  final long u2;
  final long u3;

  public UInt256(long u0, long u1, long u2, long u3) {
    this.u0 = u0;
    this.u1 = u1;
    this.u2 = u2;
    this.u3 = u3;
  }

  public static UInt256 valueOf(long unsignedValue) {
    return new UInt256(unsignedValue, 0, 0, 0);
  }

  public static UInt256 fromBigInteger(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("value does not fit in 256 unsigned bits: " + v);
    }
    return new UInt256(
        v.longValue(), v.shiftRight(64).longValue(), v.shiftRight(128).longValue(), v.shiftRight(192).longValue());
  }

  /** Big-endian bytes of at most 32, read as an unsigned integer. */
  public static UInt256 fromBytes(Bytes b) {
    if (b.size() > 32) {
      throw new IllegalArgumentException("more than 32 bytes: " + b.size());
    }
    long[] l = new long[4];
    int n = b.size();
    for (int i = 0; i < n; i++) {
      int bit = 8 * (n - 1 - i);
      l[bit >>> 6] |= (long) b.getUnsigned(i) << (bit & 63);
    }
    return new UInt256(l[0], l[1], l[2], l[3]);
  }

  /** Exactly 32 big-endian bytes. */
  public Bytes toBytes32() {
    byte[] out = new byte[32];
    long[] l = {u3, u2, u1, u0};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 8; j++) {
        out[8 * i + j] = (byte) (l[i] >>> (56 - 8 * j));
      }
    }
    return Bytes.wrap(out);
  }

  /** Big-endian bytes without leading zeros; zero is the empty sequence. */
  public Bytes toMinimalBytes() {
    return toBytes32().trimLeadingZeros();
  }

  public boolean isZero() {
    return (u0 | u1 | u2 | u3) == 0;
  }

  public BigInteger toBigInteger() {
    BigInteger r = BigInteger.ZERO;
    long[] limbs = {u3, u2, u1, u0};
    for (long l : limbs) {
      r = r.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(l)));
    }
    return r;
  }

  public UInt256 add(UInt256 o) {
    long r0 = u0 + o.u0;
    long c = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
    long t1 = u1 + o.u1;
    long c1 = Long.compareUnsigned(t1, u1) < 0 ? 1 : 0;
    long r1 = t1 + c;
    c1 |= Long.compareUnsigned(r1, t1) < 0 ? 1 : 0;
    long t2 = u2 + o.u2;
    long c2 = Long.compareUnsigned(t2, u2) < 0 ? 1 : 0;
    long r2 = t2 + c1;
    c2 |= Long.compareUnsigned(r2, t2) < 0 ? 1 : 0;
    long r3 = u3 + o.u3 + c2;
    return new UInt256(r0, r1, r2, r3);
  }

  public UInt256 sub(UInt256 o) {
    return add(o.not()).add(ONE);
  }

  public UInt256 not() {
    return new UInt256(~u0, ~u1, ~u2, ~u3);
  }

  public static int compareUnsigned(UInt256 a, UInt256 b) {
    int c = Long.compareUnsigned(a.u3, b.u3);
    if (c != 0) return c;
    c = Long.compareUnsigned(a.u2, b.u2);
    if (c != 0) return c;
    c = Long.compareUnsigned(a.u1, b.u1);
    if (c != 0) return c;
    return Long.compareUnsigned(a.u0, b.u0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UInt256 x && x.u0 == u0 && x.u1 == u1 && x.u2 == u2 && x.u3 == u3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(u0) * 31 + Long.hashCode(u1 ^ u2 ^ u3);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
