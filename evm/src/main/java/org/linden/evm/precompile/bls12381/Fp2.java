package org.linden.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * An element c0 + c1·i of the quadratic extension Fp[i]/(i^2 + 1), the field of G2's
 * coordinates (EIP-2537's non-residue p - 1 is -1). Immutable.
 */
final class Fp2 {
  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  private static final Fp HALF = Fp.of(2).inverse();

  final Fp c0;
  final Fp c1;

  Fp2(Fp c0, Fp c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  static Fp2 of(long c0, long c1) {
    return new Fp2(Fp.of(c0), Fp.of(c1));
  }

  static Fp2 ofHex(String c0, String c1) {
    return new Fp2(Fp.ofHex(c0), Fp.ofHex(c1));
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  /** RFC 9380 sgn0 for m = 2: the sign of c0, or of c1 when c0 is zero. */
  int sgn0() {
    int sign0 = c0.sgn0();
    int zero0 = c0.isZero() ? 1 : 0;
    return sign0 | (zero0 & c1.sgn0());
  }

  Fp2 add(Fp2 o) {
    return new Fp2(c0.add(o.c0), c1.add(o.c1));
  }

  Fp2 subtract(Fp2 o) {
    return new Fp2(c0.subtract(o.c0), c1.subtract(o.c1));
  }

  Fp2 negate() {
    return new Fp2(c0.negate(), c1.negate());
  }

  Fp2 multiply(Fp2 o) {
    // Karatsuba: three base-field products instead of four.
    Fp a = c0.multiply(o.c0);
    Fp b = c1.multiply(o.c1);
    Fp cross = c0.add(c1).multiply(o.c0.add(o.c1));
    return new Fp2(a.subtract(b), cross.subtract(a).subtract(b));
  }

  Fp2 multiply(Fp k) {
    return new Fp2(c0.multiply(k), c1.multiply(k));
  }

  Fp2 square() {
    // (c0 + c1 i)^2 = (c0 + c1)(c0 - c1) + 2 c0 c1 i
    return new Fp2(c0.add(c1).multiply(c0.subtract(c1)), c0.multiply(c1).twice());
  }

  /** The Frobenius map a ↦ a^p, which for Fp[i] is complex conjugation. */
  Fp2 conjugate() {
    return new Fp2(c0, c1.negate());
  }

  /** Plain square-and-multiply; only for deriving constants, not for hot paths. */
  Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  /** The norm c0^2 + c1^2, which lies in Fp. */
  Fp norm() {
    return c0.square().add(c1.square());
  }

  /** Inverse through the norm; zero maps to zero (RFC 9380 inv0). */
  Fp2 inverse() {
    Fp n = norm().inverse();
    return new Fp2(c0.multiply(n), c1.negate().multiply(n));
  }

  /**
   * A square root, or {@code null} when none exists. Works through the base field: a is a
   * square in Fp2 exactly when its norm is a square in Fp (two exponentiations in all).
   */
  Fp2 sqrt() {
    if (c1.isZero()) {
      return sqrtOfBaseFieldValue();
    }
    Fp n = norm();
    Fp alpha = n.sqrtCandidate();
    return alpha.square().equals(n) ? sqrtGivenNormRoot(alpha) : null;
  }

  /**
   * The square root of this square, given a square root {@code alpha} of its norm (either
   * sign). A root x0 + x1·i satisfies x0^2 = δ with δ = (c0 ± alpha)/2, and the two choices of
   * δ multiply to -c1^2/4, a non-square, so exactly one of them is a square. With
   * t = δ^((p-3)/4) for δ = (c0 + alpha)/2, one exponentiation covers both cases:
   *
   * <ul>
   *   <li>δ square: x0 = t·δ and 1/x0 = t, so x1 = c1/(2·x0) = c1·t/2;
   *   <li>δ not square: s = t·δ has s^2 = -δ and s·t = -1; then x0 = -c1·t/2, x1 = s solves
   *       x0^2 - x1^2 = c0 and 2·x0·x1 = c1.
   * </ul>
   *
   * Requires c1 ≠ 0 (then δ ≠ 0); callers handle base-field values separately.
   */
  Fp2 sqrtGivenNormRoot(Fp alpha) {
    Fp delta = c0.add(alpha).multiply(HALF);
    Fp t = delta.powPMinus3Over4();
    Fp s = t.multiply(delta);
    Fp halfC1T = c1.multiply(t).multiply(HALF);
    if (s.square().equals(delta)) {
      return new Fp2(s, halfC1T);
    }
    return new Fp2(halfC1T.negate(), s);
  }

  /**
   * Roots of c0 + 0·i: real if c0 is a square in Fp, otherwise imaginary, since -1 is not a
   * square in Fp (p = 3 mod 4) and so -c0 is.
   */
  private Fp2 sqrtOfBaseFieldValue() {
    Fp r = c0.sqrtCandidate();
    return r.square().equals(c0) ? new Fp2(r, Fp.ZERO) : new Fp2(Fp.ZERO, r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp2 other && c0.equals(other.c0) && c1.equals(other.c1);
  }

  @Override
  public int hashCode() {
    return 31 * c0.hashCode() + c1.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ", " + c1 + ")";
  }
}
