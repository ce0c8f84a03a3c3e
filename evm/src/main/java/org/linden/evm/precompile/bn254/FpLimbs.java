package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * F_p arithmetic in place for the pairing: an element is five limbs of 52 bits at an offset of a
 * {@code long[]}, in Montgomery form with R = 2^260 (a value x is stored as x·R mod p).
 *
 * <p>Why not the four 64-bit limbs of {@link Fp}: Java has no add-with-carry, so every 64-bit limb
 * addition needs its carry recomputed, either with a compare that the JIT may turn into a branch —
 * mispredicted half the time on field elements — or with five extra bit operations. With 52-bit
 * limbs in 64-bit words there is room to add many partial products before any carry has to be
 * propagated, and propagating it is a shift and a mask: nothing in here branches on data.
 *
 * <p>The representation is redundant, which makes additions almost free:
 *
 * <ul>
 *   <li>A stored element ("reduced" below) has a value below 2p, not necessarily below p, and limbs
 *       that may exceed 52 bits or be negative by a few bits (|limb| < 2^54); only the value counts.
 *   <li>{@link #mul} accepts operands with values below 8p (so sums of a few reduced elements go in
 *       as they are) and returns a reduced element.
 *   <li>Additions and subtractions of reduced elements end with one cheap reduction back below 2p
 *       ({@link #reduce}); the {@code Lazy} variants skip it, for operands of {@link #mul} only.
 *   <li>Only {@link #isZero}, {@link #equal} and the conversion to {@link Fp} need the unique
 *       residue below p.
 * </ul>
 *
 * <p>Every method reads all its operands before it writes the result, so the result may overlap an
 * operand.
 */
final class FpLimbs {
  /** Limbs per element. */
  static final int SIZE = 5;

  private static final long MASK = (1L << 52) - 1;

  static final long P0;
  static final long P1;
  static final long P2;
  static final long P3;
  static final long P4;

  // The limbs of p shifted to the top of the word. For x, y below 2^52, unsignedMultiplyHigh(x << 12,
  // y) is x·y >> 52 and ((x << 12)·y) >>> 12 is x·y mod 2^52: both halves of a limb product come
  // from the same two operands, which measured a quarter faster than taking the low half as x·y & MASK.
  private static final long Q0;
  private static final long Q1;
  private static final long Q2;
  private static final long Q3;
  private static final long Q4;

  /** -p^-1 mod 2^52: the multiplier that clears the low limb in each Montgomery round. */
  private static final long INV;

  /**
   * {@code k·p} for k = 0..63 as normalized limbs, and for each value of the top bits of a value
   * below 64p (the value >> 250) the largest k with k·p at most any value with those top bits.
   * 2^250 is less than p/12, so subtracting that multiple leaves less than p + 2^250 < 2p.
   */
  private static final long[] MULTIPLES = new long[64 * SIZE];

  private static final byte[] QUOTIENT_BY_TOP = new byte[1024];

  /** 2p in limbs, added before subtracting a reduced element so that values stay non-negative. */
  private static final long[] TWO_P;

  /** 2^264 mod p and 2^256 mod p: multipliers that move between R = 2^256 ({@link Fp}) and 2^260. */
  private static final long[] FROM_FP;

  private static final long[] TO_FP;

  /** The Montgomery form of 1, R mod p. */
  static final long[] ONE;

  /** Columns of a double-width value (see {@link #mulWide}). */
  static final int WIDE = 2 * SIZE;

  /**
   * 128p² in normalized columns: {@link #redc} adds it so that double-width values down to -128p²
   * come out right; a multiple of p changes nothing modulo p.
   */
  private static final long[] WIDE_OFFSET;

  static {
    BigInteger p = Fp.MODULUS;
    long[] pl = limbsOf(p);
    P0 = pl[0];
    P1 = pl[1];
    P2 = pl[2];
    P3 = pl[3];
    P4 = pl[4];
    Q0 = P0 << 12;
    Q1 = P1 << 12;
    Q2 = P2 << 12;
    Q3 = P3 << 12;
    Q4 = P4 << 12;
    long inv = 1;
    for (int i = 0; i < 6; i++) {
      inv *= 2 - P0 * inv; // Newton: each step doubles the number of correct low bits
    }
    INV = -inv & MASK;
    for (int k = 0; k < 64; k++) {
      System.arraycopy(limbsOf(p.multiply(BigInteger.valueOf(k))), 0, MULTIPLES, k * SIZE, SIZE);
    }
    for (int top = 0; top < QUOTIENT_BY_TOP.length; top++) {
      int k = BigInteger.valueOf(top).shiftLeft(250).divide(p).intValue();
      QUOTIENT_BY_TOP[top] = (byte) Math.min(63, k);
    }
    TWO_P = limbsOf(p.shiftLeft(1));
    FROM_FP = limbsOf(BigInteger.ONE.shiftLeft(264).mod(p));
    TO_FP = limbsOf(BigInteger.ONE.shiftLeft(256).mod(p));
    ONE = limbsOf(BigInteger.ONE.shiftLeft(260).mod(p));
    BigInteger offset = p.multiply(p).shiftLeft(7);
    WIDE_OFFSET = new long[WIDE];
    for (int i = 0; i < WIDE; i++) {
      WIDE_OFFSET[i] = offset.shiftRight(52 * i).longValue() & MASK;
    }
  }

  private FpLimbs() {}

  /** The normalized 52-bit limbs of a non-negative number below 2^260. */
  static long[] limbsOf(BigInteger v) {
    long[] l = new long[SIZE];
    for (int i = 0; i < SIZE; i++) {
      l[i] = v.shiftRight(52 * i).longValue() & MASK;
    }
    return l;
  }

  /** The value of the limbs as a number (not reduced, Montgomery factor included), for tests. */
  static BigInteger valueOf(long[] a, int ai) {
    BigInteger v = BigInteger.ZERO;
    for (int i = SIZE - 1; i >= 0; i--) {
      v = v.shiftLeft(52).add(BigInteger.valueOf(a[ai + i]));
    }
    return v;
  }

  /**
   * r ← a·b·R^-1 mod p, the Montgomery product, for operands with values below 8p; the result is
   * reduced (below 2p). Coarsely integrated operand scanning in radix 2^52: each round adds a·b_i
   * and m·p, where m makes the low limb vanish, and shifts down one limb. A limb receives at most
   * four partial products of 52 bits per round, so over five rounds none exceeds 2^57, and carries
   * are propagated only once at the end. The result (a·b + M·p)/R is below 64p²/R + p < 2p because
   * p < R/64.
   */
  static void mul(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    long a0 = a[ai];
    long a1 = a[ai + 1];
    long a2 = a[ai + 2];
    long a3 = a[ai + 3];
    long a4 = a[ai + 4];
    long b0 = b[bi];
    long b1 = b[bi + 1];
    long b2 = b[bi + 2];
    long b3 = b[bi + 3];
    long b4 = b[bi + 4];
    // Normalize the operands: the products below need limbs of exactly 52 bits. Arithmetic shifts
    // carry negative limbs correctly; the values are non-negative, so the top limbs end up so.
    a1 += a0 >> 52;
    a0 &= MASK;
    a2 += a1 >> 52;
    a1 &= MASK;
    a3 += a2 >> 52;
    a2 &= MASK;
    a4 += a3 >> 52;
    a3 &= MASK;
    b1 += b0 >> 52;
    b0 &= MASK;
    b2 += b1 >> 52;
    b1 &= MASK;
    b3 += b2 >> 52;
    b2 &= MASK;
    b4 += b3 >> 52;
    b3 &= MASK;
    long s0 = a0 << 12;
    long s1 = a1 << 12;
    long s2 = a2 << 12;
    long s3 = a3 << 12;
    long s4 = a4 << 12;
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    long t4 = 0;
    long t5 = 0;
    for (int i = 0; i < 5; i++) {
      long y = i == 0 ? b0 : i == 1 ? b1 : i == 2 ? b2 : i == 3 ? b3 : b4;
      t0 += (s0 * y) >>> 12;
      t1 += Math.unsignedMultiplyHigh(s0, y);
      t1 += (s1 * y) >>> 12;
      t2 += Math.unsignedMultiplyHigh(s1, y);
      t2 += (s2 * y) >>> 12;
      t3 += Math.unsignedMultiplyHigh(s2, y);
      t3 += (s3 * y) >>> 12;
      t4 += Math.unsignedMultiplyHigh(s3, y);
      t4 += (s4 * y) >>> 12;
      t5 += Math.unsignedMultiplyHigh(s4, y);
      long m = t0 * INV & MASK;
      t0 += (Q0 * m) >>> 12;
      t1 += Math.unsignedMultiplyHigh(Q0, m);
      t1 += (Q1 * m) >>> 12;
      t2 += Math.unsignedMultiplyHigh(Q1, m);
      t2 += (Q2 * m) >>> 12;
      t3 += Math.unsignedMultiplyHigh(Q2, m);
      t3 += (Q3 * m) >>> 12;
      t4 += Math.unsignedMultiplyHigh(Q3, m);
      t4 += (Q4 * m) >>> 12;
      t5 += Math.unsignedMultiplyHigh(Q4, m);
      // The low 52 bits of t0 are now zero: drop them, keeping what carries out.
      t0 = t1 + (t0 >>> 52);
      t1 = t2;
      t2 = t3;
      t3 = t4;
      t4 = t5;
      t5 = 0;
    }
    t1 += t0 >>> 52;
    t0 &= MASK;
    t2 += t1 >>> 52;
    t1 &= MASK;
    t3 += t2 >>> 52;
    t2 &= MASK;
    t4 += t3 >>> 52;
    t3 &= MASK;
    r[ri] = t0;
    r[ri + 1] = t1;
    r[ri + 2] = t2;
    r[ri + 3] = t3;
    r[ri + 4] = t4;
  }

  /**
   * w ← a·b as a double-width value: ten columns, column k weighing 2^(52k), holding the sums of
   * the partial products without carries (each below 2^56). Operands below 16p. Several such
   * products can be added and subtracted column by column and reduced once by {@link #redc}, which
   * costs half a {@link #mul}: that is the lazy reduction of the F_p2 and F_p6 products.
   */
  static void mulWide(long[] w, int wi, long[] a, int ai, long[] b, int bi) {
    long a0 = a[ai];
    long a1 = a[ai + 1];
    long a2 = a[ai + 2];
    long a3 = a[ai + 3];
    long a4 = a[ai + 4];
    long b0 = b[bi];
    long b1 = b[bi + 1];
    long b2 = b[bi + 2];
    long b3 = b[bi + 3];
    long b4 = b[bi + 4];
    a1 += a0 >> 52;
    a0 &= MASK;
    a2 += a1 >> 52;
    a1 &= MASK;
    a3 += a2 >> 52;
    a2 &= MASK;
    a4 += a3 >> 52;
    a3 &= MASK;
    b1 += b0 >> 52;
    b0 &= MASK;
    b2 += b1 >> 52;
    b1 &= MASK;
    b3 += b2 >> 52;
    b2 &= MASK;
    b4 += b3 >> 52;
    b3 &= MASK;
    long s0 = a0 << 12;
    long s1 = a1 << 12;
    long s2 = a2 << 12;
    long s3 = a3 << 12;
    long s4 = a4 << 12;
    long c0 = 0;
    long c1 = 0;
    long c2 = 0;
    long c3 = 0;
    long c4 = 0;
    long c5 = 0;
    long c6 = 0;
    long c7 = 0;
    long c8 = 0;
    long c9 = 0;
    for (int i = 0; i < 5; i++) {
      long y = i == 0 ? b0 : i == 1 ? b1 : i == 2 ? b2 : i == 3 ? b3 : b4;
      // Row i lands on columns i .. i+5; shifting the accumulators keeps the code one row.
      c0 += (s0 * y) >>> 12;
      c1 += Math.unsignedMultiplyHigh(s0, y) + ((s1 * y) >>> 12);
      c2 += Math.unsignedMultiplyHigh(s1, y) + ((s2 * y) >>> 12);
      c3 += Math.unsignedMultiplyHigh(s2, y) + ((s3 * y) >>> 12);
      c4 += Math.unsignedMultiplyHigh(s3, y) + ((s4 * y) >>> 12);
      c5 += Math.unsignedMultiplyHigh(s4, y);
      long done = c0;
      c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = c4;
      c4 = c5;
      c5 = c6;
      c6 = c7;
      c7 = c8;
      c8 = c9;
      c9 = done;
    }
    // After five rows the columns have rotated by five: c5..c9 hold columns 0..4.
    w[wi] = c5;
    w[wi + 1] = c6;
    w[wi + 2] = c7;
    w[wi + 3] = c8;
    w[wi + 4] = c9;
    w[wi + 5] = c0;
    w[wi + 6] = c1;
    w[wi + 7] = c2;
    w[wi + 8] = c3;
    w[wi + 9] = c4;
  }

  /**
   * r ← w·R^-1 mod p for a double-width value w with -128p² < w < 5000p², its columns (of either
   * sign) below 2^62: Montgomery reduction in radix 2^52, the second half of {@link #mul}, then a
   * {@link #reduce} (the quotient is below 64p). The result is reduced.
   */
  static void redc(long[] r, int ri, long[] w, int wi) {
    long[] o = WIDE_OFFSET;
    long w0 = w[wi] + o[0];
    long w1 = w[wi + 1] + o[1];
    long w2 = w[wi + 2] + o[2];
    long w3 = w[wi + 3] + o[3];
    long w4 = w[wi + 4] + o[4];
    long w5 = w[wi + 5] + o[5];
    long w6 = w[wi + 6] + o[6];
    long w7 = w[wi + 7] + o[7];
    long w8 = w[wi + 8] + o[8];
    long w9 = w[wi + 9] + o[9];
    for (int i = 0; i < 5; i++) {
      // m·p clears the low 52 bits of the lowest column; what is above carries into the next.
      long m = w0 * INV & MASK;
      long low = w0 + ((Q0 * m) >>> 12);
      w0 = w1 + Math.unsignedMultiplyHigh(Q0, m) + ((Q1 * m) >>> 12) + (low >> 52);
      w1 = w2 + Math.unsignedMultiplyHigh(Q1, m) + ((Q2 * m) >>> 12);
      w2 = w3 + Math.unsignedMultiplyHigh(Q2, m) + ((Q3 * m) >>> 12);
      w3 = w4 + Math.unsignedMultiplyHigh(Q3, m) + ((Q4 * m) >>> 12);
      w4 = w5 + Math.unsignedMultiplyHigh(Q4, m);
      w5 = w6;
      w6 = w7;
      w7 = w8;
      w8 = w9;
      w9 = 0;
    }
    reduce(r, ri, w0, w1, w2, w3, w4);
  }

  /** w ← a + b, column by column. */
  static void addWide(long[] w, int wi, long[] a, int ai, long[] b, int bi) {
    for (int i = 0; i < WIDE; i++) {
      w[wi + i] = a[ai + i] + b[bi + i];
    }
  }

  /** w ← a - b, column by column (the value may go negative, down to what {@link #redc} takes). */
  static void subWide(long[] w, int wi, long[] a, int ai, long[] b, int bi) {
    for (int i = 0; i < WIDE; i++) {
      w[wi + i] = a[ai + i] - b[bi + i];
    }
  }

  /** w ← ka·a + kb·b, column by column, for double-width values with normalized columns. */
  static void linearWide(long[] w, int wi, long[] a, int ai, long ka, long[] b, int bi, long kb) {
    for (int i = 0; i < WIDE; i++) {
      w[wi + i] = ka * a[ai + i] + kb * b[bi + i];
    }
  }

  /**
   * Propagates the carries of a double-width value so that every column but the top one is in [0,
   * 2^52): done before multiplying by a constant, so that the columns cannot overflow.
   */
  static void normalizeWide(long[] w, int wi) {
    for (int i = 0; i < WIDE - 1; i++) {
      long c = w[wi + i];
      w[wi + i + 1] += c >> 52;
      w[wi + i] = c & MASK;
    }
  }

  /** r ← a², for a below 8p. */
  static void square(long[] r, int ri, long[] a, int ai) {
    mul(r, ri, a, ai, a, ai);
  }

  /**
   * Stores a value given as five limbs (of any sign, below 2^62 in size) whose value lies in [0,
   * 64p) as a reduced element: the carries are propagated, then the multiple of p that the top
   * bits call for is subtracted.
   */
  static void reduce(long[] r, int ri, long v0, long v1, long v2, long v3, long v4) {
    v1 += v0 >> 52;
    v0 &= MASK;
    v2 += v1 >> 52;
    v1 &= MASK;
    v3 += v2 >> 52;
    v2 &= MASK;
    v4 += v3 >> 52;
    v3 &= MASK;
    // v < 64p < 2^260, so v4 < 2^52 and its top ten bits are v >> 250.
    int k = QUOTIENT_BY_TOP[(int) (v4 >>> 42) & 1023] * SIZE;
    long[] m = MULTIPLES;
    r[ri] = v0 - m[k];
    r[ri + 1] = v1 - m[k + 1];
    r[ri + 2] = v2 - m[k + 2];
    r[ri + 3] = v3 - m[k + 3];
    r[ri + 4] = v4 - m[k + 4];
  }

  /** r ← a + b. */
  static void add(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    reduce(
        r,
        ri,
        a[ai] + b[bi],
        a[ai + 1] + b[bi + 1],
        a[ai + 2] + b[bi + 2],
        a[ai + 3] + b[bi + 3],
        a[ai + 4] + b[bi + 4]);
  }

  /** r ← a + b, not reduced (below 4p): only as an operand of {@link #mul}. */
  static void addLazy(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    r[ri] = a[ai] + b[bi];
    r[ri + 1] = a[ai + 1] + b[bi + 1];
    r[ri + 2] = a[ai + 2] + b[bi + 2];
    r[ri + 3] = a[ai + 3] + b[bi + 3];
    r[ri + 4] = a[ai + 4] + b[bi + 4];
  }

  /** r ← a - b, formed as a + 2p - b so that the value stays non-negative. */
  static void sub(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    long[] q = TWO_P;
    reduce(
        r,
        ri,
        a[ai] - b[bi] + q[0],
        a[ai + 1] - b[bi + 1] + q[1],
        a[ai + 2] - b[bi + 2] + q[2],
        a[ai + 3] - b[bi + 3] + q[3],
        a[ai + 4] - b[bi + 4] + q[4]);
  }

  /** r ← a - b + 2p, not reduced (below 4p): only as an operand of {@link #mul}. */
  static void subLazy(long[] r, int ri, long[] a, int ai, long[] b, int bi) {
    long[] q = TWO_P;
    r[ri] = a[ai] - b[bi] + q[0];
    r[ri + 1] = a[ai + 1] - b[bi + 1] + q[1];
    r[ri + 2] = a[ai + 2] - b[bi + 2] + q[2];
    r[ri + 3] = a[ai + 3] - b[bi + 3] + q[3];
    r[ri + 4] = a[ai + 4] - b[bi + 4] + q[4];
  }

  /** r ← a - b - c. */
  static void sub2(long[] r, int ri, long[] a, int ai, long[] b, int bi, long[] c, int ci) {
    long[] q = TWO_P;
    reduce(
        r,
        ri,
        a[ai] - b[bi] - c[ci] + 2 * q[0],
        a[ai + 1] - b[bi + 1] - c[ci + 1] + 2 * q[1],
        a[ai + 2] - b[bi + 2] - c[ci + 2] + 2 * q[2],
        a[ai + 3] - b[bi + 3] - c[ci + 3] + 2 * q[3],
        a[ai + 4] - b[bi + 4] - c[ci + 4] + 2 * q[4]);
  }

  /** r ← 2a. */
  static void dbl(long[] r, int ri, long[] a, int ai) {
    reduce(r, ri, a[ai] << 1, a[ai + 1] << 1, a[ai + 2] << 1, a[ai + 3] << 1, a[ai + 4] << 1);
  }

  /** r ← -a. */
  static void neg(long[] r, int ri, long[] a, int ai) {
    long[] q = TWO_P;
    reduce(
        r,
        ri,
        q[0] - a[ai],
        q[1] - a[ai + 1],
        q[2] - a[ai + 2],
        q[3] - a[ai + 3],
        q[4] - a[ai + 4]);
  }

  /**
   * r ← ka·a + kb·b for small constants ka ≥ 0 and kb with ka + |kb| ≤ 32, such as 9a ± b for the
   * multiplication by ξ and 3a - 2b in cyclotomic squaring: one reduction for the whole
   * combination (the value stays below 64p). A negative kb adds |kb|·2p to keep it non-negative.
   */
  static void linear(long[] r, int ri, long[] a, int ai, long ka, long[] b, int bi, long kb) {
    long[] q = TWO_P;
    long kq = kb < 0 ? -kb : 0;
    reduce(
        r,
        ri,
        ka * a[ai] + kb * b[bi] + kq * q[0],
        ka * a[ai + 1] + kb * b[bi + 1] + kq * q[1],
        ka * a[ai + 2] + kb * b[bi + 2] + kq * q[2],
        ka * a[ai + 3] + kb * b[bi + 3] + kq * q[3],
        ka * a[ai + 4] + kb * b[bi + 4] + kq * q[4]);
  }

  static void copy(long[] r, int ri, long[] a, int ai) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  static void setZero(long[] r, int ri) {
    java.util.Arrays.fill(r, ri, ri + SIZE, 0);
  }

  /** Stores the canonical form: normalized limbs and a value below p. */
  static void canonicalize(long[] r, int ri, long[] a, int ai) {
    long v0 = a[ai];
    long v1 = a[ai + 1];
    long v2 = a[ai + 2];
    long v3 = a[ai + 3];
    long v4 = a[ai + 4];
    v1 += v0 >> 52;
    v0 &= MASK;
    v2 += v1 >> 52;
    v1 &= MASK;
    v3 += v2 >> 52;
    v2 &= MASK;
    v4 += v3 >> 52;
    v3 &= MASK;
    // v < 2p: subtract p, keep the difference unless it went negative.
    long d0 = v0 - P0;
    long d1 = v1 - P1 + (d0 >> 52);
    long d2 = v2 - P2 + (d1 >> 52);
    long d3 = v3 - P3 + (d2 >> 52);
    long d4 = v4 - P4 + (d3 >> 52);
    long keep = d4 >> 63; // all ones when v < p
    r[ri] = (v0 & keep) | (d0 & MASK & ~keep);
    r[ri + 1] = (v1 & keep) | (d1 & MASK & ~keep);
    r[ri + 2] = (v2 & keep) | (d2 & MASK & ~keep);
    r[ri + 3] = (v3 & keep) | (d3 & MASK & ~keep);
    r[ri + 4] = (v4 & keep) | (d4 & ~keep);
  }

  static boolean isZero(long[] a, int ai) {
    long[] c = new long[SIZE];
    canonicalize(c, 0, a, ai);
    return (c[0] | c[1] | c[2] | c[3] | c[4]) == 0;
  }

  static boolean equal(long[] a, int ai, long[] b, int bi) {
    long[] c = new long[2 * SIZE];
    canonicalize(c, 0, a, ai);
    canonicalize(c, SIZE, b, bi);
    return java.util.Arrays.equals(c, 0, SIZE, c, SIZE, 2 * SIZE);
  }

  /** Writes {@code v} at {@code ri}. */
  static void set(long[] r, int ri, Fp v) {
    // v's limbs are x·2^256 mod p; the Montgomery product with 2^264 makes x·2^260.
    long[] l = new long[SIZE];
    long l0 = v.l0;
    long l1 = v.l1;
    long l2 = v.l2;
    long l3 = v.l3;
    l[0] = l0 & MASK;
    l[1] = (l0 >>> 52 | l1 << 12) & MASK;
    l[2] = (l1 >>> 40 | l2 << 24) & MASK;
    l[3] = (l2 >>> 28 | l3 << 36) & MASK;
    l[4] = l3 >>> 16;
    mul(r, ri, l, 0, FROM_FP, 0);
  }

  /** The element at {@code ai} as an {@link Fp}. */
  static Fp get(long[] a, int ai) {
    long[] l = new long[SIZE];
    mul(l, 0, a, ai, TO_FP, 0);
    canonicalize(l, 0, l, 0);
    return Fp.fromLimbs(
        l[0] | l[1] << 52,
        l[1] >>> 12 | l[2] << 40,
        l[2] >>> 24 | l[3] << 28,
        l[3] >>> 36 | l[4] << 16);
  }
}
