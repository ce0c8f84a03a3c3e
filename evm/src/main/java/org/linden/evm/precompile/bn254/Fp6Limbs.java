package org.linden.evm.precompile.bn254;

/**
 * F_p6 = F_p2[v]/(v³ - ξ) arithmetic in place, on elements stored as the F_p2 coefficients of 1,
 * v and v² one after the other, each as in {@link Fp2Limbs}.
 *
 * <p>An instance owns its scratch space and an {@link Fp2Limbs}, so it is for one thread. Every
 * method reads all of its operands before it writes the result, so results may overlap operands.
 */
final class Fp6Limbs {
  /** Limbs per element. */
  static final int SIZE = 3 * Fp2Limbs.SIZE;

  private static final int C1 = Fp2Limbs.SIZE;
  private static final int C2 = 2 * Fp2Limbs.SIZE;

  // Scratch slots of one F_p2 element each.
  private static final int T0 = 0;
  private static final int T1 = Fp2Limbs.SIZE;
  private static final int T2 = 2 * Fp2Limbs.SIZE;
  private static final int S0 = 3 * Fp2Limbs.SIZE;
  private static final int S1 = 4 * Fp2Limbs.SIZE;
  private static final int S2 = 5 * Fp2Limbs.SIZE;
  private static final int S3 = 6 * Fp2Limbs.SIZE;
  private static final int S4 = 7 * Fp2Limbs.SIZE;
  private static final int S5 = 8 * Fp2Limbs.SIZE;

  // Double-width F_p2 slots, after the above.
  private static final int WT0 = 9 * Fp2Limbs.SIZE;
  private static final int WT1 = WT0 + Fp2Limbs.WIDE;
  private static final int WT2 = WT1 + Fp2Limbs.WIDE;
  private static final int WU0 = WT2 + Fp2Limbs.WIDE;
  private static final int WU1 = WU0 + Fp2Limbs.WIDE;
  private static final int WU2 = WU1 + Fp2Limbs.WIDE;

  final Fp2Limbs fp2 = new Fp2Limbs();
  private final long[] t = new long[WU2 + Fp2Limbs.WIDE];

  /**
   * r ← a·b with six F_p2 products (Karatsuba over the three coefficients), reduced lazily: the
   * products stay double-width until each coefficient of the result is formed, so six Montgomery
   * reductions serve eighteen F_p products. The v³ and v⁴ terms fold back as ξ and ξ·v.
   */
  void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    fp2.mulWide(t, WT0, a, ai, b, bi);
    fp2.mulWide(t, WT1, a, ai + C1, b, bi + C1);
    fp2.mulWide(t, WT2, a, ai + C2, b, bi + C2);
    Fp2Limbs.addLazy(t, S0, a, ai + C1, a, ai + C2);
    Fp2Limbs.addLazy(t, S1, b, bi + C1, b, bi + C2);
    fp2.mulWide(t, WU0, t, S0, t, S1);
    Fp2Limbs.addLazy(t, S0, a, ai, a, ai + C1);
    Fp2Limbs.addLazy(t, S1, b, bi, b, bi + C1);
    fp2.mulWide(t, WU1, t, S0, t, S1);
    Fp2Limbs.addLazy(t, S0, a, ai, a, ai + C2);
    Fp2Limbs.addLazy(t, S1, b, bi, b, bi + C2);
    fp2.mulWide(t, WU2, t, S0, t, S1);
    // The operands are all read: r may be one of them.
    // r0 = ξ((a1 + a2)(b1 + b2) - t1 - t2) + t0
    Fp2Limbs.sub2Wide(t, WU0, t, WU0, t, WT1, t, WT2);
    Fp2Limbs.mulByXiWide(t, WU0);
    Fp2Limbs.addWide(t, WU0, t, WU0, t, WT0);
    Fp2Limbs.redc(r, ri, t, WU0);
    // r2 = (a0 + a2)(b0 + b2) - t0 - t2 + t1
    Fp2Limbs.sub2Wide(t, WU2, t, WU2, t, WT0, t, WT2);
    Fp2Limbs.addWide(t, WU2, t, WU2, t, WT1);
    Fp2Limbs.redc(r, ri + C2, t, WU2);
    // r1 = (a0 + a1)(b0 + b1) - t0 - t1 + ξt2
    Fp2Limbs.sub2Wide(t, WU1, t, WU1, t, WT0, t, WT1);
    Fp2Limbs.mulByXiWide(t, WT2);
    Fp2Limbs.addWide(t, WU1, t, WU1, t, WT2);
    Fp2Limbs.redc(r, ri + C1, t, WU1);
  }

  /**
   * r ← a² by Chung–Hasan (SQR2): with s0 = a0², s1 = 2a0a1, s2 = (a0 - a1 + a2)², s3 = 2a1a2,
   * s4 = a2², the square is (s0 + ξs3) + (s1 + ξs4)v + (s1 + s2 + s3 - s0 - s4)v².
   */
  void square(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    fp2.square(t, S0, a, ai);
    fp2.mul(t, S1, a, ai, a, ai + C1);
    Fp2Limbs.dbl(t, S1, t, S1);
    Fp2Limbs.sub(t, S2, a, ai, a, ai + C1);
    Fp2Limbs.add(t, S2, t, S2, a, ai + C2);
    fp2.square(t, S2, t, S2);
    fp2.mul(t, S3, a, ai + C1, a, ai + C2);
    Fp2Limbs.dbl(t, S3, t, S3);
    fp2.square(t, S4, a, ai + C2);
    // r2 first: it needs s1 .. s4 before the others are formed in place.
    Fp2Limbs.add(r, ri + C2, t, S1, t, S2);
    Fp2Limbs.add(r, ri + C2, r, ri + C2, t, S3);
    Fp2Limbs.sub2(r, ri + C2, r, ri + C2, t, S0, t, S4);
    fp2.mulByXi(t, S3, t, S3);
    Fp2Limbs.add(r, ri, t, S0, t, S3);
    fp2.mulByXi(t, S4, t, S4);
    Fp2Limbs.add(r, ri + C1, t, S1, t, S4);
  }

  /**
   * r ← a·(b0 + b1·v), five F_p2 products instead of six, reduced lazily as in {@link #mul}: the
   * shape line values take in the Miller loop. (a0 + a1v + a2v²)(b0 + b1v) = a0b0 + ξa2b1 + (a0b1 +
   * a1b0)v + (a1b1 + a2b0)v².
   */
  void mulBy01(long[] r, int ri, long[] a, int ai, long[] b, int b0, int b1) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    fp2.mulWide(t, WT0, a, ai, b, b0);
    fp2.mulWide(t, WT1, a, ai + C1, b, b1);
    fp2.mulWide(t, WT2, a, ai + C2, b, b1);
    fp2.mulWide(t, WU0, a, ai + C2, b, b0);
    Fp2Limbs.addLazy(t, S0, a, ai, a, ai + C1);
    Fp2Limbs.addLazy(t, S1, b, b0, b, b1);
    fp2.mulWide(t, WU1, t, S0, t, S1);
    // r0 = ξ·a2b1 + a0b0, r1 = (a0 + a1)(b0 + b1) - a0b0 - a1b1, r2 = a2b0 + a1b1
    Fp2Limbs.mulByXiWide(t, WT2);
    Fp2Limbs.addWide(t, WT2, t, WT2, t, WT0);
    Fp2Limbs.redc(r, ri, t, WT2);
    Fp2Limbs.sub2Wide(t, WU1, t, WU1, t, WT0, t, WT1);
    Fp2Limbs.redc(r, ri + C1, t, WU1);
    Fp2Limbs.addWide(t, WU0, t, WU0, t, WT1);
    Fp2Limbs.redc(r, ri + C2, t, WU0);
  }

  /** r ← a·s for s in F_p2 (not overlapping r). */
  void mulByFp2(long[] r, int ri, long[] a, int ai, long[] s, int si) {
    fp2.mul(r, ri, a, ai, s, si);
    fp2.mul(r, ri + C1, a, ai + C1, s, si);
    fp2.mul(r, ri + C2, a, ai + C2, s, si);
  }

  /** r ← a·v: the coefficients move up one place and the one leaving through v³ returns as ξ. */
  void mulByV(long[] r, int ri, long[] a, int ai) {
    fp2.mulByXi(t, T0, a, ai + C2);
    Fp2Limbs.copy(r, ri + C2, a, ai + C1);
    Fp2Limbs.copy(r, ri + C1, a, ai);
    Fp2Limbs.copy(r, ri, t, T0);
  }

  static void add(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    Fp2Limbs.add(r, ri, a, ai, b, bi);
    Fp2Limbs.add(r, ri + C1, a, ai + C1, b, bi + C1);
    Fp2Limbs.add(r, ri + C2, a, ai + C2, b, bi + C2);
  }

  static void sub(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    Fp2Limbs.sub(r, ri, a, ai, b, bi);
    Fp2Limbs.sub(r, ri + C1, a, ai + C1, b, bi + C1);
    Fp2Limbs.sub(r, ri + C2, a, ai + C2, b, bi + C2);
  }

  /** r ← a - b - c. */
  static void sub2(long[] r, int ri, long[] a, int ai, long[] b, int bi, long[] c, int ci) {
    Fp2Limbs.sub2(r, ri, a, ai, b, bi, c, ci);
    Fp2Limbs.sub2(r, ri + C1, a, ai + C1, b, bi + C1, c, ci + C1);
    Fp2Limbs.sub2(r, ri + C2, a, ai + C2, b, bi + C2, c, ci + C2);
  }

  static void neg(long[] r, int ri, long[] a, int ai) {
    Fp2Limbs.neg(r, ri, a, ai);
    Fp2Limbs.neg(r, ri + C1, a, ai + C1);
    Fp2Limbs.neg(r, ri + C2, a, ai + C2);
  }

  /**
   * r ← a⁻¹ via the adjugate: with A = a0² - ξa1a2, B = ξa2² - a0a1, C = a1² - a0a2 the product
   * (a0 + a1v + a2v²)(A + Bv + Cv²) is the F_p2 scalar a0A + ξ(a2B + a1C). Once per pairing, so
   * the one F_p inversion goes through {@link Fp}.
   */
  void inverse(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    // A in T0, B in T1, C in T2.
    fp2.mul(t, S0, a, ai + C1, a, ai + C2);
    fp2.mulByXi(t, S0, t, S0);
    fp2.square(t, T0, a, ai);
    Fp2Limbs.sub(t, T0, t, T0, t, S0);
    fp2.square(t, S0, a, ai + C2);
    fp2.mulByXi(t, S0, t, S0);
    fp2.mul(t, T1, a, ai, a, ai + C1);
    Fp2Limbs.sub(t, T1, t, S0, t, T1);
    fp2.square(t, S0, a, ai + C1);
    fp2.mul(t, T2, a, ai, a, ai + C2);
    Fp2Limbs.sub(t, T2, t, S0, t, T2);
    // norm = a0A + ξ(a2B + a1C)
    fp2.mul(t, S0, a, ai + C2, t, T1);
    fp2.mul(t, S1, a, ai + C1, t, T2);
    Fp2Limbs.add(t, S0, t, S0, t, S1);
    fp2.mulByXi(t, S0, t, S0);
    fp2.mul(t, S1, a, ai, t, T0);
    Fp2Limbs.add(t, S0, t, S0, t, S1);
    Fp2Limbs.set(t, S0, Fp2Limbs.get(t, S0).inverse());
    fp2.mul(r, ri, t, T0, t, S0);
    fp2.mul(r, ri + C1, t, T1, t, S0);
    fp2.mul(r, ri + C2, t, T2, t, S0);
  }

  static void copy(long[] r, int ri, long[] a, int ai) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  static void set(long[] r, int ri, Fp6 v) {
    Fp2Limbs.set(r, ri, v.c0);
    Fp2Limbs.set(r, ri + C1, v.c1);
    Fp2Limbs.set(r, ri + C2, v.c2);
  }

  static Fp6 get(long[] a, int ai) {
    return new Fp6(Fp2Limbs.get(a, ai), Fp2Limbs.get(a, ai + C1), Fp2Limbs.get(a, ai + C2));
  }
}
