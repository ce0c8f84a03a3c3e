package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point of G1, the curve y^2 = x^3 + 3 over F_p, immutable, in Jacobian coordinates: (X, Y, Z)
 * stands for the affine point (X/Z^2, Y/Z^3) and Z = 0 for the point at infinity. Jacobian
 * coordinates let additions and doublings run without field inversions; only {@link #toAffine} pays
 * one. The curve's group of points has prime order r, so every point on the curve is in G1.
 */
final class G1Point {
  /** The group order r. */
  static final BigInteger ORDER =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  static final Fp B = Fp.of(3);
  static final G1Point INFINITY = new G1Point(Fp.ONE, Fp.ONE, Fp.ZERO);
  static final G1Point GENERATOR = new G1Point(Fp.ONE, Fp.of(2), Fp.ONE);

  final Fp x;
  final Fp y;
  final Fp z;

  private G1Point(Fp x, Fp y, Fp z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The point with affine coordinates (x, y); the caller has checked it is on the curve. */
  static G1Point fromAffine(Fp x, Fp y) {
    return new G1Point(x, y, Fp.ONE);
  }

  static boolean isOnCurve(Fp x, Fp y) {
    return y.square().equals(x.square().mul(x).add(B));
  }

  boolean isInfinity() {
    return z.isZero();
  }

  G1Point neg() {
    return new G1Point(x, y.neg(), z);
  }

  /** Doubling for a = 0 (the "dbl-2009-l" formulas): 2 multiplications, 5 squarings. */
  G1Point dbl() {
    if (isInfinity()) {
      return this;
    }
    Fp a = x.square();
    Fp b = y.square();
    Fp c = b.square();
    Fp d = x.add(b).square().sub(a).sub(c).dbl(); // 4XY^2
    Fp e = a.dbl().add(a); // 3X^2
    Fp x3 = e.square().sub(d.dbl());
    Fp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp z3 = y.mul(z).dbl();
    return new G1Point(x3, y3, z3);
  }

  /**
   * Addition ("add-2007-bl"), complete for this use: it falls back to doubling when both points are
   * equal and returns infinity for opposite points, which those formulas alone would get wrong.
   */
  G1Point add(G1Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    if (o.z.equals(Fp.ONE)) {
      return addAffine(o.x, o.y);
    }
    Fp z1z1 = z.square();
    Fp z2z2 = o.z.square();
    Fp u1 = x.mul(z2z2);
    Fp u2 = o.x.mul(z1z1);
    Fp s1 = y.mul(o.z).mul(z2z2);
    Fp s2 = o.y.mul(z).mul(z1z1);
    Fp h = u2.sub(u1);
    Fp r = s2.sub(s1).dbl();
    if (h.isZero()) {
      return r.isZero() ? dbl() : INFINITY;
    }
    Fp i = h.dbl().square();
    Fp j = h.mul(i);
    Fp v = u1.mul(i);
    Fp x3 = r.square().sub(j).sub(v.dbl());
    Fp y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
    Fp z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
    return new G1Point(x3, y3, z3);
  }

  /**
   * Adds the affine point (x2, y2) ("madd-2007-bl"): with Z2 = 1 several products drop out. This
   * point must not be infinity.
   */
  private G1Point addAffine(Fp x2, Fp y2) {
    Fp z1z1 = z.square();
    Fp u2 = x2.mul(z1z1);
    Fp s2 = y2.mul(z).mul(z1z1);
    Fp h = u2.sub(x);
    Fp r = s2.sub(y).dbl();
    if (h.isZero()) {
      return r.isZero() ? dbl() : INFINITY;
    }
    Fp hh = h.square();
    Fp i = hh.dbl().dbl();
    Fp j = h.mul(i);
    Fp v = x.mul(i);
    Fp x3 = r.square().sub(j).sub(v.dbl());
    Fp y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    Fp z3 = z.add(h).square().sub(z1z1).sub(hh);
    return new G1Point(x3, y3, z3);
  }

  /** φ(P) = (βX, Y, Z) for a cube root of unity β: an endomorphism of the curve. */
  G1Point endomorphism(Fp beta) {
    return new G1Point(x.mul(beta), y, z);
  }

  /**
   * Multiplies by a non-negative scalar of up to 256 bits (little-endian limbs) with the GLV
   * method: [k]P = [k1]P + [k2]φ(P) with k1, k2 of about 128 bits (see {@link Glv}), evaluated
   * together with 4-bit windows, so there are half as many doublings as with plain windows. The
   * inputs are public, so the running time may depend on the scalar.
   */
  G1Point mul(long[] scalar) {
    if (isInfinity()) {
      return this;
    }
    Glv.Split split = Glv.split(scalar);
    G1Point[] t1 = multiplesTable(split.k1Negative() ? neg() : this);
    G1Point[] t2 = new G1Point[16];
    boolean flip = split.k1Negative() != split.k2Negative();
    for (int i = 1; i < 16; i++) {
      G1Point e = t1[i].endomorphism(Glv.BETA);
      t2[i] = flip ? e.neg() : e;
    }
    long[] k1 = split.k1();
    long[] k2 = split.k2();
    int bits = Math.max(bitLength(k1), bitLength(k2));
    G1Point acc = INFINITY;
    for (int w = (bits + 3) / 4 - 1; w >= 0; w--) {
      acc = acc.dbl().dbl().dbl().dbl();
      int n1 = (int) (k1[w >>> 4] >>> ((w & 15) * 4)) & 15;
      int n2 = (int) (k2[w >>> 4] >>> ((w & 15) * 4)) & 15;
      if (n1 != 0) {
        acc = acc.add(t1[n1]);
      }
      if (n2 != 0) {
        acc = acc.add(t2[n2]);
      }
    }
    return acc;
  }

  private static int bitLength(long[] k) {
    for (int i = k.length - 1; i >= 0; i--) {
      if (k[i] != 0) {
        return 64 * i + 64 - Long.numberOfLeadingZeros(k[i]);
      }
    }
    return 0;
  }

  /** P, 2P, …, 15P at indices 1 to 15. */
  private static G1Point[] multiplesTable(G1Point p) {
    G1Point[] table = new G1Point[16];
    table[1] = p;
    for (int i = 2; i < 16; i++) {
      table[i] = (i & 1) == 0 ? table[i >>> 1].dbl() : table[i - 1].add(p);
    }
    return table;
  }

  /**
   * Multiplies by a non-negative scalar given as little-endian 64-bit limbs, with a fixed 4-bit
   * window: 15 precomputed multiples, then four doublings and at most one addition per window.
   * Slower than {@link #mul}; {@link Glv} uses it to set itself up, tests as a reference.
   */
  G1Point mulWindowed(long[] scalar) {
    if (isInfinity()) {
      return this;
    }
    G1Point[] table = multiplesTable(this);
    G1Point acc = INFINITY;
    for (int w = scalar.length * 16 - 1; w >= 0; w--) {
      acc = acc.dbl().dbl().dbl().dbl();
      int nibble = (int) (scalar[w >>> 4] >>> ((w & 15) * 4)) & 15;
      if (nibble != 0) {
        acc = acc.add(table[nibble]);
      }
    }
    return acc;
  }

  /** This point with Z = 1, or {@link #INFINITY}. */
  G1Point toAffine() {
    if (isInfinity()) {
      return INFINITY;
    }
    if (z.equals(Fp.ONE)) {
      return this;
    }
    Fp zInv = z.inverse();
    Fp zInv2 = zInv.square();
    return new G1Point(x.mul(zInv2), y.mul(zInv2).mul(zInv), Fp.ONE);
  }

  /** Writes the Ethereum encoding, x then y as 32-byte big-endian numbers; infinity is (0, 0). */
  void toBytes(byte[] out, int offset) {
    G1Point a = toAffine();
    if (a.isInfinity()) {
      java.util.Arrays.fill(out, offset, offset + 64, (byte) 0);
      return;
    }
    a.x.toBytes(out, offset);
    a.y.toBytes(out, offset + 32);
  }

  /** Equality of the points represented, whatever their Z. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof G1Point q)) {
      return false;
    }
    if (isInfinity() || q.isInfinity()) {
      return isInfinity() && q.isInfinity();
    }
    Fp z1z1 = z.square();
    Fp z2z2 = q.z.square();
    return x.mul(z2z2).equals(q.x.mul(z1z1)) && y.mul(q.z).mul(z2z2).equals(q.y.mul(z).mul(z1z1));
  }

  @Override
  public int hashCode() {
    G1Point a = toAffine();
    return a.isInfinity() ? 0 : a.x.hashCode() * 31 + a.y.hashCode();
  }

  @Override
  public String toString() {
    G1Point a = toAffine();
    return a.isInfinity() ? "G1(infinity)" : "G1(" + a.x + ", " + a.y + ")";
  }
}
