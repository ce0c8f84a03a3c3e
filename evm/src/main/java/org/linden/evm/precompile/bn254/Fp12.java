package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·w} of F_p12 = F_p6[w]/(w^2 - v), immutable; pairing values live here.
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

  /**
   * Multiplies by a line value {@code a + b·w + c·w^3}, the sparse shape every Miller-loop line has
   * after untwisting: as (a, 0, 0) + (b, c, 0)·w it needs 13 F_p2 products instead of 18.
   */
  Fp12 mulByLine(Fp2 a, Fp2 b, Fp2 c) {
    Fp6 t0 = c0.mulByFp2(a);
    Fp6 t1 = c1.mulBy01(b, c);
    Fp6 cross = c0.add(c1).mulBy01(a.add(b), c).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
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

  /**
   * Squaring in the cyclotomic subgroup (Granger–Scott), for f of order dividing p^4 - p^2 + 1,
   * that is, only after the easy part of the final exponentiation. View F_p12 as F_p4[w]/(w^3 - s)
   * with s = w^3, s^2 = ξ, and write f = A + B·w + C·w^2 where A, B, C in F_p4 hold the
   * coefficients of (w^0, w^3), (w^1, w^4) and (w^2, w^5). Then
   *
   * <pre>f^2 = (3A^2 - 2Ā) + (3sC^2 + 2B̄)·w + (3B^2 - 2C̄)·w^2</pre>
   *
   * where the bar negates the s part.
   */
  Fp12 cyclotomicSquare() {
    Fp2 a0 = c0.c0;
    Fp2 a1 = c1.c1;
    Fp2 b0 = c1.c0;
    Fp2 b1 = c0.c2;
    Fp2 cc0 = c0.c1;
    Fp2 cc1 = c1.c2;

    // A^2, B^2, C^2 in F_p4: (x + ys)^2 = (x^2 + ξy^2) + 2xy·s.
    Fp2 ax = a0.square();
    Fp2 ay = a1.square();
    Fp2 aSq0 = ax.add(ay.mulByXi());
    Fp2 aSq1 = a0.add(a1).square().sub(ax).sub(ay);
    Fp2 bx = b0.square();
    Fp2 by = b1.square();
    Fp2 bSq0 = bx.add(by.mulByXi());
    Fp2 bSq1 = b0.add(b1).square().sub(bx).sub(by);
    Fp2 cx = cc0.square();
    Fp2 cy = cc1.square();
    Fp2 cSq0 = cx.add(cy.mulByXi());
    Fp2 cSq1 = cc0.add(cc1).square().sub(cx).sub(cy);

    // A' = 3A^2 - 2Ā
    Fp2 na0 = triple(aSq0).sub(a0.dbl());
    Fp2 na1 = triple(aSq1).add(a1.dbl());
    // B' = 3sC^2 + 2B̄, where s·(x + ys) = ξy + x·s
    Fp2 nb0 = triple(cSq1.mulByXi()).add(b0.dbl());
    Fp2 nb1 = triple(cSq0).sub(b1.dbl());
    // C' = 3B^2 - 2C̄
    Fp2 nc0 = triple(bSq0).sub(cc0.dbl());
    Fp2 nc1 = triple(bSq1).add(cc1.dbl());

    return new Fp12(new Fp6(na0, nc0, nb1), new Fp6(nb0, na1, nc1));
  }

  private static Fp2 triple(Fp2 x) {
    return x.dbl().add(x);
  }

  /**
   * Raises a cyclotomic-subgroup element to the power whose non-adjacent form is {@code naf}
   * (digits -1, 0, 1, least significant first). Inversion is free here, so the signed digits save
   * multiplications over plain binary.
   */
  Fp12 cyclotomicPow(byte[] naf) {
    Fp12 inv = conjugate();
    Fp12 r = ONE;
    for (int i = naf.length - 1; i >= 0; i--) {
      r = r.cyclotomicSquare();
      if (naf[i] > 0) {
        r = r.mul(this);
      } else if (naf[i] < 0) {
        r = r.mul(inv);
      }
    }
    return r;
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
