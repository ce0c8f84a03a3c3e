package org.linden.evm.precompile.bn254;

/**
 * The Miller loop of the optimal ate pairing for several pairs at once, on limb arrays: the
 * product of the Miller functions f_{6u+2,Q_i}(P_i), each times the two lines through [6u+2]Q_i,
 * ψ(Q_i) and -ψ²(Q_i) that make the ate pairing optimal. All pairs share one accumulator, so its
 * F_p12 squaring is paid once per bit rather than once per pair, and the lines of two pairs are
 * multiplied together before they go into it ({@link Fp12Limbs#mulByLines}).
 *
 * <p>G2 points stay on the twist over F_p2; the untwisting map (x, y) ↦ (x·w², y·w³) is folded into
 * the line formulas, so each line evaluated at P has the sparse form a + b·w + c·w³. Lines are
 * scaled by F_p2 factors and vertical lines are left out: both are elements of proper subfields of
 * F_p12 that the final exponentiation sends to 1.
 *
 * <p>The loop also settles, almost for free, whether each Q_i lies in G2: it ends at T = [6u+2]Q +
 * ψ(Q) - ψ²(Q), and Q is in G2 exactly when that equals -ψ³(Q) (see {@link Membership}).
 *
 * <p>One instance serves one computation on one thread.
 */
final class MillerLoop {
  /**
   * What the loop showed about a Q_i being in G2. The endomorphism α = [6u+2] + ψ - ψ² + ψ³ of the
   * twist vanishes on G2 (where ψ is multiplication by p, and 6u+2 + p - p² + p³ ≡ 0 mod r), and
   * its kernel among the points of E'(F_p2) is exactly G2: with ψ² = tψ - p, α = A + Bψ for
   * integers A, B with p ∤ A, and gcd(N(α), #E'(F_p2)) = r (checked in Bn254GroupTest, as in
   * {@link G2Point#isInSubgroup}). The loop's own T, [6u+2]Q + ψ(Q) - ψ²(Q), therefore decides
   * membership by one comparison with -ψ³(Q) — provided every step was a regular one. The step
   * formulas give Z = 0 on every exceptional case (a doubling or sum that is the point at infinity,
   * an addition of ±T) and Z = 0 then stays, so T with Z ≠ 0 at the end was computed exactly; with
   * Z = 0 the loop cannot tell, and the caller falls back to {@link G2Point#isInSubgroup}.
   */
  enum Membership {
    IN_G2,
    NOT_IN_G2,
    UNDECIDED
  }

  private static final int F = FpLimbs.SIZE;
  private static final int F2 = Fp2Limbs.SIZE;

  // Per pair, in lanes[]: P (y and -x), Q (x, y, -y) affine, and T = [m]Q in Jacobian coordinates.
  private static final int PY = 0;
  private static final int PX_NEG = F;
  private static final int QX = 2 * F;
  private static final int QY = QX + F2;
  private static final int QY_NEG = QY + F2;
  private static final int TX = QY_NEG + F2;
  private static final int TY = TX + F2;
  private static final int TZ = TY + F2;
  private static final int LANE = TZ + F2;

  /** Per pair, in lines[]: the coefficients a, b, c of its latest line (see {@link #doubleStep}). */
  private static final int LINE = 3 * F2;

  // F_p2 slots in the scratch array t[], for the steps and their line.
  private static final int A = 0;
  private static final int B = F2;
  private static final int C = 2 * F2;
  private static final int ZZ = 3 * F2;
  private static final int M = 4 * F2;
  private static final int S = 5 * F2;
  private static final int X3 = 6 * F2;
  private static final int Y3 = 7 * F2;
  private static final int Z3 = 8 * F2;
  private static final int LA = 9 * F2;
  private static final int LB = 10 * F2;
  private static final int LC = 11 * F2;
  // A point given to an addition step: ψ(Q) or -ψ²(Q).
  private static final int X2 = 12 * F2;
  private static final int Y2 = 13 * F2;

  private final Fp12Limbs fp12;
  private final Fp2Limbs fp2;
  private final long[] t = new long[14 * F2];

  MillerLoop(Fp12Limbs fp12) {
    this.fp12 = fp12;
    this.fp2 = fp12.fp2;
  }

  /**
   * Writes the product of the Miller functions of the pairs (ps[i], qs[i]) to the element at {@code
   * fi}; pairs with a point at infinity contribute 1. Returns what the loop showed about each qs[i]
   * being in G2: pairs with a point at infinity on either side are left out of the loop and come
   * back {@link Membership#UNDECIDED} unless Q is the point at infinity itself.
   */
  Membership[] run(G1Point[] ps, G2Point[] qs, long[] f, int fi) {
    long[] lanes = new long[ps.length * LANE];
    G2Point[] q = new G2Point[ps.length];
    int[] pairOfLane = new int[ps.length];
    Membership[] membership = new Membership[ps.length];
    int n = 0;
    for (int i = 0; i < ps.length; i++) {
      // The point at infinity is in G2; a pair left out of the loop is not decided by it.
      membership[i] = qs[i].isInfinity() ? Membership.IN_G2 : Membership.UNDECIDED;
      if (!ps[i].isInfinity() && !qs[i].isInfinity()) {
        pairOfLane[n] = i;
        G1Point p = ps[i].toAffine();
        q[n] = qs[i].toAffine();
        int l = n * LANE;
        FpLimbs.set(lanes, l + PY, p.y);
        FpLimbs.set(lanes, l + PX_NEG, p.x.neg());
        Fp2Limbs.set(lanes, l + QX, q[n].x);
        Fp2Limbs.set(lanes, l + QY, q[n].y);
        Fp2Limbs.set(lanes, l + QY_NEG, q[n].y.neg());
        Fp2Limbs.set(lanes, l + TX, q[n].x);
        Fp2Limbs.set(lanes, l + TY, q[n].y);
        Fp2Limbs.set(lanes, l + TZ, Fp2.ONE);
        n++;
      }
    }
    Fp12Limbs.setOne(f, fi);
    if (n == 0) {
      return membership;
    }
    byte[] naf = Pairing.LOOP_NAF;
    long[] lines = new long[n * LINE];
    for (int bit = naf.length - 2; bit >= 0; bit--) {
      if (bit != naf.length - 2) {
        fp12.square(f, fi, f, fi);
      }
      for (int i = 0; i < n; i++) {
        doubleStep(lanes, i * LANE, lines, i * LINE);
      }
      multiplyLines(f, fi, lines, n);
      int digit = naf[bit];
      if (digit != 0) {
        for (int i = 0; i < n; i++) {
          int l = i * LANE;
          addStep(lanes, l, lanes, l + QX, digit > 0 ? l + QY : l + QY_NEG, lines, i * LINE);
        }
        multiplyLines(f, fi, lines, n);
      }
    }
    // The lines through ψ(Q) and then -ψ²(Q).
    G2Point[] psi = new G2Point[n];
    for (int i = 0; i < n; i++) {
      psi[i] = q[i].psi();
      Fp2Limbs.set(t, X2, psi[i].x);
      Fp2Limbs.set(t, Y2, psi[i].y);
      addStep(lanes, i * LANE, t, X2, Y2, lines, i * LINE);
    }
    multiplyLines(f, fi, lines, n);
    for (int i = 0; i < n; i++) {
      psi[i] = psi[i].psi();
      Fp2Limbs.set(t, X2, psi[i].x);
      Fp2Limbs.set(t, Y2, psi[i].y.neg());
      addStep(lanes, i * LANE, t, X2, Y2, lines, i * LINE);
      membership[pairOfLane[i]] = membershipShown(lanes, i * LANE, psi[i].psi());
    }
    multiplyLines(f, fi, lines, n);
    return membership;
  }

  /** f ← f times the lines of the n lanes, two at a time. */
  private void multiplyLines(long[] f, int fi, long[] lines, int n) {
    int i = 0;
    for (; i + 1 < n; i += 2) {
      fp12.mulByLines(f, fi, lines, i * LINE, (i + 1) * LINE);
    }
    if (i < n) {
      int l = i * LINE;
      fp12.mulByLine(f, fi, lines, l, l + F2, l + 2 * F2);
    }
  }

  /** What the lane's final T = [6u+2]Q + ψ(Q) - ψ²(Q) shows, given ψ³(Q). */
  private static Membership membershipShown(long[] lane, int l, G2Point psi3) {
    G2Point end =
        new G2Point(
            Fp2Limbs.get(lane, l + TX), Fp2Limbs.get(lane, l + TY), Fp2Limbs.get(lane, l + TZ));
    if (end.isInfinity()) {
      return Membership.UNDECIDED;
    }
    return end.equals(psi3.neg()) ? Membership.IN_G2 : Membership.NOT_IN_G2;
  }

  /**
   * T ← 2T and f ← f·ℓ(P), ℓ the tangent at T. On the twist the tangent has slope λ = 3x²/(2y);
   * untwisted it is y_P - λ·x_P·w + (λx - y)·w³, and multiplied by 2Y·Z³ its coefficients are a =
   * y_P·Z3·Z², b = -x_P·3X²·Z² and c = 3X³ - 2Y² (Z3 = 2YZ), written to {@code line} at {@code
   * li}. Doubling by "dbl-2009-l".
   */
  private void doubleStep(long[] lane, int l, long[] line, int li) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    fp2.square(t, A, lane, l + TX);
    fp2.square(t, B, lane, l + TY);
    fp2.square(t, C, t, B);
    fp2.square(t, ZZ, lane, l + TZ);
    Fp2Limbs.linear(t, M, t, A, 3, t, A, 0);
    // S = 2((X + B)² - A - C) = 4XY²
    Fp2Limbs.add(t, S, lane, l + TX, t, B);
    fp2.square(t, S, t, S);
    Fp2Limbs.sub2(t, S, t, S, t, A, t, C);
    Fp2Limbs.dbl(t, S, t, S);
    // X3 = M² - 2S
    fp2.square(t, X3, t, M);
    Fp2Limbs.linear(t, X3, t, X3, 1, t, S, -2);
    // Y3 = M(S - X3) - 8C
    Fp2Limbs.sub(t, Y3, t, S, t, X3);
    fp2.mul(t, Y3, t, M, t, Y3);
    Fp2Limbs.linear(t, Y3, t, Y3, 1, t, C, -8);
    // Z3 = (Y + Z)² - B - ZZ = 2YZ
    Fp2Limbs.add(t, Z3, lane, l + TY, lane, l + TZ);
    fp2.square(t, Z3, t, Z3);
    Fp2Limbs.sub2(t, Z3, t, Z3, t, B, t, ZZ);
    // The line, from the old X and Z².
    fp2.mul(t, LA, t, Z3, t, ZZ);
    Fp2Limbs.mulByFp(t, LA, t, LA, lane, l + PY);
    fp2.mul(t, LB, t, M, t, ZZ);
    Fp2Limbs.mulByFp(t, LB, t, LB, lane, l + PX_NEG);
    fp2.mul(t, LC, t, M, lane, l + TX);
    Fp2Limbs.linear(t, LC, t, LC, 1, t, B, -2);
    Fp2Limbs.copy(lane, l + TX, t, X3);
    Fp2Limbs.copy(lane, l + TY, t, Y3);
    Fp2Limbs.copy(lane, l + TZ, t, Z3);
    System.arraycopy(t, LA, line, li, LINE);
  }

  /**
   * T ← T + (x2, y2) for an affine point and f ← f·ℓ(P), ℓ the line through both. With H = x2·Z² -
   * X and R = y2·Z³ - Y the slope is R/(H·Z); multiplied by Z3 = H·Z the line has a = y_P·Z3, b =
   * -x_P·R and c = R·x2 - y2·Z3, written to {@code line} at {@code li}.
   */
  private void addStep(long[] lane, int l, long[] q, int x2, int y2, long[] line, int li) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    // A = H, B = R, C = H², M = H³, S = X·H²
    fp2.square(t, ZZ, lane, l + TZ);
    fp2.mul(t, A, q, x2, t, ZZ);
    Fp2Limbs.sub(t, A, t, A, lane, l + TX);
    fp2.mul(t, B, q, y2, lane, l + TZ);
    fp2.mul(t, B, t, B, t, ZZ);
    Fp2Limbs.sub(t, B, t, B, lane, l + TY);
    fp2.square(t, C, t, A);
    fp2.mul(t, M, t, A, t, C);
    fp2.mul(t, S, lane, l + TX, t, C);
    // X3 = R² - H³ - 2·X·H²
    fp2.square(t, X3, t, B);
    Fp2Limbs.sub2(t, X3, t, X3, t, M, t, S);
    Fp2Limbs.sub(t, X3, t, X3, t, S);
    // Y3 = R(X·H² - X3) - Y·H³
    Fp2Limbs.sub(t, Y3, t, S, t, X3);
    fp2.mul(t, Y3, t, B, t, Y3);
    fp2.mul(t, C, lane, l + TY, t, M);
    Fp2Limbs.sub(t, Y3, t, Y3, t, C);
    // Z3 = Z·H
    fp2.mul(t, Z3, lane, l + TZ, t, A);
    // The line.
    Fp2Limbs.mulByFp(t, LA, t, Z3, lane, l + PY);
    Fp2Limbs.mulByFp(t, LB, t, B, lane, l + PX_NEG);
    fp2.mul(t, LC, t, B, q, x2);
    fp2.mul(t, C, q, y2, t, Z3);
    Fp2Limbs.sub(t, LC, t, LC, t, C);
    Fp2Limbs.copy(lane, l + TX, t, X3);
    Fp2Limbs.copy(lane, l + TY, t, Y3);
    Fp2Limbs.copy(lane, l + TZ, t, Z3);
    System.arraycopy(t, LA, line, li, LINE);
  }
}
