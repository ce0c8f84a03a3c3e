package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·w} of F_p12 = F_p6[w]/(w^2 - v), immutable: the plain form of pairing
 * values, for constants, tests and results; the pairing itself computes on {@link Fp12Limbs}.
 * Since w^2 = v and v^3 = ξ, also w^6 = ξ, so an element is a polynomial of degree 5 in w over F_p2
 * with coefficients (c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2) for w^0 … w^5.
 */
final class Fp12 {
  static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /**
   * GAMMA[k] = ξ^(k(p-1)/6), k = 0..5: the Frobenius map sends w^k to GAMMA[k]·w^k, because (w^k)^p
   * = w^k·(w^6)^(k(p-1)/6). Also used by the twist endomorphism on G2.
   */
  static final Fp2[] GAMMA = new Fp2[6];

  static {
    BigInteger sixth = Fp.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
    for (int k = 0; k < 6; k++) {
      GAMMA[k] = Fp2.XI.pow(sixth.multiply(BigInteger.valueOf(k)));
    }
  }

  final Fp6 c0;
  final Fp6 c1;

  Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  boolean isOne() {
    return equals(ONE);
  }

  Fp12 mul(Fp12 o) {
    Fp6 t0 = c0.mul(o.c0);
    Fp6 t1 = c1.mul(o.c1);
    Fp6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
  }

  /** (a + bw)^2 = (a + b)(a + vb) - ab - v·ab + 2ab·w: two F_p6 products. */
  Fp12 square() {
    Fp6 ab = c0.mul(c1);
    Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new Fp12(r0, ab.add(ab));
  }

  /** f^(p^6), which is the inverse of f once f lies in the cyclotomic subgroup. */
  Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  /** 1/(a + bw) = (a - bw)/(a^2 - v·b^2). */
  Fp12 inverse() {
    Fp6 norm = c0.square().sub(c1.square().mulByV());
    Fp6 inv = norm.inverse();
    return new Fp12(c0.mul(inv), c1.mul(inv).neg());
  }

  /** f^p: conjugate each F_p2 coefficient of w^k and scale it by GAMMA[k]. */
  Fp12 frobenius() {
    return new Fp12(
        new Fp6(
            c0.c0.conjugate(), c0.c1.conjugate().mul(GAMMA[2]), c0.c2.conjugate().mul(GAMMA[4])),
        new Fp6(
            c1.c0.conjugate().mul(GAMMA[1]),
            c1.c1.conjugate().mul(GAMMA[3]),
            c1.c2.conjugate().mul(GAMMA[5])));
  }

  /** Raises to any power by square-and-multiply; for tests and setup, not the hot path. */
  Fp12 pow(BigInteger e) {
    Fp12 r = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      r = r.square();
      if (e.testBit(i)) {
        r = r.mul(this);
      }
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp12 f && c0.equals(f.c0) && c1.equals(f.c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return "[" + c0 + "] + [" + c1 + "]w";
  }
}
