package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * f ← f^((p¹² - 1)/r) on limb arrays, split as (p⁶ - 1)(p² + 1) — the easy part, a conjugation, an
 * inversion and a Frobenius map — times (p⁴ - p² + 1)/r, the hard part.
 *
 * <p>For the hard part we use the addition chain of Scott, Benger, Charlemagne, Dominguez Perez and
 * Kachisa ("On the final exponentiation for calculating pairings on ordinary elliptic curves",
 * 2009), which writes the exponent in base p as λ3·p³ + λ2·p² + λ1·p + λ0 with λ3 = 1, λ2 = 6u² +
 * 1, λ1 = -36u³ - 18u² - 12u + 1, λ0 = -36u³ - 30u² - 18u - 2, so only three exponentiations by u
 * remain. After the easy part f lies in the cyclotomic subgroup, where inversion is conjugation and
 * squaring has the cheaper formula of {@link Fp12Limbs#cyclotomicSquare}.
 *
 * <p>One instance serves one computation on one thread.
 */
final class FinalExponentiation {
  // F_p12 slots in w[].
  private static final int T = 0;
  private static final int FU = Fp12Limbs.SIZE;
  private static final int FU2 = 2 * Fp12Limbs.SIZE;
  private static final int FU3 = 3 * Fp12Limbs.SIZE;
  private static final int Y0 = 4 * Fp12Limbs.SIZE;
  private static final int Y1 = 5 * Fp12Limbs.SIZE;
  private static final int Y2 = 6 * Fp12Limbs.SIZE;
  private static final int Y3 = 7 * Fp12Limbs.SIZE;
  private static final int Y4 = 8 * Fp12Limbs.SIZE;
  private static final int Y5 = 9 * Fp12Limbs.SIZE;
  private static final int Y6 = 10 * Fp12Limbs.SIZE;
  private static final int U = 11 * Fp12Limbs.SIZE;
  private static final int V = 12 * Fp12Limbs.SIZE;
  // The odd powers a, a³, a⁵, a⁷ of the base of powU, then their inverses.
  private static final int POWERS = 13 * Fp12Limbs.SIZE;
  private static final int INVERSES = POWERS + 4 * Fp12Limbs.SIZE;

  /**
   * u in width-4 non-adjacent form, least significant digit first: digits 0, ±1, ±3, ±5, ±7, at
   * most one non-zero digit in any four consecutive ones — 14 non-zero digits where the plain
   * non-adjacent form has 24.
   */
  static final byte[] U_WNAF = Pairing.naf(BigInteger.valueOf(Pairing.U), 4);

  private final Fp12Limbs fp12;
  private final long[] w = new long[INVERSES + 4 * Fp12Limbs.SIZE];

  FinalExponentiation(Fp12Limbs fp12) {
    this.fp12 = fp12;
  }

  /** f ← f^((p¹² - 1)/r) for the element at {@code fi}; f must not be zero. */
  void apply(long[] f, int fi) {
    long[] w = this.w;
    Fp12Limbs fp12 = this.fp12;
    // Easy part: t = f^(p⁶ - 1) = conj(f)/f, then t ← t^(p² + 1).
    fp12.inverse(w, U, f, fi);
    Fp12Limbs.conjugate(w, T, f, fi);
    fp12.mul(w, T, w, T, w, U);
    fp12.frobenius(w, U, w, T, 2);
    fp12.mul(w, T, w, T, w, U);

    // Hard part: t^(λ0 + λ1 p + λ2 p² + p³) = y0 · y1² · y2⁶ · y3¹² · y4¹⁸ · y5³⁰ · y6³⁶.
    powU(w, FU, w, T);
    powU(w, FU2, w, FU);
    powU(w, FU3, w, FU2);
    // y0 = t^(p + p² + p³)
    fp12.frobenius(w, Y0, w, T, 1);
    fp12.frobenius(w, U, w, T, 2);
    fp12.mul(w, Y0, w, Y0, w, U);
    fp12.frobenius(w, U, w, T, 3);
    fp12.mul(w, Y0, w, Y0, w, U);
    // y1 = t^-1, y2 = t^(u² p²), y3 = t^(-u p)
    Fp12Limbs.conjugate(w, Y1, w, T);
    fp12.frobenius(w, Y2, w, FU2, 2);
    fp12.frobenius(w, Y3, w, FU, 1);
    Fp12Limbs.conjugate(w, Y3, w, Y3);
    // y4 = t^(-u - u² p), y5 = t^(-u²), y6 = t^(-u³ - u³ p)
    fp12.frobenius(w, Y4, w, FU2, 1);
    fp12.mul(w, Y4, w, Y4, w, FU);
    Fp12Limbs.conjugate(w, Y4, w, Y4);
    Fp12Limbs.conjugate(w, Y5, w, FU2);
    fp12.frobenius(w, Y6, w, FU3, 1);
    fp12.mul(w, Y6, w, Y6, w, FU3);
    Fp12Limbs.conjugate(w, Y6, w, Y6);

    // U = y6²·y4·y5, V = y3·y5·U, U ← U·y2, V ← (V²·U)², U ← V·y1, V ← V·y0, f = U²·V.
    fp12.cyclotomicSquare(w, U, w, Y6);
    fp12.mul(w, U, w, U, w, Y4);
    fp12.mul(w, U, w, U, w, Y5);
    fp12.mul(w, V, w, Y3, w, Y5);
    fp12.mul(w, V, w, V, w, U);
    fp12.mul(w, U, w, U, w, Y2);
    fp12.cyclotomicSquare(w, V, w, V);
    fp12.mul(w, V, w, V, w, U);
    fp12.cyclotomicSquare(w, V, w, V);
    fp12.mul(w, U, w, V, w, Y1);
    fp12.mul(w, V, w, V, w, Y0);
    fp12.cyclotomicSquare(w, U, w, U);
    fp12.mul(f, fi, w, U, w, V);
  }

  /**
   * r ← a^u for a in the cyclotomic subgroup, along the width-4 non-adjacent form of u: inversion
   * is free there (conjugation), so negative digits cost what positive ones do, and the table of
   * a, a³, a⁵, a⁷ (one squaring, three products) saves seven of the 23 products of the plain form.
   */
  private void powU(long[] r, int ri, long[] a, int ai) {
    byte[] digits = U_WNAF;
    int size = Fp12Limbs.SIZE;
    Fp12Limbs.copy(w, POWERS, a, ai);
    fp12.cyclotomicSquare(r, ri, a, ai); // a², kept in r until the loop starts
    for (int k = 1; k < 4; k++) {
      fp12.mul(w, POWERS + k * size, w, POWERS + (k - 1) * size, r, ri);
    }
    for (int k = 0; k < 4; k++) {
      Fp12Limbs.conjugate(w, INVERSES + k * size, w, POWERS + k * size);
    }
    int top = digits.length - 1;
    Fp12Limbs.copy(r, ri, w, POWERS + (digits[top] >> 1) * size); // the leading digit is positive
    for (int i = top - 1; i >= 0; i--) {
      fp12.cyclotomicSquare(r, ri, r, ri);
      int d = digits[i];
      if (d > 0) {
        fp12.mul(r, ri, r, ri, w, POWERS + (d >> 1) * size);
      } else if (d < 0) {
        fp12.mul(r, ri, r, ri, w, INVERSES + (-d >> 1) * size);
      }
    }
  }
}
