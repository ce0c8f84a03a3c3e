package org.linden.evm.precompile.bls12381;

import java.math.BigInteger;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * BLS12_MAP_FP2_TO_G2's map: the simplified SWU map onto a curve E' isogenous to G2's twist,
 * the 3-isogeny from E' to E, then cofactor clearing (RFC 9380 sections 6.6.2, 6.6.3, 7 with
 * the BLS12-381 G2 suite parameters of section 8.8.2 and appendix E.3). No hashing: the
 * precompile's input is already the field element u.
 *
 * <p>As for G1, blst lacks an un-hashed map, so the map is computed here and blst multiplies by
 * h_eff, which RFC 9380 allows as the cofactor-clearing method.
 */
final class MapToG2 {
  /** E': y^2 = x^3 + A'x + B' with A' = 240·i and B' = 1012·(1 + i). */
  private static final Fp2 A = Fp2.of(0, 240);

  private static final Fp2 B = Fp2.of(1012, 1012);
  private static final Fp2 Z = Fp2.of(-2, -1);
  private static final Fp2 MINUS_B_OVER_A = B.negate().multiply(A.inverse());
  /** x1 for the exceptional inputs where Z^2 u^4 + Z u^2 = 0. */
  private static final Fp2 B_OVER_ZA = B.multiply(Z.multiply(A).inverse());

  /** The effective cofactor of G2 (RFC 9380 section 8.8.2). */
  static final BigInteger H_EFF =
      new BigInteger(
          "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551",
          16);

  /** x numerator, k_(1,0) .. k_(1,3). */
  private static final Fp2[] X_NUM = {
    Fp2.ofHex(
        "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6",
        "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
    Fp2.ofHex(
        "0",
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
    Fp2.ofHex(
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e",
        "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
    Fp2.ofHex(
        "171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1",
        "0")
  };

  /** x denominator, k_(2,0), k_(2,1), then the leading 1. */
  private static final Fp2[] X_DEN = {
    Fp2.ofHex(
        "0",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
    Fp2.ofHex(
        "c",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
    Fp2.ONE
  };

  /** y numerator, k_(3,0) .. k_(3,3). */
  private static final Fp2[] Y_NUM = {
    Fp2.ofHex(
        "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706",
        "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
    Fp2.ofHex(
        "0",
        "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
    Fp2.ofHex(
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c",
        "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
    Fp2.ofHex(
        "124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10",
        "0")
  };

  /** y denominator, k_(4,0) .. k_(4,2), then the leading 1. */
  private static final Fp2[] Y_DEN = {
    Fp2.ofHex(
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
    Fp2.ofHex(
        "0",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
    Fp2.ofHex(
        "12",
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
    Fp2.ONE
  };

  private MapToG2() {}

  /** An affine point; a null point stands for the identity. */
  record Point(Fp2 x, Fp2 y) {}

  /** The full precompile map: a point of the order-q subgroup G2. */
  static P2 map(Fp2 u) {
    Point q = mapToCurve(u);
    if (q == null) {
      return new P2();
    }
    // blst's serialization puts the imaginary part of each coordinate first.
    byte[] raw = new byte[4 * Fp.BYTES];
    q.x().c1.toBytes(raw, 0);
    q.x().c0.toBytes(raw, Fp.BYTES);
    q.y().c1.toBytes(raw, 2 * Fp.BYTES);
    q.y().c0.toBytes(raw, 3 * Fp.BYTES);
    return new P2(new P2_Affine(raw)).mult(H_EFF);
  }

  /** map_to_curve: SWU onto E' followed by the isogeny to E, before cofactor clearing. */
  static Point mapToCurve(Fp2 u) {
    Point onIsogenous = simpleSwu(u);
    return isoMap(onIsogenous.x(), onIsogenous.y());
  }

  /** RFC 9380 map_to_curve_simple_swu, straight-line version of section 6.6.2. */
  static Point simpleSwu(Fp2 u) {
    Fp2 zu2 = Z.multiply(u.square());
    Fp2 tv1 = zu2.square().add(zu2).inverse();
    Fp2 x1 = tv1.isZero() ? B_OVER_ZA : MINUS_B_OVER_A.multiply(Fp2.ONE.add(tv1));
    Fp2 x = x1;
    Fp2 y = curveRhs(x1).sqrt();
    if (y == null) {
      x = zu2.multiply(x1);
      y = curveRhs(x).sqrt();
    }
    if (y == null) {
      // Impossible: Z is chosen so that one of g(x1), g(x2) is always a square.
      throw new IllegalStateException("SWU map found no square for u = " + u);
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.negate();
    }
    return new Point(x, y);
  }

  /** The 3-isogeny E' → E; a vanishing denominator maps to the identity (null). */
  static Point isoMap(Fp2 x, Fp2 y) {
    Fp2 xDen = horner(X_DEN, x);
    Fp2 yDen = horner(Y_DEN, x);
    if (xDen.isZero() || yDen.isZero()) {
      return null;
    }
    Fp2 isoX = horner(X_NUM, x).multiply(xDen.inverse());
    Fp2 isoY = y.multiply(horner(Y_NUM, x)).multiply(yDen.inverse());
    return new Point(isoX, isoY);
  }

  private static Fp2 curveRhs(Fp2 x) {
    return x.square().add(A).multiply(x).add(B);
  }

  /** Evaluates sum(k[i] x^i). */
  private static Fp2 horner(Fp2[] k, Fp2 x) {
    Fp2 acc = k[k.length - 1];
    for (int i = k.length - 2; i >= 0; i--) {
      acc = acc.multiply(x).add(k[i]);
    }
    return acc;
  }
}
