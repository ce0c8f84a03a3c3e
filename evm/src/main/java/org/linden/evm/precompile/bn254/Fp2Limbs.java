package org.linden.evm.precompile.bn254;

/**
 * F_p2 arithmetic in place, on elements stored as two {@link FpLimbs} elements one after the other:
 * the real part c0, then the imaginary part c1 (i² = -1). Values are reduced in the sense of {@link
 * FpLimbs}.
 *
 * <p>An instance owns the scratch space its products need, so it is for one thread; the pairing
 * makes one per call. Results may overlap operands.
 */
final class Fp2Limbs {
  /** Limbs per element. */
  static final int SIZE = 2 * FpLimbs.SIZE;

  /** Columns of a double-width element: a double-width real part, then the imaginary part. */
  static final int WIDE = 2 * FpLimbs.WIDE;

  private static final int C1 = FpLimbs.SIZE;
  private static final int W1 = FpLimbs.WIDE;

  // Scratch slots: two F_p elements, then three double-width F_p values.
  private static final int SA = 0;
  private static final int SB = FpLimbs.SIZE;
  private static final int V0 = 2 * FpLimbs.SIZE;
  private static final int V1 = V0 + FpLimbs.WIDE;
  private static final int PRODUCT = V1 + FpLimbs.WIDE;

  private final long[] t = new long[PRODUCT + WIDE];

  /**
   * r ← a·b by Karatsuba with lazy reduction: three double-width F_p products, and two Montgomery
   * reductions instead of three full products.
   */
  void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    mulWide(t, PRODUCT, a, ai, b, bi);
    redc(r, ri, t, PRODUCT);
  }

  /**
   * w ← a·b as a double-width element, not reduced: real part a0b0 - a1b1 (which may be negative),
   * imaginary part (a0 + a1)(b0 + b1) - a0b0 - a1b1. Operands with components below 4p (sums of two
   * reduced elements); w must not overlap them.
   */
  void mulWide(long[] w, int wi, long[] a, int ai, long[] b, int bi) {
    long[] t = this.t;
    FpLimbs.addLazy(t, SA, a, ai, a, ai + C1);
    FpLimbs.addLazy(t, SB, b, bi, b, bi + C1);
    FpLimbs.mulWide(t, V0, a, ai, b, bi);
    FpLimbs.mulWide(t, V1, a, ai + C1, b, bi + C1);
    FpLimbs.mulWide(w, wi + W1, t, SA, t, SB);
    for (int i = 0; i < FpLimbs.WIDE; i++) {
      long v0 = t[V0 + i];
      long v1 = t[V1 + i];
      w[wi + W1 + i] -= v0 + v1;
      w[wi + i] = v0 - v1;
    }
  }

  /**
   * w ← a² as a double-width element: (a0 + a1)(a0 - a1 + 2p) and 2a0·a1, equal to the square
   * modulo p. a reduced; w must not overlap it.
   */
  void squareWide(long[] w, int wi, long[] a, int ai) {
    long[] t = this.t;
    FpLimbs.addLazy(t, SA, a, ai, a, ai + C1);
    FpLimbs.subLazy(t, SB, a, ai, a, ai + C1);
    FpLimbs.mulWide(w, wi, t, SA, t, SB);
    FpLimbs.addLazy(t, SA, a, ai, a, ai);
    FpLimbs.mulWide(w, wi + W1, t, SA, a, ai + C1);
  }

  /** r ← the reduced element of a double-width one (see {@link FpLimbs#redc}). */
  static void redc(long[] r, int ri, long[] w, int wi) {
    FpLimbs.redc(r, ri, w, wi);
    FpLimbs.redc(r, ri + C1, w, wi + W1);
  }

  /**
   * w ← w·ξ = (9w0 - w1) + (w0 + 9w1)·i for a double-width element, in place, after normalizing
   * its columns so that the multiples cannot overflow.
   */
  static void mulByXiWide(long[] w, int wi) {
    FpLimbs.normalizeWide(w, wi);
    FpLimbs.normalizeWide(w, wi + W1);
    for (int i = 0; i < FpLimbs.WIDE; i++) {
      long x = w[wi + i];
      long y = w[wi + W1 + i];
      w[wi + i] = 9 * x - y;
      w[wi + W1 + i] = x + 9 * y;
    }
  }

  /** w ← a + b for double-width elements. */
  static void addWide(long[] w, int wi, long[] a, int ai, long[] b, int bi) {
    FpLimbs.addWide(w, wi, a, ai, b, bi);
    FpLimbs.addWide(w, wi + W1, a, ai + W1, b, bi + W1);
  }

  /** w ← a - b - c for double-width elements. */
  static void sub2Wide(long[] w, int wi, long[] a, int ai, long[] b, int bi, long[] c, int ci) {
    for (int i = 0; i < WIDE; i++) {
      w[wi + i] = a[ai + i] - b[bi + i] - c[ci + i];
    }
  }

  /** r ← a + b, not reduced: only as an operand of {@link #mulWide}. */
  static void addLazy(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    FpLimbs.addLazy(r, ri, a, ai, b, bi);
    FpLimbs.addLazy(r, ri + C1, a, ai + C1, b, bi + C1);
  }

  /** r ← a² = (a0 + a1)(a0 - a1) + 2a0a1·i: two F_p products. */
  void square(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    FpLimbs.addLazy(t, SA, a, ai, a, ai + C1);
    FpLimbs.subLazy(t, SB, a, ai, a, ai + C1);
    FpLimbs.addLazy(t, V0, a, ai, a, ai);
    FpLimbs.mul(r, ri + C1, t, V0, a, ai + C1);
    FpLimbs.mul(r, ri, t, SA, t, SB);
  }

  /** r ← a·s for s in F_p. */
  static void mulByFp(long[] r, int ri, long[] a, int ai, long[] s, int si) {
    FpLimbs.mul(r, ri, a, ai, s, si);
    FpLimbs.mul(r, ri + C1, a, ai + C1, s, si);
  }

  /** r ← a·ξ with ξ = 9 + i: (9a0 - a1) + (a0 + 9a1)·i, no products. */
  void mulByXi(long[] r, int ri, long[] a, int ai) {
    long[] t = this.t;
    FpLimbs.linear(t, V0, a, ai, 9, a, ai + C1, -1);
    FpLimbs.linear(r, ri + C1, a, ai + C1, 9, a, ai, 1);
    FpLimbs.copy(r, ri, t, V0);
  }

  static void add(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    FpLimbs.add(r, ri, a, ai, b, bi);
    FpLimbs.add(r, ri + C1, a, ai + C1, b, bi + C1);
  }

  static void sub(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    FpLimbs.sub(r, ri, a, ai, b, bi);
    FpLimbs.sub(r, ri + C1, a, ai + C1, b, bi + C1);
  }

  /** r ← a - b - c. */
  static void sub2(long[] r, int ri, long[] a, int ai, long[] b, int bi, long[] c, int ci) {
    FpLimbs.sub2(r, ri, a, ai, b, bi, c, ci);
    FpLimbs.sub2(r, ri + C1, a, ai + C1, b, bi + C1, c, ci + C1);
  }

  static void dbl(long[] r, int ri, long[] a, int ai) {
    FpLimbs.dbl(r, ri, a, ai);
    FpLimbs.dbl(r, ri + C1, a, ai + C1);
  }

  static void neg(long[] r, int ri, long[] a, int ai) {
    FpLimbs.neg(r, ri, a, ai);
    FpLimbs.neg(r, ri + C1, a, ai + C1);
  }

  /** r ← ā = a0 - a1·i, which is also a^p. */
  static void conjugate(long[] r, int ri, long[] a, int ai) {
    FpLimbs.copy(r, ri, a, ai);
    FpLimbs.neg(r, ri + C1, a, ai + C1);
  }

  /** r ← ka·a + kb·b component-wise, for small constants as in {@link FpLimbs#linear}. */
  static void linear(long[] r, int ri, long[] a, int ai, long ka, long[] b, int bi, long kb) {
    FpLimbs.linear(r, ri, a, ai, ka, b, bi, kb);
    FpLimbs.linear(r, ri + C1, a, ai + C1, ka, b, bi + C1, kb);
  }

  static void copy(long[] r, int ri, long[] a, int ai) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  /** Writes {@code v} at {@code ri}. */
  static void set(long[] r, int ri, Fp2 v) {
    FpLimbs.set(r, ri, v.c0);
    FpLimbs.set(r, ri + C1, v.c1);
  }

  /** The element at {@code ai} as an immutable value. */
  static Fp2 get(long[] a, int ai) {
    return new Fp2(FpLimbs.get(a, ai), FpLimbs.get(a, ai + C1));
  }

  /** The element in a new array, for constants. */
  static long[] of(Fp2 v) {
    long[] r = new long[SIZE];
    set(r, 0, v);
    return r;
  }
}
