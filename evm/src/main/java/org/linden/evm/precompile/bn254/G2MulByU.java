package org.linden.evm.precompile.bn254;

/**
 * [u]Q for an affine point Q of the twist, on limb arrays: the bulk of {@link G2Point#isInSubgroup}
 * (63 doublings and the additions of u's non-adjacent form), which on {@link Fp2} values would
 * allocate a few thousand objects per point.
 *
 * <p>The formulas ("dbl-2009-l", "madd-2007-bl") are those of {@link G2Point}, without its special
 * cases: when an addition meets T = ±Q, or T passes through infinity, the result is {@code null}
 * and the caller falls back to the general code. Neither happens for a point of G2, and for other
 * points only when [k]Q = ±Q or O for some k below u, so the fallback is a matter of correctness,
 * not of speed.
 */
final class G2MulByU {
  private static final int F2 = Fp2Limbs.SIZE;
  // F_p2 slots of the scratch array.
  private static final int X = 0;
  private static final int Y = F2;
  private static final int Z = 2 * F2;
  private static final int QX = 3 * F2;
  private static final int QY = 4 * F2;
  private static final int QY_NEG = 5 * F2;
  private static final int A = 6 * F2;
  private static final int B = 7 * F2;
  private static final int C = 8 * F2;
  private static final int D = 9 * F2;
  private static final int E = 10 * F2;
  private static final int H = 11 * F2;
  private static final int SIZE = 12 * F2;

  private final Fp2Limbs fp2 = new Fp2Limbs();
  private final long[] t = new long[SIZE];

  /** [u]Q in Jacobian coordinates, or null where the general code must decide; Q affine, not O. */
  G2Point apply(G2Point q) {
    long[] t = this.t;
    Fp2Limbs.set(t, QX, q.x);
    Fp2Limbs.set(t, QY, q.y);
    Fp2Limbs.neg(t, QY_NEG, t, QY);
    Fp2Limbs.copy(t, X, t, QX);
    Fp2Limbs.copy(t, Y, t, QY);
    Fp2Limbs.set(t, Z, Fp2.ONE);
    byte[] naf = Pairing.U_NAF;
    for (int i = naf.length - 2; i >= 0; i--) {
      dbl();
      if (naf[i] != 0 && !addAffine(naf[i] > 0 ? QY : QY_NEG)) {
        return null;
      }
    }
    if (FpLimbs.isZero(t, Z) && FpLimbs.isZero(t, Z + FpLimbs.SIZE)) {
      return null;
    }
    return new G2Point(Fp2Limbs.get(t, X), Fp2Limbs.get(t, Y), Fp2Limbs.get(t, Z));
  }

  /** T ← 2T. With Y = 0 (order two) Z becomes 0 and stays so, which {@link #apply} catches. */
  private void dbl() {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    fp2.square(t, A, t, X);
    fp2.square(t, B, t, Y);
    fp2.square(t, C, t, B);
    // D = 2((X + B)² - A - C)
    Fp2Limbs.add(t, D, t, X, t, B);
    fp2.square(t, D, t, D);
    Fp2Limbs.sub2(t, D, t, D, t, A, t, C);
    Fp2Limbs.dbl(t, D, t, D);
    // E = 3A; Z3 = 2YZ before Y changes
    Fp2Limbs.linear(t, E, t, A, 3, t, A, 0);
    fp2.mul(t, Z, t, Y, t, Z);
    Fp2Limbs.dbl(t, Z, t, Z);
    // X3 = E² - 2D, Y3 = E(D - X3) - 8C
    fp2.square(t, X, t, E);
    Fp2Limbs.linear(t, X, t, X, 1, t, D, -2);
    Fp2Limbs.sub(t, Y, t, D, t, X);
    fp2.mul(t, Y, t, E, t, Y);
    Fp2Limbs.linear(t, Y, t, Y, 1, t, C, -8);
  }

  /** T ← T + (QX, y2); false when H = 0 (T = ±Q), which this formula cannot do. */
  private boolean addAffine(int y2) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    // A = Z1Z1, B = U2 then H, C = S2 then r
    fp2.square(t, A, t, Z);
    fp2.mul(t, H, t, QX, t, A);
    Fp2Limbs.sub(t, H, t, H, t, X);
    if (FpLimbs.isZero(t, H) && FpLimbs.isZero(t, H + FpLimbs.SIZE)) {
      return false;
    }
    fp2.mul(t, C, t, y2, t, Z);
    fp2.mul(t, C, t, C, t, A);
    Fp2Limbs.sub(t, C, t, C, t, Y);
    Fp2Limbs.dbl(t, C, t, C);
    // Z3 = (Z1 + H)² - Z1Z1 - HH, with B = HH
    fp2.square(t, B, t, H);
    Fp2Limbs.add(t, Z, t, Z, t, H);
    fp2.square(t, Z, t, Z);
    Fp2Limbs.sub2(t, Z, t, Z, t, A, t, B);
    // I = 4HH into B, J = H·I into E, V = X1·I into D
    Fp2Limbs.linear(t, B, t, B, 4, t, B, 0);
    fp2.mul(t, E, t, H, t, B);
    fp2.mul(t, D, t, X, t, B);
    // X3 = r² - J - 2V
    fp2.square(t, X, t, C);
    Fp2Limbs.sub(t, X, t, X, t, E);
    Fp2Limbs.linear(t, X, t, X, 1, t, D, -2);
    // Y3 = r(V - X3) - 2·Y1·J
    fp2.mul(t, E, t, Y, t, E);
    Fp2Limbs.sub(t, D, t, D, t, X);
    fp2.mul(t, D, t, C, t, D);
    Fp2Limbs.linear(t, Y, t, D, 1, t, E, -2);
    return true;
  }
}
