package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * The optimal ate pairing e: G1 × G2 → μ_r ⊂ F_p12 on BN254, computed as a Miller loop over 6u + 2
 * ({@link MillerLoop}) followed by the final exponentiation to the power (p^12 - 1)/r ({@link
 * FinalExponentiation}), both on limb arrays ({@link Fp12Limbs}) so that the tens of thousands of
 * field operations of a pairing allocate nothing.
 */
final class Pairing {
  /** The BN parameter u; p and r are polynomials in it. */
  static final long U = 0x44e992b44a6909f1L;

  /** The non-adjacent form of 6u + 2, least significant digit first; digits are -1, 0, 1. */
  static final byte[] LOOP_NAF =
      naf(BigInteger.valueOf(U).multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  /** The non-adjacent form of u, for the exponentiations in the final exponentiation. */
  static final byte[] U_NAF = naf(BigInteger.valueOf(U));

  private Pairing() {}

  /** Signed binary digits of n with no two adjacent non-zero, least significant first. */
  static byte[] naf(BigInteger n) {
    return naf(n, 2);
  }

  /**
   * Signed digits of n in width-w non-adjacent form, least significant first: each non-zero digit
   * is odd and below 2^(w-1) in size, and is followed by at least w - 1 zeros. Width 2 is the plain
   * non-adjacent form.
   */
  static byte[] naf(BigInteger n, int width) {
    BigInteger window = BigInteger.ONE.shiftLeft(width);
    int half = 1 << (width - 1);
    byte[] digits = new byte[n.bitLength() + 1];
    int len = 0;
    while (n.signum() > 0) {
      int d = 0;
      if (n.testBit(0)) {
        d = n.mod(window).intValue(); // the odd d in (-half, half) that leaves n - d divisible by 2^w
        if (d >= half) {
          d -= 1 << width;
        }
        n = n.subtract(BigInteger.valueOf(d));
      }
      digits[len++] = (byte) d;
      n = n.shiftRight(1);
    }
    return java.util.Arrays.copyOf(digits, len);
  }

  /** e(P, Q); infinity on either side gives 1. */
  static Fp12 pair(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(new G1Point[] {p}, new G2Point[] {q}));
  }

  /** The outcome of {@link #checkOnTwist}. */
  enum Verdict {
    /** The product of the pairings is 1. */
    ONE,
    /** The product of the pairings is not 1. */
    NOT_ONE,
    /** Some Q_i is not in G2: the input is invalid. */
    Q_NOT_IN_G2
  }

  /**
   * Whether e(P_1, Q_1)·…·e(P_k, Q_k) = 1, for points on their curves; each Q_i must also be in G2,
   * which this checks, mostly on the way (see {@link MillerLoop.Membership}). Pairs with a point at
   * infinity contribute 1.
   */
  static Verdict checkOnTwist(G1Point[] ps, G2Point[] qs) {
    Fp12Limbs fp12 = new Fp12Limbs();
    long[] f = new long[Fp12Limbs.SIZE];
    MillerLoop.Membership[] membership = new MillerLoop(fp12).run(ps, qs, f, 0);
    for (int i = 0; i < qs.length; i++) {
      MillerLoop.Membership m = membership[i];
      if (m == MillerLoop.Membership.NOT_IN_G2
          || m == MillerLoop.Membership.UNDECIDED && !qs[i].isInSubgroup()) {
        return Verdict.Q_NOT_IN_G2;
      }
    }
    new FinalExponentiation(fp12).apply(f, 0);
    return Fp12Limbs.isOne(f, 0) ? Verdict.ONE : Verdict.NOT_ONE;
  }

  /**
   * Whether e(P_1, Q_1)·…·e(P_k, Q_k) = 1, for points on their curves and Q_i in G2 (a Q_i outside
   * G2 gives false). Pairs with a point at infinity contribute 1.
   */
  static boolean check(G1Point[] ps, G2Point[] qs) {
    return checkOnTwist(ps, qs) == Verdict.ONE;
  }

  /** The product of the Miller functions of the pairs, see {@link MillerLoop}. */
  static Fp12 millerLoop(G1Point[] ps, G2Point[] qs) {
    long[] f = new long[Fp12Limbs.SIZE];
    new MillerLoop(new Fp12Limbs()).run(ps, qs, f, 0);
    return Fp12Limbs.get(f, 0);
  }

  /** f^((p^12 - 1)/r), see {@link FinalExponentiation}; f must not be zero. */
  static Fp12 finalExponentiation(Fp12 f) {
    long[] limbs = new long[Fp12Limbs.SIZE];
    Fp12Limbs.set(limbs, 0, f);
    new FinalExponentiation(new Fp12Limbs()).apply(limbs, 0);
    return Fp12Limbs.get(limbs, 0);
  }
}
