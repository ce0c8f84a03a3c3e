package org.linden.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of the BLS12-381 base field, immutable, held as six 64-bit limbs in Montgomery
 * form (little-endian limb order, always fully reduced below p).
 *
 * <p>blst does not expose its field arithmetic, yet the map-to-curve precompiles need it (the
 * simplified SWU map and the isogenies of RFC 9380 work on raw field elements). Limbs keep the
 * map free of {@link BigInteger} arithmetic; BigInteger only derives the constants once.
 */
final class Fp {
  static final int BYTES = 48;

  static final BigInteger MODULUS =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  /** The modulus as 48 big-endian bytes, for range checks directly on encoded input. */
  static final byte[] MODULUS_BYTES = toBytes48(MODULUS);

  private static final int LIMBS = 6;
  private static final long[] P = limbsOf(MODULUS);
  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  private static final long P_INV_NEG =
      MODULUS.modInverse(BigInteger.ONE.shiftLeft(64)).negate().longValue();
  /** R^2 mod p with R = 2^384: multiplying by it moves a value into Montgomery form. */
  private static final long[] R_SQUARED = limbsOf(BigInteger.ONE.shiftLeft(768).mod(MODULUS));

  private static final int[] P_MINUS_2 = nibbles(MODULUS.subtract(BigInteger.TWO));
  /** Since p = 3 mod 4, a^((p+1)/4) is a square root of a whenever one exists. */
  private static final int[] SQRT_EXPONENT = nibbles(MODULUS.add(BigInteger.ONE).shiftRight(2));
  private static final int[] P_MINUS_3_OVER_4 =
      nibbles(MODULUS.subtract(BigInteger.valueOf(3)).shiftRight(2));

  static final Fp ZERO = new Fp(new long[LIMBS]);
  static final Fp ONE = of(BigInteger.ONE);

  private final long[] limbs;

  private Fp(long[] limbs) {
    this.limbs = limbs;
  }

  /** The element equal to {@code value mod p}. */
  static Fp of(BigInteger value) {
    return new Fp(montMul(limbsOf(value.mod(MODULUS)), R_SQUARED));
  }

  static Fp of(long value) {
    return of(BigInteger.valueOf(value));
  }

  /** Parses a hex constant (no prefix) of the specifications. */
  static Fp ofHex(String hex) {
    return of(new BigInteger(hex, 16));
  }

  /**
   * Reads 48 big-endian bytes; the caller has checked that they encode a value below p
   * (see {@link #isCanonical}).
   */
  static Fp fromBytes(byte[] src, int offset) {
    long[] l = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      int end = offset + BYTES - 8 * i;
      long v = 0;
      for (int b = end - 8; b < end; b++) {
        v = (v << 8) | (src[b] & 0xff);
      }
      l[i] = v;
    }
    return new Fp(montMul(l, R_SQUARED));
  }

  /** Whether 48 big-endian bytes at {@code offset} encode an integer below p. */
  static boolean isCanonical(byte[] src, int offset) {
    return Arrays.compareUnsigned(src, offset, offset + BYTES, MODULUS_BYTES, 0, BYTES) < 0;
  }

  /** Writes the canonical value as 48 big-endian bytes. */
  void toBytes(byte[] dest, int offset) {
    long[] l = canonical();
    for (int i = 0; i < LIMBS; i++) {
      long v = l[i];
      int end = offset + BYTES - 8 * i;
      for (int b = end - 1; b >= end - 8; b--) {
        dest[b] = (byte) v;
        v >>>= 8;
      }
    }
  }

  BigInteger toBigInteger() {
    byte[] out = new byte[BYTES];
    toBytes(out, 0);
    return new BigInteger(1, out);
  }

  boolean isZero() {
    for (long l : limbs) {
      if (l != 0) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9380 sgn0 for a prime field: the parity of the canonical value. */
  int sgn0() {
    return (int) (canonical()[0] & 1);
  }

  Fp add(Fp other) {
    long[] a = limbs;
    long[] b = other.limbs;
    long[] r = new long[LIMBS];
    long carry = 0;
    for (int i = 0; i < LIMBS; i++) {
      long s = a[i] + b[i] + carry;
      carry = ((a[i] & b[i]) | ((a[i] | b[i]) & ~s)) >>> 63;
      r[i] = s;
    }
    // Both inputs are below p < 2^381, so the sum never carries out of 384 bits.
    if (!lessThanModulus(r)) {
      subtractModulus(r);
    }
    return new Fp(r);
  }

  Fp subtract(Fp other) {
    long[] r = new long[LIMBS];
    long borrow = subtractInto(limbs, other.limbs, r);
    if (borrow != 0) {
      addModulus(r);
    }
    return new Fp(r);
  }

  Fp negate() {
    return isZero() ? this : ZERO.subtract(this);
  }

  Fp multiply(Fp other) {
    return new Fp(montMul(limbs, other.limbs));
  }

  Fp square() {
    return new Fp(montMul(limbs, limbs));
  }

  Fp twice() {
    return add(this);
  }

  /** Multiplicative inverse by Fermat's little theorem; zero maps to zero (RFC 9380 inv0). */
  Fp inverse() {
    return pow(P_MINUS_2);
  }

  /** A square root, or {@code null} when this element is not a square. */
  Fp sqrt() {
    Fp root = sqrtCandidate();
    return root.square().equals(this) ? root : null;
  }

  /**
   * a^((p+1)/4): a square root of a when a is a square, and otherwise a square root of -a
   * (because then a^((p-1)/2) = -1). One exponentiation answers both questions.
   */
  Fp sqrtCandidate() {
    return pow(SQRT_EXPONENT);
  }

  /**
   * a^((p-3)/4). For a square a ≠ 0, r = a·this is a square root and this value is 1/r; for
   * a non-square, a·this is a root of -a and this value is -1/(a·this). Lets a caller get a
   * root and its inverse from one exponentiation.
   */
  Fp powPMinus3Over4() {
    return pow(P_MINUS_3_OVER_4);
  }

  /**
   * Fixed 4-bit window exponentiation: per exponent nibble, four squarings and at most one
   * multiplication by a precomputed power.
   */
  private Fp pow(int[] exponentNibbles) {
    Fp[] table = new Fp[16];
    table[0] = ONE;
    for (int i = 1; i < 16; i++) {
      table[i] = table[i - 1].multiply(this);
    }
    Fp result = ONE;
    for (int nibble : exponentNibbles) {
      result = result.square().square().square().square();
      if (nibble != 0) {
        result = result.multiply(table[nibble]);
      }
    }
    return result;
  }

  /** An exponent's 4-bit digits, most significant first. */
  private static int[] nibbles(BigInteger exponent) {
    int count = (exponent.bitLength() + 3) / 4;
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[count - 1 - i] = exponent.shiftRight(4 * i).intValue() & 0xf;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    // Montgomery form is unique for reduced values, so limbs compare directly.
    return o instanceof Fp other && Arrays.equals(limbs, other.limbs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs);
  }

  @Override
  public String toString() {
    return "0x" + toBigInteger().toString(16);
  }

  /** The plain (non-Montgomery) limbs: a Montgomery product with 1 removes the factor R. */
  private long[] canonical() {
    long[] one = new long[LIMBS];
    one[0] = 1;
    return montMul(limbs, one);
  }

  /**
   * Montgomery multiplication a·b·R^-1 mod p, coarsely integrated operand scanning. Because
   * p's top limb is below 2^62, the running sum never needs limbs beyond the sixth (the
   * "no-carry" variant), so one six-limb array serves as accumulator and result.
   */
  private static long[] montMul(long[] a, long[] b) {
    long[] t = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      long bi = b[i];
      // (carryA, t0) = t[0] + a[0]·bi
      long lo = a[0] * bi;
      long hi = Math.unsignedMultiplyHigh(a[0], bi);
      long t0 = lo + t[0];
      long carryA = hi + (Long.compareUnsigned(t0, lo) < 0 ? 1 : 0);
      // m makes t0 + m·p[0] divisible by 2^64; only the high word of that sum survives.
      long m = t0 * P_INV_NEG;
      lo = m * P[0];
      hi = Math.unsignedMultiplyHigh(m, P[0]);
      long carryM = hi + (Long.compareUnsigned(lo + t0, lo) < 0 ? 1 : 0);
      for (int j = 1; j < LIMBS; j++) {
        // (carryA, tj) = t[j] + a[j]·bi + carryA
        lo = a[j] * bi;
        hi = Math.unsignedMultiplyHigh(a[j], bi);
        long s = lo + t[j];
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long tj = s + carryA;
        carryA = hi + (Long.compareUnsigned(tj, s) < 0 ? 1 : 0);
        // (carryM, t[j-1]) = tj + m·p[j] + carryM
        lo = m * P[j];
        hi = Math.unsignedMultiplyHigh(m, P[j]);
        s = lo + tj;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long r = s + carryM;
        carryM = hi + (Long.compareUnsigned(r, s) < 0 ? 1 : 0);
        t[j - 1] = r;
      }
      t[LIMBS - 1] = carryA + carryM;
    }
    // The result is below 2p, so at most one subtraction brings it into range.
    if (!lessThanModulus(t)) {
      subtractModulus(t);
    }
    return t;
  }

  private static boolean lessThanModulus(long[] a) {
    for (int i = LIMBS - 1; i >= 0; i--) {
      int c = Long.compareUnsigned(a[i], P[i]);
      if (c != 0) {
        return c < 0;
      }
    }
    return false;
  }

  private static void subtractModulus(long[] a) {
    subtractInto(a, P, a);
  }

  private static void addModulus(long[] a) {
    long carry = 0;
    for (int i = 0; i < LIMBS; i++) {
      long x = a[i];
      long s = x + P[i] + carry;
      carry = ((x & P[i]) | ((x | P[i]) & ~s)) >>> 63;
      a[i] = s;
    }
  }

  /** r = a - b over 384 bits; returns the borrow out (0 or 1). r may alias a. */
  private static long subtractInto(long[] a, long[] b, long[] r) {
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long x = a[i];
      long y = b[i];
      long d = x - y - borrow;
      borrow = ((~x & y) | (~(x ^ y) & d)) >>> 63;
      r[i] = d;
    }
    return borrow;
  }

  private static long[] limbsOf(BigInteger value) {
    long[] l = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      l[i] = value.shiftRight(64 * i).longValue();
    }
    return l;
  }

  private static byte[] toBytes48(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[BYTES];
    int n = Math.min(raw.length, BYTES);
    System.arraycopy(raw, raw.length - n, out, BYTES - n, n);
    return out;
  }
}
