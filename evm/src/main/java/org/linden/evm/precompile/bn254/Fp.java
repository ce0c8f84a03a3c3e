package org.linden.evm.precompile.bn254;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * An element of the BN254 base field F_p, immutable.
 *
 * <p>The value is kept in Montgomery form, {@code a·R mod p} with {@code R = 2^256}, as four
 * little-endian 64-bit limbs, so a product costs one Montgomery multiplication and never a
 * division. Every stored value is fully reduced (below p), which makes equality a limb comparison.
 */
final class Fp {
  /** The field modulus p, for setup and tests; the hot path uses the limbs below. */
  static final BigInteger MODULUS =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  static final long P0 = 0x3c208c16d87cfd47L;
  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;

  /** {@code -p^-1 mod 2^64}: the multiplier that clears the low limb in each Montgomery round. */
  static final long INV = negInverse64(P0);

  /** {@code R^2 mod p} as plain limbs; multiplying by it moves a value into Montgomery form. */
  private static final Fp R2 = raw(BigInteger.ONE.shiftLeft(512).mod(MODULUS));

  /** Plain 1, which multiplied in Montgomery form takes a value back out of it. */
  private static final Fp RAW_ONE = new Fp(1, 0, 0, 0);

  /** {@code R^3 mod p}: turns a plain inverse of a Montgomery value back into Montgomery form. */
  private static final Fp R3 = R2.mul(R2);

  private static final VarHandle BE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  static final Fp ZERO = new Fp(0, 0, 0, 0);
  static final Fp ONE = RAW_ONE.mul(R2);

  final long l0;
  final long l1;
  final long l2;
  final long l3;

  private Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** Newton iteration for the inverse of an odd number mod 2^64, negated. */
  private static long negInverse64(long p0) {
    long inv = 1;
    for (int i = 0; i < 7; i++) {
      inv *= 2 - p0 * inv; // each step doubles the number of correct low bits
    }
    return -inv;
  }

  /** The limbs of {@code v}, taken as they are (no Montgomery conversion); v must be below p. */
  private static Fp raw(BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return new Fp(l[0], l[1], l[2], l[3]);
  }

  /** The value with the given Montgomery limbs (x·2^256 mod p, below p), as {@link FpLimbs} reads it. */
  static Fp fromLimbs(long l0, long l1, long l2, long l3) {
    return new Fp(l0, l1, l2, l3);
  }

  /** Reduces {@code v} mod p; for constants and tests, not for the hot path. */
  static Fp fromBigInteger(BigInteger v) {
    return raw(v.mod(MODULUS)).mul(R2);
  }

  static Fp of(long small) {
    return fromBigInteger(BigInteger.valueOf(small));
  }

  BigInteger toBigInteger() {
    Fp n = mul(RAW_ONE);
    byte[] be = new byte[32];
    n.writeRaw(be, 0);
    return new BigInteger(1, be);
  }

  /**
   * Reads a 32-byte big-endian number at {@code offset}. Returns null when it is p or larger,
   * because Ethereum rejects non-canonical encodings instead of reducing them.
   */
  static Fp fromBytes(byte[] in, int offset) {
    long a3 = (long) BE_LONG.get(in, offset);
    long a2 = (long) BE_LONG.get(in, offset + 8);
    long a1 = (long) BE_LONG.get(in, offset + 16);
    long a0 = (long) BE_LONG.get(in, offset + 24);
    if (!lessThanP(a0, a1, a2, a3)) {
      return null;
    }
    return new Fp(a0, a1, a2, a3).mul(R2);
  }

  /** Writes the value as a 32-byte big-endian number at {@code offset}. */
  void toBytes(byte[] out, int offset) {
    mul(RAW_ONE).writeRaw(out, offset);
  }

  private void writeRaw(byte[] out, int offset) {
    BE_LONG.set(out, offset, l3);
    BE_LONG.set(out, offset + 8, l2);
    BE_LONG.set(out, offset + 16, l1);
    BE_LONG.set(out, offset + 24, l0);
  }

  private static boolean lessThanP(long a0, long a1, long a2, long a3) {
    if (a3 != P3) {
      return Long.compareUnsigned(a3, P3) < 0;
    }
    if (a2 != P2) {
      return Long.compareUnsigned(a2, P2) < 0;
    }
    if (a1 != P1) {
      return Long.compareUnsigned(a1, P1) < 0;
    }
    return Long.compareUnsigned(a0, P0) < 0;
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  /** 1 when {@code sum} wrapped around while adding {@code addend}. */
  private static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  // The carry and borrow formulas below are branch-free (Hacker's Delight, 2-13): whether a
  // reduction is needed is a coin flip for random field elements, so a branch would be
  // mispredicted half the time.

  /** Carry out of {@code a + b + carryIn} whose low 64 bits are {@code s}. */
  private static long carryOut(long a, long b, long s) {
    return ((a & b) | ((a | b) & ~s)) >>> 63;
  }

  /** Borrow out of {@code a - b - borrowIn} whose low 64 bits are {@code d}. */
  private static long borrowOut(long a, long b, long d) {
    return ((~a & b) | (~(a ^ b) & d)) >>> 63;
  }

  /** Subtracts p from a value below 2p when the result is not negative. */
  private static Fp reduceOnce(long a0, long a1, long a2, long a3) {
    long d0 = a0 - P0;
    long b = borrowOut(a0, P0, d0);
    long d1 = a1 - P1 - b;
    b = borrowOut(a1, P1, d1);
    long d2 = a2 - P2 - b;
    b = borrowOut(a2, P2, d2);
    long d3 = a3 - P3 - b;
    b = borrowOut(a3, P3, d3);
    long keep = -b; // all ones when a < p
    return new Fp(
        (a0 & keep) | (d0 & ~keep),
        (a1 & keep) | (d1 & ~keep),
        (a2 & keep) | (d2 & ~keep),
        (a3 & keep) | (d3 & ~keep));
  }

  Fp add(Fp o) {
    // p < 2^254, so the sum of two reduced values fits in four limbs without overflow.
    long s0 = l0 + o.l0;
    long c = carryOut(l0, o.l0, s0);
    long s1 = l1 + o.l1 + c;
    c = carryOut(l1, o.l1, s1);
    long s2 = l2 + o.l2 + c;
    c = carryOut(l2, o.l2, s2);
    long s3 = l3 + o.l3 + c;
    return reduceOnce(s0, s1, s2, s3);
  }

  Fp dbl() {
    return add(this);
  }

  Fp sub(Fp o) {
    long d0 = l0 - o.l0;
    long b = borrowOut(l0, o.l0, d0);
    long d1 = l1 - o.l1 - b;
    b = borrowOut(l1, o.l1, d1);
    long d2 = l2 - o.l2 - b;
    b = borrowOut(l2, o.l2, d2);
    long d3 = l3 - o.l3 - b;
    b = borrowOut(l3, o.l3, d3);
    // Went below zero: add p back; the carry out of the top limb cancels the borrow.
    long mask = -b;
    long q0 = P0 & mask;
    long q1 = P1 & mask;
    long q2 = P2 & mask;
    long q3 = P3 & mask;
    long s0 = d0 + q0;
    long c = carryOut(d0, q0, s0);
    long s1 = d1 + q1 + c;
    c = carryOut(d1, q1, s1);
    long s2 = d2 + q2 + c;
    c = carryOut(d2, q2, s2);
    long s3 = d3 + q3 + c;
    return new Fp(s0, s1, s2, s3);
  }

  Fp neg() {
    return isZero() ? this : ZERO.sub(this);
  }

  /**
   * High limb of {@code t + x·y + c}. Callers compute the low limb as {@code x*y + t + c}; the JIT
   * shares the multiplication between the two.
   */
  private static long madHi(long x, long y, long t, long c) {
    long lo = x * y;
    long hi = Math.unsignedMultiplyHigh(x, y);
    long s = lo + t;
    hi += carry(s, lo);
    long s2 = s + c;
    return hi + carry(s2, s);
  }

  /**
   * Montgomery product {@code this·o·R^-1 mod p} by coarsely integrated operand scanning. The top
   * limb of p is below 2^62, so the running total never needs a fifth limb (the "no-carry"
   * variant): the result stays below 2p and one conditional subtraction finishes.
   */
  Fp mul(Fp o) {
    long a0 = l0;
    long a1 = l1;
    long a2 = l2;
    long a3 = l3;
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (int i = 0; i < 4; i++) {
      long b = i == 0 ? o.l0 : i == 1 ? o.l1 : i == 2 ? o.l2 : o.l3;
      // t += a·b, interleaved with t += m·p and a shift by one limb so that t stays 4 limbs.
      long lo = a0 * b + t0;
      long carryA = madHi(a0, b, t0, 0);
      long m = lo * INV;
      long carryM = madHi(m, P0, lo, 0);

      lo = a1 * b + t1 + carryA;
      carryA = madHi(a1, b, t1, carryA);
      t0 = m * P1 + lo + carryM;
      carryM = madHi(m, P1, lo, carryM);

      lo = a2 * b + t2 + carryA;
      carryA = madHi(a2, b, t2, carryA);
      t1 = m * P2 + lo + carryM;
      carryM = madHi(m, P2, lo, carryM);

      lo = a3 * b + t3 + carryA;
      carryA = madHi(a3, b, t3, carryA);
      t2 = m * P3 + lo + carryM;
      carryM = madHi(m, P3, lo, carryM);

      t3 = carryM + carryA;
    }
    return reduceOnce(t0, t1, t2, t3);
  }

  Fp square() {
    return mul(this);
  }

  /**
   * The multiplicative inverse; zero maps to zero. Uses the binary extended Euclidean algorithm
   * (Hankerson, Menezes and Vanstone, "Guide to Elliptic Curve Cryptography", algorithm 2.22),
   * about three times faster than Fermat's a^(p-2) and the dominant cost of ECADD, which must
   * return affine coordinates. Its running time depends on the value, which is fine here: every
   * input is public.
   */
  Fp inverse() {
    if (isZero()) {
      return this;
    }
    // Invariants: x1·a ≡ u and x2·a ≡ v (mod p), where a = this value's limbs (Montgomery form).
    long[] u = {l0, l1, l2, l3};
    long[] v = {P0, P1, P2, P3};
    long[] x1 = {1, 0, 0, 0};
    long[] x2 = {0, 0, 0, 0};
    while (!isOne(u) && !isOne(v)) {
      while ((u[0] & 1) == 0) {
        shiftRight1(u, 0);
        halveModP(x1);
      }
      while ((v[0] & 1) == 0) {
        shiftRight1(v, 0);
        halveModP(x2);
      }
      if (!lessThan(u, v)) {
        subtract(u, v);
        subtractModP(x1, x2);
      } else {
        subtract(v, u);
        subtractModP(x2, x1);
      }
    }
    long[] x = isOne(u) ? x1 : x2;
    // x = (a·R)^-1 = a^-1·R^-1 as a plain number; a Montgomery product with R^3 gives a^-1·R.
    return new Fp(x[0], x[1], x[2], x[3]).mul(R3);
  }

  private static boolean isOne(long[] a) {
    return a[0] == 1 && (a[1] | a[2] | a[3]) == 0;
  }

  private static boolean lessThan(long[] a, long[] b) {
    for (int i = 3; i >= 0; i--) {
      if (a[i] != b[i]) {
        return Long.compareUnsigned(a[i], b[i]) < 0;
      }
    }
    return false;
  }

  /** a ← (a + topBit·2^256) / 2. */
  private static void shiftRight1(long[] a, long topBit) {
    a[0] = (a[0] >>> 1) | (a[1] << 63);
    a[1] = (a[1] >>> 1) | (a[2] << 63);
    a[2] = (a[2] >>> 1) | (a[3] << 63);
    a[3] = (a[3] >>> 1) | (topBit << 63);
  }

  /** a ← a / 2 mod p, for a below p: an odd a is made even by adding p first. */
  private static void halveModP(long[] a) {
    if ((a[0] & 1) == 0) {
      shiftRight1(a, 0);
      return;
    }
    long s0 = a[0] + P0;
    long c = carryOut(a[0], P0, s0);
    long s1 = a[1] + P1 + c;
    c = carryOut(a[1], P1, s1);
    long s2 = a[2] + P2 + c;
    c = carryOut(a[2], P2, s2);
    long s3 = a[3] + P3 + c;
    c = carryOut(a[3], P3, s3);
    a[0] = s0;
    a[1] = s1;
    a[2] = s2;
    a[3] = s3;
    shiftRight1(a, c);
  }

  /** a ← a - b for a ≥ b. */
  private static void subtract(long[] a, long[] b) {
    long b0 = 0;
    for (int i = 0; i < 4; i++) {
      long d = a[i] - b[i] - b0;
      b0 = borrowOut(a[i], b[i], d);
      a[i] = d;
    }
  }

  /** a ← a - b mod p, for a and b below p. */
  private static void subtractModP(long[] a, long[] b) {
    boolean negative = lessThan(a, b);
    subtract(a, b);
    if (negative) {
      // The limbs hold a - b + 2^256; adding p wraps back to a - b + p.
      long c = 0;
      long[] p = {P0, P1, P2, P3};
      for (int i = 0; i < 4; i++) {
        long s = a[i] + p[i] + c;
        c = carryOut(a[i], p[i], s);
        a[i] = s;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp f && l0 == f.l0 && l1 == f.l1 && l2 == f.l2 && l3 == f.l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0 ^ l1 ^ l2 ^ l3);
  }

  @Override
  public String toString() {
    return "0x" + toBigInteger().toString(16);
  }
}
