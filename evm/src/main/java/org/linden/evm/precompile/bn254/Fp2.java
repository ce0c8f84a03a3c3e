package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·i} of F_p2 = F_p[i]/(i^2 + 1), immutable. The G2 twist curve is defined
 * over this field.
 */
final class Fp2 {
  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  /** ξ = 9 + i, the non-residue that defines F_p6 (v^3 = ξ) and the twist (b' = 3/ξ). */
  static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

  final Fp c0;
  final Fp c1;

  Fp2(Fp c0, Fp c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  Fp2 add(Fp2 o) {
    return new Fp2(c0.add(o.c0), c1.add(o.c1));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(c0.sub(o.c0), c1.sub(o.c1));
  }

  Fp2 dbl() {
    return new Fp2(c0.dbl(), c1.dbl());
  }

  Fp2 neg() {
    return new Fp2(c0.neg(), c1.neg());
  }

  /** Complex conjugation, which is also the p-power Frobenius map on F_p2. */
  Fp2 conjugate() {
    return new Fp2(c0, c1.neg());
  }

  /** Karatsuba: three base-field products instead of four. */
  Fp2 mul(Fp2 o) {
    Fp v0 = c0.mul(o.c0);
    Fp v1 = c1.mul(o.c1);
    Fp cross = c0.add(c1).mul(o.c0.add(o.c1));
    return new Fp2(v0.sub(v1), cross.sub(v0).sub(v1));
  }

  /** (a + bi)^2 = (a + b)(a - b) + 2ab·i: two products. */
  Fp2 square() {
    Fp ab = c0.mul(c1);
    return new Fp2(c0.add(c1).mul(c0.sub(c1)), ab.dbl());
  }

  Fp2 mulByFp(Fp s) {
    return new Fp2(c0.mul(s), c1.mul(s));
  }

  /** Multiplies by ξ = 9 + i using additions only: (a + bi)(9 + i) = (9a - b) + (a + 9b)i. */
  Fp2 mulByXi() {
    Fp a8 = c0.dbl().dbl().dbl();
    Fp b8 = c1.dbl().dbl().dbl();
    return new Fp2(a8.add(c0).sub(c1), b8.add(c1).add(c0));
  }

  /** 1/(a + bi) = (a - bi)/(a^2 + b^2); zero maps to zero. */
  Fp2 inverse() {
    Fp norm = c0.square().add(c1.square());
    Fp inv = norm.inverse();
    return new Fp2(c0.mul(inv), c1.neg().mul(inv));
  }

  /** Raises to a power; for computing constants at class initialisation, not per call. */
  Fp2 pow(BigInteger e) {
    Fp2 r = ONE;
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
    return o instanceof Fp2 f && c0.equals(f.c0) && c1.equals(f.c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return c0 + " + " + c1 + "*i";
  }
}
