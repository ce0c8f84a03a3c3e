package org.linden.evm.precompile.bn254;

/**
 * An element {@code c0 + c1·v + c2·v^2} of F_p6 = F_p2[v]/(v^3 - ξ), immutable. It is the middle
 * floor of the tower F_p → F_p2 → F_p6 → F_p12 on which the pairing is computed.
 */
final class Fp6 {
  static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  final Fp2 c0;
  final Fp2 c1;
  final Fp2 c2;

  Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  Fp6 add(Fp6 o) {
    return new Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  Fp6 sub(Fp6 o) {
    return new Fp6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  Fp6 neg() {
    return new Fp6(c0.neg(), c1.neg(), c2.neg());
  }

  /**
   * Karatsuba over the three coefficients: six F_p2 products. The v^3 and v^4 terms fold back as ξ
   * and ξ·v.
   */
  Fp6 mul(Fp6 o) {
    Fp2 t0 = c0.mul(o.c0);
    Fp2 t1 = c1.mul(o.c1);
    Fp2 t2 = c2.mul(o.c2);
    Fp2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(t1).sub(t2).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1).add(t2.mulByXi());
    Fp2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(t0).sub(t2).add(t1);
    return new Fp6(r0, r1, r2);
  }

  /**
   * Chung–Hasan squaring (SQR2): with s0 = a0², s1 = 2a0a1, s2 = (a0 - a1 + a2)², s3 = 2a1a2, s4 =
   * a2², the square is (s0 + ξs3) + (s1 + ξs4)v + (s1 + s2 + s3 - s0 - s4)v².
   */
  Fp6 square() {
    Fp2 s0 = c0.square();
    Fp2 s1 = c0.mul(c1).dbl();
    Fp2 s2 = c0.sub(c1).add(c2).square();
    Fp2 s3 = c1.mul(c2).dbl();
    Fp2 s4 = c2.square();
    return new Fp6(s0.add(s3.mulByXi()), s1.add(s4.mulByXi()), s1.add(s2).add(s3).sub(s0).sub(s4));
  }

  /** Multiplies by v: the coefficients shift up and the one leaving through v^3 comes back as ξ. */
  Fp6 mulByV() {
    return new Fp6(c2.mulByXi(), c0, c1);
  }

  /**
   * The inverse via the adjugate: with A = a0² - ξa1a2, B = ξa2² - a0a1, C = a1² - a0a2 the product
   * (a0 + a1v + a2v²)(A + Bv + Cv²) is the F_p2 scalar a0A + ξ(a2B + a1C).
   */
  Fp6 inverse() {
    Fp2 a = c0.square().sub(c1.mul(c2).mulByXi());
    Fp2 b = c2.square().mulByXi().sub(c0.mul(c1));
    Fp2 c = c1.square().sub(c0.mul(c2));
    Fp2 norm = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi());
    Fp2 inv = norm.inverse();
    return new Fp6(a.mul(inv), b.mul(inv), c.mul(inv));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp6 f && c0.equals(f.c0) && c1.equals(f.c1) && c2.equals(f.c2);
  }

  @Override
  public int hashCode() {
    return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")v + (" + c2 + ")v^2";
  }
}
