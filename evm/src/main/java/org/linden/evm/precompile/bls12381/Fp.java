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

  private static final BigInteger P_MINUS_2 = MODULUS.subtract(BigInteger.TWO);
  /** Since p = 3 mod 4, a^((p+1)/4) is a square root of a whenever one exists. */
  private static final BigInteger SQRT_EXPONENT = MODULUS.add(BigInteger.ONE).shiftRight(2);

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
    Fp root = pow(SQRT_EXPONENT);
    return root.square().equals(this) ? root : null;
  }

  Fp pow(BigInteger exponent) {
    Fp result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
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
   * Montgomery multiplication a·b·R^-1 mod p, coarsely integrated operand scanning. Each
   * 64×64-bit product plus two 64-bit addends fits in 128 bits, so the high word never
   * overflows.
   */
  private static long[] montMul(long[] a, long[] b) {
    long[] t = new long[LIMBS + 2];
    for (int i = 0; i < LIMBS; i++) {
      long bi = b[i];
      long carry = 0;
      for (int j = 0; j < LIMBS; j++) {
        long lo = a[j] * bi;
        long hi = Math.unsignedMultiplyHigh(a[j], bi);
        lo += t[j];
        if (Long.compareUnsigned(lo, t[j]) < 0) {
          hi++;
        }
        lo += carry;
        if (Long.compareUnsigned(lo, carry) < 0) {
          hi++;
        }
        t[j] = lo;
        carry = hi;
      }
      long s = t[LIMBS] + carry;
      t[LIMBS + 1] = Long.compareUnsigned(s, carry) < 0 ? 1 : 0;
      t[LIMBS] = s;

      long m = t[0] * P_INV_NEG;
      long lo = m * P[0];
      long hi = Math.unsignedMultiplyHigh(m, P[0]);
      lo += t[0];
      if (Long.compareUnsigned(lo, t[0]) < 0) {
        hi++;
      }
      carry = hi;
      for (int j = 1; j < LIMBS; j++) {
        lo = m * P[j];
        hi = Math.unsignedMultiplyHigh(m, P[j]);
        lo += t[j];
        if (Long.compareUnsigned(lo, t[j]) < 0) {
          hi++;
        }
        lo += carry;
        if (Long.compareUnsigned(lo, carry) < 0) {
          hi++;
        }
        t[j - 1] = lo;
        carry = hi;
      }
      s = t[LIMBS] + carry;
      long top = Long.compareUnsigned(s, carry) < 0 ? 1 : 0;
      t[LIMBS - 1] = s;
      t[LIMBS] = t[LIMBS + 1] + top;
    }
    long[] r = Arrays.copyOf(t, LIMBS);
    // The result is below 2p, so at most one subtraction brings it into range.
    if (t[LIMBS] != 0 || !lessThanModulus(r)) {
      subtractModulus(r);
    }
    return r;
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
