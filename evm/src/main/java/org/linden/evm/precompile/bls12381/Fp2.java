package org.linden.evm.precompile.bls12381;

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
   * A square root, or {@code null} when none exists. Works through Fp square roots: a is a
   * square in Fp2 exactly when its norm is a square in Fp, and then a root x0 + x1·i has
   * x0^2 = (c0 ± sqrt(norm)) / 2 for the sign that makes the right side a square.
   */
  Fp2 sqrt() {
    if (c1.isZero()) {
      // A base-field value: either it has a root in Fp, or -c0 does and the root is
      // imaginary (-1 is not a square in Fp because p = 3 mod 4).
      Fp r = c0.sqrt();
      if (r != null) {
        return new Fp2(r, Fp.ZERO);
      }
      return new Fp2(Fp.ZERO, c0.negate().sqrt());
    }
    Fp alpha = norm().sqrt();
    if (alpha == null) {
      return null;
    }
    Fp x0 = c0.add(alpha).multiply(HALF).sqrt();
    if (x0 == null) {
      // The two candidates multiply to -c1^2/4, a non-square, so exactly one is a square.
      x0 = c0.subtract(alpha).multiply(HALF).sqrt();
      if (x0 == null) {
        return null;
      }
    }
    Fp x1 = c1.multiply(x0.twice().inverse());
    return new Fp2(x0, x1);
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
