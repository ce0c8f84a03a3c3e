package org.linden.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point on the sextic twist E': y^2 = x^3 + 3/ξ over F_p2 (ξ = 9 + i), immutable, in Jacobian
 * coordinates like {@link G1Point}. G2 is the subgroup of order r of this curve; the curve has many
 * more points (cofactor 2p - r), so points read from input must pass {@link #isInSubgroup}.
 */
final class G2Point {
  static final Fp2 B = new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse());
  static final G2Point INFINITY = new G2Point(Fp2.ONE, Fp2.ONE, Fp2.ZERO);

  /** The generator P2 given in EIP-197. */
  static final G2Point GENERATOR =
      fromAffine(
          new Fp2(
              Fp.fromBigInteger(
                  new BigInteger(
                      "10857046999023057135944570762232829481370756359578518086990519993285655852781")),
              Fp.fromBigInteger(
                  new BigInteger(
                      "11559732032986387107991004021392285783925812861821192530917403151452391805634"))),
          new Fp2(
              Fp.fromBigInteger(
                  new BigInteger(
                      "8495653923123431417604973247489272438418190587263600148770280649306958101930")),
              Fp.fromBigInteger(
                  new BigInteger(
                      "4082367875863433681332203403145435568316851327593401208105741076214120093531"))));

  final Fp2 x;
  final Fp2 y;
  final Fp2 z;

  /** The point with Jacobian coordinates (x/z², y/z³); callers check the curve and subgroup. */
  G2Point(Fp2 x, Fp2 y, Fp2 z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The point with affine coordinates (x, y); callers check the curve and subgroup. */
  static G2Point fromAffine(Fp2 x, Fp2 y) {
    return new G2Point(x, y, Fp2.ONE);
  }

  static boolean isOnCurve(Fp2 x, Fp2 y) {
    return y.square().equals(x.square().mul(x).add(B));
  }

  boolean isInfinity() {
    return z.isZero();
  }

  G2Point neg() {
    return new G2Point(x, y.neg(), z);
  }

  /** Doubling for a = 0 ("dbl-2009-l"), as in {@link G1Point#dbl}. */
  G2Point dbl() {
    if (isInfinity()) {
      return this;
    }
    Fp2 a = x.square();
    Fp2 b = y.square();
    Fp2 c = b.square();
    Fp2 d = x.add(b).square().sub(a).sub(c).dbl();
    Fp2 e = a.dbl().add(a);
    Fp2 x3 = e.square().sub(d.dbl());
    Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp2 z3 = y.mul(z).dbl();
    return new G2Point(x3, y3, z3);
  }

  /** Addition ("add-2007-bl") with the equal and opposite cases handled, as in G1. */
  G2Point add(G2Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    if (o.z.equals(Fp2.ONE)) {
      return addAffine(o.x, o.y);
    }
    Fp2 z1z1 = z.square();
    Fp2 z2z2 = o.z.square();
    Fp2 u1 = x.mul(z2z2);
    Fp2 u2 = o.x.mul(z1z1);
    Fp2 s1 = y.mul(o.z).mul(z2z2);
    Fp2 s2 = o.y.mul(z).mul(z1z1);
    Fp2 h = u2.sub(u1);
    Fp2 r = s2.sub(s1).dbl();
    if (h.isZero()) {
      return r.isZero() ? dbl() : INFINITY;
    }
    Fp2 i = h.dbl().square();
    Fp2 j = h.mul(i);
    Fp2 v = u1.mul(i);
    Fp2 x3 = r.square().sub(j).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
    Fp2 z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
    return new G2Point(x3, y3, z3);
  }

  /** Adds the affine point (x2, y2) ("madd-2007-bl"), as in {@link G1Point}; this ≠ infinity. */
  private G2Point addAffine(Fp2 x2, Fp2 y2) {
    Fp2 z1z1 = z.square();
    Fp2 u2 = x2.mul(z1z1);
    Fp2 s2 = y2.mul(z).mul(z1z1);
    Fp2 h = u2.sub(x);
    Fp2 r = s2.sub(y).dbl();
    if (h.isZero()) {
      return r.isZero() ? dbl() : INFINITY;
    }
    Fp2 hh = h.square();
    Fp2 i = hh.dbl().dbl();
    Fp2 j = h.mul(i);
    Fp2 v = x.mul(i);
    Fp2 x3 = r.square().sub(j).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    Fp2 z3 = z.add(h).square().sub(z1z1).sub(hh);
    return new G2Point(x3, y3, z3);
  }

  /** Fixed 4-bit-window multiplication by a scalar in little-endian limbs, as in G1. */
  G2Point mul(long[] scalar) {
    if (isInfinity()) {
      return this;
    }
    G2Point[] table = new G2Point[16];
    table[1] = this;
    for (int i = 2; i < 16; i++) {
      table[i] = (i & 1) == 0 ? table[i >>> 1].dbl() : table[i - 1].add(this);
    }
    G2Point acc = INFINITY;
    for (int w = scalar.length * 16 - 1; w >= 0; w--) {
      acc = acc.dbl().dbl().dbl().dbl();
      int nibble = (int) (scalar[w >>> 4] >>> ((w & 15) * 4)) & 15;
      if (nibble != 0) {
        acc = acc.add(table[nibble]);
      }
    }
    return acc;
  }

  /**
   * The endomorphism ψ = untwist ∘ Frobenius ∘ twist: (x, y) ↦ (x̄·ξ^((p-1)/3), ȳ·ξ^((p-1)/2)).
   * Conjugation is a field automorphism, so it applies to Jacobian X, Y, Z directly.
   */
  G2Point psi() {
    return new G2Point(
        x.conjugate().mul(Fp12.GAMMA[2]), y.conjugate().mul(Fp12.GAMMA[3]), z.conjugate());
  }

  /**
   * Whether this point is in G2, i.e. [r]Q = O, for any point Q on the twist. Instead of a 254-bit
   * multiplication we test α(Q) = O for the endomorphism α = (2u + 1) + 2u·ψ^2 + ψ^3, which needs
   * one 63-bit multiplication. Why this is exact:
   *
   * <ul>
   *   <li>ψ acts on G2 as multiplication by p, and (2u + 1) + 2u·p^2 + p^3 ≡ 0 (mod r), so α
   *       vanishes on G2;
   *   <li>ψ satisfies ψ^2 - tψ + p = 0, so α = A + Bψ for integers A, B with p ∤ A; α is then
   *       separable and its kernel has N(α) = A^2 + ABt + B^2p points;
   *   <li>gcd(N(α), #E'(F_p2)) = r with #E'(F_p2) = r·(2p - r), so the points of E'(F_p2) that α
   *       kills form a group of order dividing r, which can only be G2.
   * </ul>
   *
   * The arithmetic facts are checked in Bn254GroupTest, as is agreement with [r]Q = O.
   */
  boolean isInSubgroup() {
    if (isInfinity()) {
      return true;
    }
    G2Point q = toAffine();
    G2Point uq = new G2MulByU().apply(q);
    if (uq == null) {
      uq = mulByU(q);
    }
    G2Point twoUq = uq.dbl();
    G2Point lhs = twoUq.add(q).add(twoUq.psi().psi());
    return lhs.equals(q.psi().psi().psi().neg());
  }

  /** [u]Q by signed double-and-add with every special case handled; Q affine. */
  static G2Point mulByU(G2Point q) {
    G2Point negQ = q.neg();
    G2Point uq = INFINITY;
    for (int i = Pairing.U_NAF.length - 1; i >= 0; i--) {
      uq = uq.dbl();
      if (Pairing.U_NAF[i] > 0) {
        uq = uq.add(q);
      } else if (Pairing.U_NAF[i] < 0) {
        uq = uq.add(negQ);
      }
    }
    return uq;
  }

  /** This point with Z = 1, or {@link #INFINITY}. */
  G2Point toAffine() {
    if (isInfinity()) {
      return INFINITY;
    }
    if (z.equals(Fp2.ONE)) {
      return this;
    }
    Fp2 zInv = z.inverse();
    Fp2 zInv2 = zInv.square();
    return new G2Point(x.mul(zInv2), y.mul(zInv2).mul(zInv), Fp2.ONE);
  }

  /** Equality of the points represented, whatever their Z. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof G2Point q)) {
      return false;
    }
    if (isInfinity() || q.isInfinity()) {
      return isInfinity() && q.isInfinity();
    }
    Fp2 z1z1 = z.square();
    Fp2 z2z2 = q.z.square();
    return x.mul(z2z2).equals(q.x.mul(z1z1)) && y.mul(q.z).mul(z2z2).equals(q.y.mul(z).mul(z1z1));
  }

  @Override
  public int hashCode() {
    G2Point a = toAffine();
    return a.isInfinity() ? 0 : a.x.hashCode() * 31 + a.y.hashCode();
  }

  @Override
  public String toString() {
    G2Point a = toAffine();
    return a.isInfinity() ? "G2(infinity)" : "G2(" + a.x + ", " + a.y + ")";
  }
}
