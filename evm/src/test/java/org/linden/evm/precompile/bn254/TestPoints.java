package org.linden.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Random;

/** Shared helpers for the BN254 tests: random field elements, points, scalars and encodings. */
final class TestPoints {
  static final BigInteger P = Fp.MODULUS;
  static final BigInteger R =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  private TestPoints() {}

  static BigInteger randomBelow(Random rnd, BigInteger bound) {
    BigInteger v;
    do {
      v = new BigInteger(bound.bitLength(), rnd);
    } while (v.compareTo(bound) >= 0);
    return v;
  }

  static Fp randomFp(Random rnd) {
    return Fp.fromBigInteger(randomBelow(rnd, P));
  }

  static Fp2 randomFp2(Random rnd) {
    return new Fp2(randomFp(rnd), randomFp(rnd));
  }

  static Fp6 randomFp6(Random rnd) {
    return new Fp6(randomFp2(rnd), randomFp2(rnd), randomFp2(rnd));
  }

  static Fp12 randomFp12(Random rnd) {
    return new Fp12(randomFp6(rnd), randomFp6(rnd));
  }

  /** A scalar as the little-endian limbs the point multiplications take. */
  static long[] limbs(BigInteger k) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = k.shiftRight(64 * i).longValue();
    }
    return l;
  }

  static G1Point g1(BigInteger k) {
    return G1Point.GENERATOR.mul(limbs(k));
  }

  static G2Point g2(BigInteger k) {
    return G2Point.GENERATOR.mul(limbs(k));
  }

  /**
   * A square root in F_p2 for p ≡ 3 mod 4 (Adj and Rodríguez-Henríquez, "Square root computation
   * over even extension fields", algorithm 9), or null for a non-square.
   */
  static Fp2 sqrt(Fp2 a) {
    Fp2 a1 = a.pow(P.subtract(BigInteger.valueOf(3)).shiftRight(2));
    Fp2 alpha = a1.square().mul(a);
    Fp2 x0 = a1.mul(a);
    Fp2 minusOne = Fp2.ONE.neg();
    Fp2 x;
    if (alpha.equals(minusOne)) {
      x = new Fp2(Fp.ZERO, Fp.ONE).mul(x0);
    } else {
      x = Fp2.ONE.add(alpha).pow(P.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
    }
    return x.square().equals(a) ? x : null;
  }

  /**
   * A random point on the twist curve, with no effort to land in G2: the twist has r·(2p - r)
   * points, so it lies outside G2 with overwhelming probability.
   */
  static G2Point randomTwistPoint(Random rnd) {
    while (true) {
      Fp2 x = randomFp2(rnd);
      Fp2 y = sqrt(x.square().mul(x).add(G2Point.B));
      if (y != null) {
        return G2Point.fromAffine(x, y);
      }
    }
  }

  static byte[] fp(BigInteger v) {
    byte[] out = new byte[32];
    byte[] be = v.toByteArray();
    int n = Math.min(be.length, 32);
    System.arraycopy(be, be.length - n, out, 32 - n, n);
    return out;
  }

  /** The 64-byte Ethereum encoding of a G1 point. */
  static byte[] encode(G1Point p) {
    byte[] out = new byte[64];
    p.toBytes(out, 0);
    return out;
  }

  /** The 128-byte Ethereum encoding of a G2 point: x.imaginary, x.real, y.imaginary, y.real. */
  static byte[] encode(G2Point q) {
    byte[] out = new byte[128];
    G2Point a = q.toAffine();
    if (a.isInfinity()) {
      return out;
    }
    a.x.c1.toBytes(out, 0);
    a.x.c0.toBytes(out, 32);
    a.y.c1.toBytes(out, 64);
    a.y.c0.toBytes(out, 96);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }
}
