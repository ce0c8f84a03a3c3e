package org.linden.evm.precompile.bn254;

/**
 * F_p12 = F_p6[w]/(w² - v) arithmetic in place, on elements stored as c0 then c1, each an F_p6
 * element as in {@link Fp6Limbs}. As a polynomial in w over F_p2 (w⁶ = ξ), the coefficient of
 * w^k sits at {@link #W}[k].
 *
 * <p>An instance owns its scratch space and the lower floors of the tower, so it is for one thread.
 * Every method reads all of its operands before it writes the result, so results may overlap
 * operands.
 */
final class Fp12Limbs {
  /** Limbs per element. */
  static final int SIZE = 2 * Fp6Limbs.SIZE;

  private static final int C1 = Fp6Limbs.SIZE;

  /** Offset of the F_p2 coefficient of w^k, k = 0..5. */
  static final int[] W = {
    0, C1, Fp2Limbs.SIZE, C1 + Fp2Limbs.SIZE, 2 * Fp2Limbs.SIZE, C1 + 2 * Fp2Limbs.SIZE
  };

  // FROBENIUS[j - 1][k] = ξ^(k(p^j - 1)/6): raising to p^j maps c·w^k to c^(p^j)·FROBENIUS[j-1][k]·w^k,
  // because (w^k)^(p^j) = w^k·(w⁶)^(k(p^j - 1)/6). For j = 2 the constants lie in F_p.
  private static final long[][][] FROBENIUS = new long[3][6][];

  static {
    for (int k = 0; k < 6; k++) {
      Fp2 g = Fp12.GAMMA[k];
      Fp2 g2 = g.mul(g.conjugate()); // g^(p+1)
      FROBENIUS[0][k] = Fp2Limbs.of(g);
      FROBENIUS[1][k] = Fp2Limbs.of(g2);
      FROBENIUS[2][k] = Fp2Limbs.of(g2.mul(g)); // g^(p² + p + 1), since g^(p²) = g
    }
  }

  // Scratch slots of one F_p6 element each.
  private static final int A = 0;
  private static final int B = Fp6Limbs.SIZE;
  private static final int C = 2 * Fp6Limbs.SIZE;
  private static final int D = 3 * Fp6Limbs.SIZE;
  // (a + b) and c of a line, one F_p2 element each.
  private static final int LINE = 4 * Fp6Limbs.SIZE;

  // Scratch for the cyclotomic squaring, after the above: F_p2 slots, the six results in the
  // layout of an element, and double-width F_p2 slots.
  private static final int SUM = LINE + 2 * Fp2Limbs.SIZE;
  private static final int SQ0 = SUM + Fp2Limbs.SIZE;
  private static final int SQ1 = SQ0 + Fp2Limbs.SIZE;
  private static final int N = SQ1 + Fp2Limbs.SIZE;
  private static final int WX = N + SIZE;
  private static final int WY = WX + Fp2Limbs.WIDE;
  private static final int WS = WY + Fp2Limbs.WIDE;
  private static final int WT = WS + Fp2Limbs.WIDE;

  final Fp6Limbs fp6 = new Fp6Limbs();
  final Fp2Limbs fp2 = fp6.fp2;
  private final long[] t = new long[WT + Fp2Limbs.WIDE];

  /** r ← a·b: three F_p6 products (Karatsuba), 18 F_p2 products. */
  void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    long[] t = this.t;
    Fp6Limbs fp6 = this.fp6;
    fp6.mul(t, A, a, ai, b, bi);
    fp6.mul(t, B, a, ai + C1, b, bi + C1);
    Fp6Limbs.add(t, C, a, ai, a, ai + C1);
    Fp6Limbs.add(t, D, b, bi, b, bi + C1);
    fp6.mul(r, ri + C1, t, C, t, D);
    Fp6Limbs.sub2(r, ri + C1, r, ri + C1, t, A, t, B);
    fp6.mulByV(t, B, t, B);
    Fp6Limbs.add(r, ri, t, A, t, B);
  }

  /** r ← a² = ((a0 + a1)(a0 + v·a1) - a0a1 - v·a0a1) + 2a0a1·w: two F_p6 products. */
  void square(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    Fp6Limbs fp6 = this.fp6;
    fp6.mul(t, A, a, ai, a, ai + C1);
    Fp6Limbs.add(t, B, a, ai, a, ai + C1);
    fp6.mulByV(t, C, a, ai + C1);
    Fp6Limbs.add(t, C, t, C, a, ai);
    fp6.mul(r, ri, t, B, t, C);
    Fp6Limbs.sub(r, ri, r, ri, t, A);
    fp6.mulByV(t, B, t, A);
    Fp6Limbs.sub(r, ri, r, ri, t, B);
    Fp6Limbs.add(r, ri + C1, t, A, t, A);
  }

  /**
   * f ← f·(a + b·w + c·w³) for F_p2 values a, b, c at offsets of {@code line}: the sparse shape of
   * every Miller-loop line. As (a, 0, 0) + (b, c, 0)·w it takes 13 F_p2 products instead of 18.
   */
  void mulByLine(long[] f, int fi, long[] line, int a, int b, int c) {
    long[] t = this.t;
    Fp6Limbs fp6 = this.fp6;
    fp6.mulByFp2(t, A, f, fi, line, a);
    fp6.mulBy01(t, B, f, fi + C1, line, b, c);
    Fp6Limbs.add(t, C, f, fi, f, fi + C1);
    Fp2Limbs.add(t, LINE, line, a, line, b);
    Fp2Limbs.copy(t, LINE + Fp2Limbs.SIZE, line, c);
    fp6.mulBy01(f, fi + C1, t, C, t, LINE, LINE + Fp2Limbs.SIZE);
    Fp6Limbs.sub2(f, fi + C1, f, fi + C1, t, A, t, B);
    fp6.mulByV(t, B, t, B);
    Fp6Limbs.add(f, fi, t, A, t, B);
  }

  /**
   * f ← f·ℓ1·ℓ2 for two lines of the shape of {@link #mulByLine}, each stored as a, b, c in
   * consecutive F_p2 slots of {@code line}. The product of the lines, (a1a2 + ξc1c2) + (a1b2 +
   * a2b1)·w + b1b2·w² + (a1c2 + a2c1)·w³ + (b1c2 + b2c1)·w⁴, takes six F_p2 products (Karatsuba,
   * reduced once per coefficient) and has no w⁵ term, so multiplying it into f takes 17: 23 in all
   * instead of the 26 of two {@link #mulByLine}. The Miller loop pairs its lines this way.
   */
  void mulByLines(long[] f, int fi, long[] line, int l1, int l2) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    Fp6Limbs fp6 = this.fp6;
    int f2 = Fp2Limbs.SIZE;
    // The product g = g0 + g1·w of the lines: g0 = (x0, x2, x4) into D, g1 = (x1, x3, 0) into LINE.
    fp2.mulWide(t, WX, line, l1, line, l2);
    fp2.mulWide(t, WY, line, l1 + f2, line, l2 + f2);
    fp2.mulWide(t, WS, line, l1 + 2 * f2, line, l2 + 2 * f2);
    lineCross(line, l1, l2, 0, f2, WX, WY, LINE); // x1
    lineCross(line, l1, l2, 0, 2 * f2, WX, WS, LINE + f2); // x3
    lineCross(line, l1, l2, f2, 2 * f2, WY, WS, D + 2 * f2); // x4
    Fp2Limbs.redc(t, D + f2, t, WY); // x2
    Fp2Limbs.mulByXiWide(t, WS);
    Fp2Limbs.addWide(t, WS, t, WS, t, WX);
    Fp2Limbs.redc(t, D, t, WS); // x0
    // f·g = (f0g0 + v·f1g1) + ((f0 + f1)(g0 + g1) - f0g0 - f1g1)·w
    fp6.mul(t, A, f, fi, t, D);
    fp6.mulBy01(t, B, f, fi + C1, t, LINE, LINE + f2);
    Fp6Limbs.add(t, C, f, fi, f, fi + C1);
    Fp2Limbs.add(t, D, t, D, t, LINE);
    Fp2Limbs.add(t, D + f2, t, D + f2, t, LINE + f2);
    fp6.mul(f, fi + C1, t, C, t, D);
    Fp6Limbs.sub2(f, fi + C1, f, fi + C1, t, A, t, B);
    fp6.mulByV(t, B, t, B);
    Fp6Limbs.add(f, fi, t, A, t, B);
  }

  /**
   * Writes u1v2 + u2v1 = (u1 + v1)(u2 + v2) - u1u2 - v1v2 for the coefficients at offsets u and v
   * of the two lines, given the double-width products u1u2 and v1v2 at wu and wv.
   */
  private void lineCross(long[] line, int l1, int l2, int u, int v, int wu, int wv, int r) {
    long[] t = this.t;
    Fp2Limbs.addLazy(t, SUM, line, l1 + u, line, l1 + v);
    Fp2Limbs.addLazy(t, SQ0, line, l2 + u, line, l2 + v);
    fp2.mulWide(t, WT, t, SUM, t, SQ0);
    Fp2Limbs.sub2Wide(t, WT, t, WT, t, wu, t, wv);
    Fp2Limbs.redc(t, r, t, WT);
  }

  /**
   * r ← a² for a in the cyclotomic subgroup (order dividing p⁴ - p² + 1, as after the easy part of
   * the final exponentiation), by Granger and Scott: nine F_p2 squarings instead of 12 F_p2
   * products. View F_p12 as F_p4[w]/(w³ - s) with s = w³, s² = ξ, and write a = A + B·w + C·w²
   * where A, B, C in F_p4 hold the coefficients of (w⁰, w³), (w¹, w⁴) and (w², w⁵). Then
   *
   * <pre>a² = (3A² - 2Ā) + (3sC² + 2B̄)·w + (3B² - 2C̄)·w²</pre>
   *
   * where the bar negates the s part.
   */
  void cyclotomicSquare(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    // A² from (w⁰, w³), then A' = 3A² - 2Ā into w⁰ and w³.
    squareInFp4(a, ai + W[0], ai + W[3]);
    Fp2Limbs.linear(t, N + W[0], t, SQ0, 3, a, ai + W[0], -2);
    Fp2Limbs.linear(t, N + W[3], t, SQ1, 3, a, ai + W[3], 2);
    // C² from (w², w⁵), then B' = 3sC² + 2B̄ into w¹ and w⁴, where s·(x + ys) = ξy + x·s.
    squareInFp4(a, ai + W[2], ai + W[5]);
    fp2.mulByXi(t, SQ1, t, SQ1);
    Fp2Limbs.linear(t, N + W[1], t, SQ1, 3, a, ai + W[1], 2);
    Fp2Limbs.linear(t, N + W[4], t, SQ0, 3, a, ai + W[4], -2);
    // B² from (w¹, w⁴), then C' = 3B² - 2C̄ into w² and w⁵.
    squareInFp4(a, ai + W[1], ai + W[4]);
    Fp2Limbs.linear(t, N + W[2], t, SQ0, 3, a, ai + W[2], -2);
    Fp2Limbs.linear(t, N + W[5], t, SQ1, 3, a, ai + W[5], 2);
    System.arraycopy(t, N, r, ri, SIZE);
  }

  /**
   * (x + y·s)² = (x² + ξy²) + ((x + y)² - x² - y²)·s into SQ0 and SQ1, the three squares kept
   * double-width so that two reductions per coefficient become one.
   */
  private void squareInFp4(long[] a, int x, int y) {
    long[] t = this.t;
    Fp2Limbs fp2 = this.fp2;
    fp2.squareWide(t, WX, a, x);
    fp2.squareWide(t, WY, a, y);
    Fp2Limbs.add(t, SUM, a, x, a, y);
    fp2.squareWide(t, WS, t, SUM);
    Fp2Limbs.sub2Wide(t, WS, t, WS, t, WX, t, WY);
    Fp2Limbs.redc(t, SQ1, t, WS);
    Fp2Limbs.mulByXiWide(t, WY);
    Fp2Limbs.addWide(t, WX, t, WX, t, WY);
    Fp2Limbs.redc(t, SQ0, t, WX);
  }

  /**
   * r ← a^(p^j) for j = 1, 2 or 3: each coefficient of w^k conjugated j times (conjugation is the
   * p-power map on F_p2) and scaled by a constant.
   */
  void frobenius(long[] r, int ri, long[] a, int ai, int j) {
    long[][] gamma = FROBENIUS[j - 1];
    for (int k = 0; k < 6; k++) {
      int rk = ri + W[k];
      int ak = ai + W[k];
      if (j == 2) {
        Fp2Limbs.mulByFp(r, rk, a, ak, gamma[k], 0);
      } else {
        Fp2Limbs.conjugate(r, rk, a, ak);
        if (k != 0) {
          fp2.mul(r, rk, r, rk, gamma[k], 0);
        }
      }
    }
  }

  /** r ← a^(p⁶) = c0 - c1·w, which is a⁻¹ once a lies in the cyclotomic subgroup. */
  static void conjugate(long[] r, int ri, long[] a, int ai) {
    Fp6Limbs.copy(r, ri, a, ai);
    Fp6Limbs.neg(r, ri + C1, a, ai + C1);
  }

  /** r ← a⁻¹ = (c0 - c1·w)/(c0² - v·c1²), for a ≠ 0. */
  void inverse(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    Fp6Limbs fp6 = this.fp6;
    fp6.square(t, A, a, ai);
    fp6.square(t, B, a, ai + C1);
    fp6.mulByV(t, B, t, B);
    Fp6Limbs.sub(t, A, t, A, t, B);
    fp6.inverse(t, A, t, A);
    fp6.mul(r, ri, a, ai, t, A);
    fp6.mul(r, ri + C1, a, ai + C1, t, A);
    Fp6Limbs.neg(r, ri + C1, r, ri + C1);
  }

  static void copy(long[] r, int ri, long[] a, int ai) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  static void setOne(long[] r, int ri) {
    java.util.Arrays.fill(r, ri, ri + SIZE, 0);
    FpLimbs.copy(r, ri, FpLimbs.ONE, 0);
  }

  static boolean isOne(long[] a, int ai) {
    if (!FpLimbs.equal(a, ai, FpLimbs.ONE, 0)) {
      return false;
    }
    for (int i = FpLimbs.SIZE; i < SIZE; i += FpLimbs.SIZE) {
      if (!FpLimbs.isZero(a, ai + i)) {
        return false;
      }
    }
    return true;
  }

  static void set(long[] r, int ri, Fp12 v) {
    Fp6Limbs.set(r, ri, v.c0);
    Fp6Limbs.set(r, ri + C1, v.c1);
  }

  static Fp12 get(long[] a, int ai) {
    return new Fp12(Fp6Limbs.get(a, ai), Fp6Limbs.get(a, ai + C1));
  }
}
