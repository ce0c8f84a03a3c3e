package org.linden.evm.precompile.bls12381;

import java.math.BigInteger;
import supranational.blst.P2;

/**
 * BLS12_MAP_FP2_TO_G2's map: the simplified SWU map onto a curve E' isogenous to G2's twist,
 * the 3-isogeny from E' to E, then cofactor clearing (RFC 9380 sections 6.6.2, 6.6.3, 7 with
 * the BLS12-381 G2 suite parameters of section 8.8.2 and appendix E.3). No hashing: the
 * precompile's input is already the field element u.
 *
 * <p>As for G1, blst lacks an un-hashed map, so the map is computed here; cofactor clearing
 * uses blst's group operations (see {@link G2Cofactor}).
 */
final class MapToG2 {
  /** E': y^2 = x^3 + A'x + B' with A' = 240·i and B' = 1012·(1 + i). */
  private static final Fp2 A = Fp2.of(0, 240);

  private static final Fp2 B = Fp2.of(1012, 1012);
  private static final Fp2 Z = Fp2.of(-2, -1);
  private static final Fp2 MINUS_B_OVER_A = B.negate().multiply(A.inverse());
  /** x1 for the exceptional inputs where Z^2 u^4 + Z u^2 = 0. */
  private static final Fp2 B_OVER_ZA = B.multiply(Z.multiply(A).inverse());
  /** N(Z) = 5 is not a square in Fp (Z is not a square in Fp2), so -5 is. */
  private static final Fp SQRT_MINUS_NORM_Z = Z.norm().negate().sqrt();

  /** The effective cofactor of G2 (RFC 9380 section 8.8.2); {@link G2Cofactor} multiplies by it. */
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
    return G2Cofactor.clear(new P2(Encoding.toBlst(q.x(), q.y())));
  }

  /** map_to_curve: SWU onto E' followed by the isogeny to E, before cofactor clearing. */
  static Point mapToCurve(Fp2 u) {
    Point onIsogenous = simpleSwu(u);
    return isoMap(onIsogenous.x(), onIsogenous.y());
  }

  /**
   * RFC 9380 map_to_curve_simple_swu (section 6.6.2) over Fp2. Squares in Fp2 are recognised
   * through their norms in Fp: one exponentiation gives a candidate root r of N(g(x1)). If
   * g(x1) is not a square, r^2 = -N(g(x1)), and since g(x2) = (Z·u^2)^3·g(x1) with
   * N(Z·u^2) = 5·N(u)^2, a root of N(g(x2)) is N(Z·u^2)·N(u)·sqrt(-5)·r, so the second
   * candidate needs no second exponentiation before the final root.
   */
  static Point simpleSwu(Fp2 u) {
    Fp2 t = Z.multiply(u.square());
    Fp2 tv = t.square().add(t);
    // tv = 0 only for u = 0 here (u^2 = -1/Z has no solution: -1 is a square in Fp2 but Z is
    // not); RFC 9380 then uses x1 = B / (Z A), whose g(x1) is square.
    Fp2 x1 = tv.isZero() ? B_OVER_ZA : MINUS_B_OVER_A.multiply(Fp2.ONE.add(tv.inverse()));
    Fp2 gx1 = curveRhs(x1);
    Fp n1 = gx1.norm();
    Fp r = n1.sqrtCandidate();
    Fp2 x;
    Fp2 y;
    if (r.square().equals(n1)) {
      x = x1;
      y = root(gx1, r);
    } else {
      x = t.multiply(x1);
      Fp2 gx2 = gx1.multiply(t.square().multiply(t));
      y = root(gx2, t.norm().multiply(u.norm()).multiply(SQRT_MINUS_NORM_Z).multiply(r));
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.negate();
    }
    return new Point(x, y);
  }

  /** The root of square {@code a} given a root of its norm. */
  private static Fp2 root(Fp2 a, Fp normRoot) {
    return a.c1.isZero() ? a.sqrt() : a.sqrtGivenNormRoot(normRoot);
  }

  /** The 3-isogeny E' → E; a vanishing denominator maps to the identity (null). */
  static Point isoMap(Fp2 x, Fp2 y) {
    Fp2 xDen = horner(X_DEN, x);
    Fp2 yDen = horner(Y_DEN, x);
    if (xDen.isZero() || yDen.isZero()) {
      return null;
    }
    // One inversion serves both denominators.
    Fp2 inverse = xDen.multiply(yDen).inverse();
    Fp2 isoX = horner(X_NUM, x).multiply(yDen).multiply(inverse);
    Fp2 isoY = y.multiply(horner(Y_NUM, x)).multiply(xDen).multiply(inverse);
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
