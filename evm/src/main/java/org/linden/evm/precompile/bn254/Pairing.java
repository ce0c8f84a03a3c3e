package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * The optimal ate pairing e: G1 × G2 → μ_r ⊂ F_p12 on BN254, computed as a Miller loop over 6u + 2
 * followed by the final exponentiation to the power (p^12 - 1)/r.
 *
 * <p>G2 points stay on the twist over F_p2; the untwisting map (x, y) ↦ (x·w^2, y·w^3) is folded
 * into the line formulas, so each line evaluated at P has the sparse form a + b·w + c·w^3. Lines
 * are scaled by F_p2 factors and vertical lines are left out: both are elements of proper subfields
 * of F_p12 that the final exponentiation sends to 1.
 */
final class Pairing {
  /** The BN parameter u; p and r are polynomials in it. */
  static final long U = 0x44e992b44a6909f1L;

  /** The non-adjacent form of 6u + 2, least significant digit first; digits are -1, 0, 1. */
  private static final byte[] LOOP_NAF =
      naf(BigInteger.valueOf(U).multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  /** The non-adjacent form of u, for the exponentiations in the final exponentiation. */
  static final byte[] U_NAF = naf(BigInteger.valueOf(U));

  private Pairing() {}

  /** Signed binary digits of n with no two adjacent non-zero, least significant first. */
  static byte[] naf(BigInteger n) {
    byte[] digits = new byte[n.bitLength() + 1];
    int len = 0;
    while (n.signum() > 0) {
      int d = 0;
      if (n.testBit(0)) {
        d = 2 - n.mod(BigInteger.valueOf(4)).intValue(); // 1 or -1, leaving n - d divisible by 4
        n = n.subtract(BigInteger.valueOf(d));
      }
      digits[len++] = (byte) d;
      n = n.shiftRight(1);
    }
    return java.util.Arrays.copyOf(digits, len);
  }

  /** e(P, Q); infinity on either side gives 1. */
  static Fp12 pair(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(new G1Point[] {p}, new G2Point[] {q}));
  }

  /**
   * Whether e(P_1, Q_1)·…·e(P_k, Q_k) = 1. The points must be on their curves and the Q_i in G2;
   * pairs with a point at infinity contribute 1.
   */
  static boolean check(G1Point[] ps, G2Point[] qs) {
    return finalExponentiation(millerLoop(ps, qs)).isOne();
  }

  /**
   * The product of the Miller functions f_{6u+2,Q_i}(P_i), each times the two lines through
   * [6u+2]Q_i, ψ(Q_i) and -ψ^2(Q_i) that make the ate pairing optimal. All pairs share one
   * accumulator, so the F_p12 squaring is paid once per bit rather than once per pair.
   */
  static Fp12 millerLoop(G1Point[] ps, G2Point[] qs) {
    Lane[] lanes = new Lane[ps.length];
    int n = 0;
    for (int i = 0; i < ps.length; i++) {
      if (!ps[i].isInfinity() && !qs[i].isInfinity()) {
        lanes[n++] = new Lane(ps[i].toAffine(), qs[i].toAffine());
      }
    }
    Fp12 f = Fp12.ONE;
    if (n == 0) {
      return f;
    }
    for (int bit = LOOP_NAF.length - 2; bit >= 0; bit--) {
      if (bit != LOOP_NAF.length - 2) {
        f = f.square();
      }
      for (int i = 0; i < n; i++) {
        f = lanes[i].doubleStep(f);
      }
      int digit = LOOP_NAF[bit];
      if (digit != 0) {
        for (int i = 0; i < n; i++) {
          Lane l = lanes[i];
          f = l.addStep(f, l.qx, digit > 0 ? l.qy : l.qyNeg);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Lane l = lanes[i];
      G2Point q1 = l.q.psi();
      G2Point q2 = q1.psi();
      f = l.addStep(f, q1.x, q1.y);
      f = l.addStep(f, q2.x, q2.y.neg());
    }
    return f;
  }

  /**
   * f^((p^12 - 1)/r), split as (p^6 - 1)(p^2 + 1) — the easy part, a few Frobenius maps and one
   * inversion — times (p^4 - p^2 + 1)/r, the hard part. For the hard part we use the addition chain
   * of Scott, Benger, Charlemagne, Dominguez Perez and Kachisa ("On the final exponentiation for
   * calculating pairings on ordinary elliptic curves", 2009), which writes the exponent in base p
   * as λ3·p^3 + λ2·p^2 + λ1·p + λ0 with λ3 = 1, λ2 = 6u^2 + 1, λ1 = -36u^3 - 18u^2 - 12u + 1, λ0 =
   * -36u^3 - 30u^2 - 18u - 2, so only three exponentiations by u remain. After the easy part f lies
   * in the cyclotomic subgroup, where inversion is conjugation and squaring has a cheaper formula.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().mul(f.inverse());
    t = t.frobenius().frobenius().mul(t);

    Fp12 fu = t.cyclotomicPow(U_NAF);
    Fp12 fu2 = fu.cyclotomicPow(U_NAF);
    Fp12 fu3 = fu2.cyclotomicPow(U_NAF);
    Fp12 fp = t.frobenius();
    Fp12 fp2 = fp.frobenius();
    Fp12 fu2p = fu2.frobenius();

    // f^(λ0 + λ1 p + λ2 p^2 + p^3) = y0 · y1^2 · y2^6 · y3^12 · y4^18 · y5^30 · y6^36
    Fp12 y0 = fp.mul(fp2).mul(fp2.frobenius()); // f^(p + p^2 + p^3)
    Fp12 y1 = t.conjugate(); // f^-1
    Fp12 y2 = fu2p.frobenius(); // f^(u^2 p^2)
    Fp12 y3 = fu.frobenius().conjugate(); // f^(-u p)
    Fp12 y4 = fu.mul(fu2p).conjugate(); // f^(-u - u^2 p)
    Fp12 y5 = fu2.conjugate(); // f^(-u^2)
    Fp12 y6 = fu3.mul(fu3.frobenius()).conjugate(); // f^(-u^3 - u^3 p)

    Fp12 t0 = y6.cyclotomicSquare().mul(y4).mul(y5);
    Fp12 t1 = y3.mul(y5).mul(t0);
    t0 = t0.mul(y2);
    t1 = t1.cyclotomicSquare().mul(t0).cyclotomicSquare();
    t0 = t1.mul(y1);
    t1 = t1.mul(y0);
    return t0.cyclotomicSquare().mul(t1);
  }

  /** One pair's state in the Miller loop: P in affine form and the running point T = [m]Q. */
  private static final class Lane {
    final Fp py;
    final Fp pxNeg;
    final G2Point q;
    final Fp2 qx;
    final Fp2 qy;
    final Fp2 qyNeg;
    // T in Jacobian coordinates over F_p2.
    Fp2 tx;
    Fp2 ty;
    Fp2 tz;

    Lane(G1Point p, G2Point q) {
      this.py = p.y;
      this.pxNeg = p.x.neg();
      this.q = q;
      this.qx = q.x;
      this.qy = q.y;
      this.qyNeg = q.y.neg();
      this.tx = q.x;
      this.ty = q.y;
      this.tz = Fp2.ONE;
    }

    /**
     * T ← 2T and f ← f·ℓ(P), ℓ the tangent at T. On the twist the tangent has slope λ = 3x^2/(2y);
     * untwisted it is y_P - λ·x_P·w + (λx - y)·w^3, and multiplied by 2Y·Z^3 its coefficients are a
     * = y_P·Z3·Z^2, b = -x_P·3X^2·Z^2 and c = 3X^3 - 2Y^2 (Z3 = 2YZ).
     */
    Fp12 doubleStep(Fp12 f) {
      Fp2 a = tx.square();
      Fp2 b = ty.square();
      Fp2 c = b.square();
      Fp2 zz = tz.square();
      Fp2 m = a.dbl().add(a);
      Fp2 s = tx.add(b).square().sub(a).sub(c).dbl();
      Fp2 x3 = m.square().sub(s.dbl());
      Fp2 y3 = m.mul(s.sub(x3)).sub(c.dbl().dbl().dbl());
      Fp2 z3 = ty.add(tz).square().sub(b).sub(zz);

      Fp2 la = z3.mul(zz).mulByFp(py);
      Fp2 lb = m.mul(zz).mulByFp(pxNeg);
      Fp2 lc = m.mul(tx).sub(b.dbl());
      tx = x3;
      ty = y3;
      tz = z3;
      return f.mulByLine(la, lb, lc);
    }

    /**
     * T ← T + (x2, y2) for an affine point and f ← f·ℓ(P), ℓ the line through both. With H = x2·Z^2
     * - X and R = y2·Z^3 - Y the slope is R/(H·Z); multiplied by Z3 = H·Z the line has a = y_P·Z3,
     * b = -x_P·R and c = R·x2 - y2·Z3.
     */
    Fp12 addStep(Fp12 f, Fp2 x2, Fp2 y2) {
      Fp2 zz = tz.square();
      Fp2 h = x2.mul(zz).sub(tx);
      Fp2 r = y2.mul(tz).mul(zz).sub(ty);
      Fp2 hh = h.square();
      Fp2 hhh = h.mul(hh);
      Fp2 v = tx.mul(hh);
      Fp2 x3 = r.square().sub(hhh).sub(v.dbl());
      Fp2 y3 = r.mul(v.sub(x3)).sub(ty.mul(hhh));
      Fp2 z3 = tz.mul(h);

      Fp2 la = z3.mulByFp(py);
      Fp2 lb = r.mulByFp(pxNeg);
      Fp2 lc = r.mul(x2).sub(y2.mul(z3));
      tx = x3;
      ty = y3;
      tz = z3;
      return f.mulByLine(la, lb, lc);
    }
  }
}
