package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Scalar decomposition for the Gallant–Lambert–Vanstone method on G1. The map φ(x, y) = (βx, y), β
 * a cube root of unity in F_p, is an endomorphism of the curve that acts on G1 as multiplication by
 * a cube root of unity λ mod r. Writing k ≡ k1 + k2·λ (mod r) with k1, k2 of about 128 bits turns
 * [k]P into [k1]P + [k2]φ(P), which needs half the doublings.
 *
 * <p>The split uses a reduced basis v1 = (a1, b1), v2 = (a2, b2) of the lattice {(a, b) : a + bλ ≡
 * 0 mod r}: with c1 ≈ b2·k/d and c2 ≈ -b1·k/d (d = a1·b2 - a2·b1 = ±r), k1 = k - c1·a1 - c2·a2 and
 * k2 = -c1·b1 - c2·b2. Any integers c1, c2 give a correct split; rounding them well only keeps k1
 * and k2 short. The quotients come from precomputed 2^256-scaled constants, so a call needs no
 * division and no BigInteger.
 */
final class Glv {
  /** β with (βx, y) = [λ](x, y) for every point of G1. */
  static final Fp BETA;

  /** λ, for tests. */
  static final BigInteger LAMBDA;

  // Basis vectors as 256-bit two's complement limbs.
  private static final long[] A1;
  private static final long[] B1;
  private static final long[] A2;
  private static final long[] B2;
  // floor(|b2|·2^256 / r) and floor(|b1|·2^256 / r), and the signs of b2/d and -b1/d.
  private static final long[] C1_SCALE;
  private static final long[] C2_SCALE;
  private static final boolean C1_NEGATIVE;
  private static final boolean C2_NEGATIVE;

  static {
    BigInteger p = Fp.MODULUS;
    BigInteger r = G1Point.ORDER;
    BigInteger lambda = cubeRootOfUnity(r);
    BigInteger beta = cubeRootOfUnity(p);
    // The two primitive cube roots of β's field pair with the two of λ's; pick β to match λ.
    G1Point g = G1Point.GENERATOR;
    G1Point lambdaG = g.mulWindowed(limbs(lambda));
    if (!lambdaG.equals(g.endomorphism(Fp.fromBigInteger(beta)))) {
      beta = beta.multiply(beta).mod(p);
    }
    if (!lambdaG.equals(g.endomorphism(Fp.fromBigInteger(beta)))) {
      throw new IllegalStateException("no cube root of unity in F_p matches λ");
    }
    BETA = Fp.fromBigInteger(beta);
    LAMBDA = lambda;

    // Extended Euclid on (r, λ): every remainder r_i ≡ t_i·λ, so (r_i, -t_i) is in the lattice.
    // The first remainder below √r and its neighbours give a reduced basis.
    BigInteger sqrtR = r.sqrt();
    BigInteger r0 = r;
    BigInteger r1 = lambda;
    BigInteger t0 = BigInteger.ZERO;
    BigInteger t1 = BigInteger.ONE;
    while (r1.compareTo(sqrtR) >= 0) {
      BigInteger q = r0.divide(r1);
      BigInteger r2 = r0.subtract(q.multiply(r1));
      BigInteger t2 = t0.subtract(q.multiply(t1));
      r0 = r1;
      r1 = r2;
      t0 = t1;
      t1 = t2;
    }
    // Now r0 ≥ √r > r1.
    BigInteger q = r0.divide(r1);
    BigInteger rNext = r0.subtract(q.multiply(r1));
    BigInteger tNext = t0.subtract(q.multiply(t1));
    BigInteger a1 = r1;
    BigInteger b1 = t1.negate();
    BigInteger a2 = r0;
    BigInteger b2 = t0.negate();
    if (rNext.pow(2).add(tNext.pow(2)).compareTo(r0.pow(2).add(t0.pow(2))) < 0) {
      a2 = rNext;
      b2 = tNext.negate();
    }
    BigInteger d = a1.multiply(b2).subtract(a2.multiply(b1));
    if (!d.abs().equals(r)) {
      throw new IllegalStateException("GLV basis does not span the lattice");
    }
    A1 = limbs(a1);
    B1 = limbs(b1);
    A2 = limbs(a2);
    B2 = limbs(b2);
    C1_SCALE = limbs(b2.abs().shiftLeft(256).divide(r));
    C2_SCALE = limbs(b1.abs().shiftLeft(256).divide(r));
    C1_NEGATIVE = b2.signum() * d.signum() < 0;
    C2_NEGATIVE = -b1.signum() * d.signum() < 0;
  }

  private Glv() {}

  /** k = k1 + k2·λ (mod r), each part as a magnitude and a sign. */
  record Split(long[] k1, boolean k1Negative, long[] k2, boolean k2Negative) {}

  /**
   * Splits a scalar of up to 256 bits (at most four little-endian limbs); the parts have at most
   * 130 bits.
   */
  static Split split(long[] scalar) {
    long[] k = scalar.length == 4 ? scalar : java.util.Arrays.copyOf(scalar, 4);
    long[] c1 = mulShift256(k, C1_SCALE);
    long[] c2 = mulShift256(k, C2_SCALE);
    if (C1_NEGATIVE) {
      c1 = negate(c1);
    }
    if (C2_NEGATIVE) {
      c2 = negate(c2);
    }
    // Everything mod 2^256: the true k1 and k2 are small, so their two's complement is exact.
    long[] k1 = subtract(subtract(k, mulLow(c1, A1)), mulLow(c2, A2));
    long[] k2 = negate(add(mulLow(c1, B1), mulLow(c2, B2)));
    boolean n1 = k1[3] < 0;
    boolean n2 = k2[3] < 0;
    return new Split(n1 ? negate(k1) : k1, n1, n2 ? negate(k2) : k2, n2);
  }

  /** A primitive cube root of unity modulo a prime q ≡ 1 (mod 3); setup only. */
  private static BigInteger cubeRootOfUnity(BigInteger q) {
    BigInteger e = q.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
    for (int h = 2; ; h++) {
      BigInteger c = BigInteger.valueOf(h).modPow(e, q);
      if (!c.equals(BigInteger.ONE)) {
        return c;
      }
    }
  }

  /** Four little-endian limbs of v mod 2^256 (two's complement for negative v). */
  static long[] limbs(BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }

  /** floor(x·y / 2^256) for unsigned x, y, truncated to 256 bits. */
  private static long[] mulShift256(long[] x, long[] y) {
    long[] prod = new long[8];
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      for (int j = 0; j < 4; j++) {
        long lo = x[i] * y[j];
        long hi = Math.unsignedMultiplyHigh(x[i], y[j]);
        long s = prod[i + j] + lo;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long s2 = s + carry;
        hi += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
        prod[i + j] = s2;
        carry = hi;
      }
      prod[i + 4] = carry;
    }
    return new long[] {prod[4], prod[5], prod[6], prod[7]};
  }

  /** x·y mod 2^256. */
  private static long[] mulLow(long[] x, long[] y) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      for (int j = 0; i + j < 4; j++) {
        long lo = x[i] * y[j];
        long hi = Math.unsignedMultiplyHigh(x[i], y[j]);
        long s = out[i + j] + lo;
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long s2 = s + carry;
        hi += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
        out[i + j] = s2;
        carry = hi;
      }
    }
    return out;
  }

  private static long[] add(long[] x, long[] y) {
    long[] out = new long[4];
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long s = x[i] + y[i];
      long c = Long.compareUnsigned(s, x[i]) < 0 ? 1 : 0;
      out[i] = s + carry;
      carry = c | (Long.compareUnsigned(out[i], s) < 0 ? 1 : 0);
    }
    return out;
  }

  private static long[] subtract(long[] x, long[] y) {
    return add(x, negate(y));
  }

  /** -x mod 2^256. */
  private static long[] negate(long[] x) {
    long[] out = new long[4];
    long carry = 1;
    for (int i = 0; i < 4; i++) {
      out[i] = ~x[i] + carry;
      carry = (carry == 1 && out[i] == 0) ? 1 : 0;
    }
    return out;
  }
}
