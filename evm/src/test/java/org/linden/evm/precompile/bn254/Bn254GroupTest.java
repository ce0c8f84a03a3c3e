package org.linden.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.precompile.bn254.TestPoints.P;
import static org.linden.evm.precompile.bn254.TestPoints.R;
import static org.linden.evm.precompile.bn254.TestPoints.g1;
import static org.linden.evm.precompile.bn254.TestPoints.g2;
import static org.linden.evm.precompile.bn254.TestPoints.limbs;
import static org.linden.evm.precompile.bn254.TestPoints.randomBelow;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Group laws on G1 and the G2 twist, scalar multiplication and the G2 subgroup check. */
class Bn254GroupTest {
  private final Random rnd = new Random(0x6254);

  private BigInteger scalar() {
    return randomBelow(rnd, R);
  }

  @Test
  void generatorsAreOnTheirCurves() {
    assertThat(G1Point.isOnCurve(G1Point.GENERATOR.x, G1Point.GENERATOR.y)).isTrue();
    assertThat(G2Point.isOnCurve(G2Point.GENERATOR.x, G2Point.GENERATOR.y)).isTrue();
    assertThat(G1Point.isOnCurve(Fp.ONE, Fp.of(3))).isFalse();
  }

  @Test
  void g1AdditionIsCommutativeAndAssociative() {
    for (int i = 0; i < 20; i++) {
      G1Point a = g1(scalar());
      G1Point b = g1(scalar());
      G1Point c = g1(scalar());
      assertThat(a.add(b)).isEqualTo(b.add(a));
      assertThat(a.add(b).add(c)).isEqualTo(a.add(b.add(c)));
      assertThat(a.add(a)).isEqualTo(a.dbl());
      assertThat(a.add(a.neg()).isInfinity()).isTrue();
      assertThat(a.add(G1Point.INFINITY)).isEqualTo(a);
      assertThat(G1Point.INFINITY.add(a)).isEqualTo(a);
      G1Point sum = a.add(b).toAffine();
      assertThat(G1Point.isOnCurve(sum.x, sum.y)).isTrue();
    }
  }

  @Test
  void g1ScalarMultiplicationIsAdditiveInTheScalar() {
    for (int i = 0; i < 20; i++) {
      BigInteger a = scalar();
      BigInteger b = scalar();
      assertThat(g1(a.add(b).mod(R))).isEqualTo(g1(a).add(g1(b)));
      assertThat(g1(a).mul(limbs(b))).isEqualTo(g1(a.multiply(b).mod(R)));
    }
  }

  @Test
  void g1SmallMultiplesMatchRepeatedAddition() {
    G1Point acc = G1Point.INFINITY;
    for (int k = 0; k < 40; k++) {
      assertThat(G1Point.GENERATOR.mul(limbs(BigInteger.valueOf(k)))).isEqualTo(acc);
      acc = acc.add(G1Point.GENERATOR);
    }
  }

  @Test
  void g1HasOrderR() {
    G1Point p = g1(scalar());
    assertThat(p.mul(limbs(R)).isInfinity()).isTrue();
    assertThat(p.mul(limbs(R.add(BigInteger.ONE)))).isEqualTo(p);
    assertThat(p.mul(limbs(R.subtract(BigInteger.ONE)))).isEqualTo(p.neg());
    // Scalars are not reduced before use: 2^256 - 1 must act as (2^256 - 1) mod r.
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertThat(p.mul(limbs(max))).isEqualTo(p.mul(limbs(max.mod(R))));
  }

  private static BigInteger unsigned(long[] limbs, boolean negative) {
    BigInteger v = BigInteger.ZERO;
    for (int i = limbs.length - 1; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return negative ? v.negate() : v;
  }

  @Test
  void glvEndomorphismIsMultiplicationByLambda() {
    assertThat(Glv.BETA.square().mul(Glv.BETA)).isEqualTo(Fp.ONE);
    assertThat(Glv.BETA).isNotEqualTo(Fp.ONE);
    assertThat(Glv.LAMBDA.pow(2).add(Glv.LAMBDA).add(BigInteger.ONE).mod(R)).isZero();
    for (int i = 0; i < 5; i++) {
      G1Point p = g1(scalar());
      assertThat(p.endomorphism(Glv.BETA)).isEqualTo(p.mulWindowed(limbs(Glv.LAMBDA)));
    }
  }

  @Test
  void glvSplitIsExactAndShort() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    java.util.List<BigInteger> ks =
        new java.util.ArrayList<>(
            java.util.List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                Glv.LAMBDA,
                R.subtract(BigInteger.ONE),
                R,
                R.add(BigInteger.ONE),
                R.shiftLeft(1),
                max,
                max.subtract(R)));
    for (int i = 0; i < 500; i++) {
      ks.add(new BigInteger(256, rnd));
      ks.add(new BigInteger(1 + rnd.nextInt(256), rnd));
    }
    for (BigInteger k : ks) {
      Glv.Split s = Glv.split(limbs(k));
      BigInteger k1 = unsigned(s.k1(), s.k1Negative());
      BigInteger k2 = unsigned(s.k2(), s.k2Negative());
      assertThat(k1.add(k2.multiply(Glv.LAMBDA)).subtract(k).mod(R)).as(k.toString()).isZero();
      assertThat(k1.abs().bitLength()).isLessThanOrEqualTo(130);
      assertThat(k2.abs().bitLength()).isLessThanOrEqualTo(130);
    }
  }

  @Test
  void glvMultiplicationAgreesWithPlainWindows() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    G1Point p = g1(scalar());
    for (BigInteger k :
        new BigInteger[] {
          BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE), R, max
        }) {
      assertThat(p.mul(limbs(k))).as(k.toString()).isEqualTo(p.mulWindowed(limbs(k)));
    }
    for (int i = 0; i < 50; i++) {
      BigInteger k = new BigInteger(256, rnd);
      assertThat(p.mul(limbs(k))).isEqualTo(p.mulWindowed(limbs(k)));
    }
    // Shorter limb arrays are zero-extended.
    assertThat(p.mul(new long[] {-1L})).isEqualTo(p.mulWindowed(new long[] {-1L}));
    // The affine generator and a point with Z ≠ 1 go through the same code.
    G1Point q = G1Point.GENERATOR.dbl().add(G1Point.GENERATOR);
    assertThat(q.mul(limbs(BigInteger.TEN)))
        .isEqualTo(q.toAffine().mulWindowed(limbs(BigInteger.TEN)));
  }

  @Test
  void mixedAndGeneralAdditionAgree() {
    for (int i = 0; i < 10; i++) {
      G1Point a = g1(scalar()); // Jacobian, Z ≠ 1 in general
      G1Point b = g1(scalar());
      assertThat(a.add(b.toAffine())).isEqualTo(a.add(b));
      assertThat(a.add(a.toAffine())).isEqualTo(a.dbl());
      assertThat(a.add(a.neg().toAffine()).isInfinity()).isTrue();
      G2Point c = g2(scalar());
      G2Point d = g2(scalar());
      assertThat(c.add(d.toAffine())).isEqualTo(c.add(d));
      assertThat(c.add(c.toAffine())).isEqualTo(c.dbl());
      assertThat(c.add(c.neg().toAffine()).isInfinity()).isTrue();
    }
  }

  @Test
  void g2AdditionIsCommutativeAndAssociative() {
    for (int i = 0; i < 10; i++) {
      G2Point a = g2(scalar());
      G2Point b = g2(scalar());
      G2Point c = g2(scalar());
      assertThat(a.add(b)).isEqualTo(b.add(a));
      assertThat(a.add(b).add(c)).isEqualTo(a.add(b.add(c)));
      assertThat(a.add(a)).isEqualTo(a.dbl());
      assertThat(a.add(a.neg()).isInfinity()).isTrue();
      assertThat(a.add(G2Point.INFINITY)).isEqualTo(a);
      G2Point sum = a.add(b).toAffine();
      assertThat(G2Point.isOnCurve(sum.x, sum.y)).isTrue();
    }
  }

  @Test
  void g2ScalarMultiplicationIsAdditiveInTheScalar() {
    for (int i = 0; i < 10; i++) {
      BigInteger a = scalar();
      BigInteger b = scalar();
      assertThat(g2(a.add(b).mod(R))).isEqualTo(g2(a).add(g2(b)));
    }
  }

  @Test
  void g2GeneratorHasOrderR() {
    // EIP-197 invites sceptical readers to compare r·P2 with P2; r·P2 must be infinity.
    assertThat(G2Point.GENERATOR.mul(limbs(R)).isInfinity()).isTrue();
    assertThat(G2Point.GENERATOR.mul(limbs(R.add(BigInteger.ONE)))).isEqualTo(G2Point.GENERATOR);
  }

  @Test
  void psiActsAsMultiplicationByPOnG2() {
    G2Point q = g2(scalar());
    assertThat(q.psi()).isEqualTo(q.mul(limbs(P.mod(R))));
  }

  @Test
  void subgroupCheckAcceptsMultiplesOfTheGenerator() {
    assertThat(G2Point.INFINITY.isInSubgroup()).isTrue();
    assertThat(G2Point.GENERATOR.isInSubgroup()).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(g2(scalar()).isInSubgroup()).isTrue();
    }
  }

  /** a + b·ψ times c + d·ψ, reduced with ψ^2 = tψ - p. */
  private static BigInteger[] mulInPsi(BigInteger[] x, BigInteger[] y, BigInteger t) {
    BigInteger bd = x[1].multiply(y[1]);
    return new BigInteger[] {
      x[0].multiply(y[0]).subtract(bd.multiply(P)),
      x[0].multiply(y[1]).add(x[1].multiply(y[0])).add(bd.multiply(t))
    };
  }

  @Test
  void subgroupCheckEndomorphismHasTheClaimedProperties() {
    // The facts G2Point.isInSubgroup relies on, for α = (2u + 1) + 2u·ψ^2 + ψ^3.
    BigInteger u = BigInteger.valueOf(Pairing.U);
    BigInteger t = u.pow(2).multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
    assertThat(P.add(BigInteger.ONE).subtract(t)).isEqualTo(R);
    BigInteger twoU = u.shiftLeft(1);
    // Vanishes on G2, where ψ is multiplication by p.
    assertThat(twoU.add(BigInteger.ONE).add(twoU.multiply(P.pow(2))).add(P.pow(3)).mod(R)).isZero();
    // α = A + Bψ.
    BigInteger[] psi = {BigInteger.ZERO, BigInteger.ONE};
    BigInteger[] psi2 = mulInPsi(psi, psi, t);
    BigInteger[] psi3 = mulInPsi(psi2, psi, t);
    BigInteger a = twoU.add(BigInteger.ONE).add(twoU.multiply(psi2[0])).add(psi3[0]);
    BigInteger b = twoU.multiply(psi2[1]).add(psi3[1]);
    assertThat(a.mod(P)).isNotZero(); // separable
    BigInteger norm = a.pow(2).add(a.multiply(b).multiply(t)).add(b.pow(2).multiply(P));
    BigInteger twistOrder = R.multiply(P.shiftLeft(1).subtract(R));
    assertThat(norm.gcd(twistOrder)).isEqualTo(R);
    // The twist order: the sextic twists of E over F_p2 have p^2 + 1 - (t2 ± 3·f2)/2 points,
    // where t2 = t^2 - 2p is the trace of E over F_p2 and t2^2 - 4p^2 = -3·f2^2.
    BigInteger t2 = t.pow(2).subtract(P.shiftLeft(1));
    BigInteger f2 = P.pow(2).shiftLeft(2).subtract(t2.pow(2)).divide(BigInteger.valueOf(3)).sqrt();
    assertThat(f2.pow(2).multiply(BigInteger.valueOf(3)))
        .isEqualTo(P.pow(2).shiftLeft(2).subtract(t2.pow(2)));
    BigInteger[] twistTraces = {
      t2.add(f2.multiply(BigInteger.valueOf(3))).shiftRight(1),
      t2.subtract(f2.multiply(BigInteger.valueOf(3))).shiftRight(1)
    };
    assertThat(twistOrder)
        .isIn(
            P.pow(2).add(BigInteger.ONE).subtract(twistTraces[0]),
            P.pow(2).add(BigInteger.ONE).subtract(twistTraces[1]));
  }

  @Test
  void millerLoopEndomorphismHasTheClaimedProperties() {
    // The facts MillerLoop.Membership relies on, for α = (6u + 2) + ψ - ψ^2 + ψ^3.
    BigInteger u = BigInteger.valueOf(Pairing.U);
    BigInteger t = u.pow(2).multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
    BigInteger loop = u.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    // Vanishes on G2, where ψ is multiplication by p.
    assertThat(loop.add(P).subtract(P.pow(2)).add(P.pow(3)).mod(R)).isZero();
    BigInteger[] psi = {BigInteger.ZERO, BigInteger.ONE};
    BigInteger[] psi2 = mulInPsi(psi, psi, t);
    BigInteger[] psi3 = mulInPsi(psi2, psi, t);
    BigInteger a = loop.subtract(psi2[0]).add(psi3[0]);
    BigInteger b = BigInteger.ONE.subtract(psi2[1]).add(psi3[1]);
    assertThat(a.mod(P)).isNotZero(); // separable
    BigInteger norm = a.pow(2).add(a.multiply(b).multiply(t)).add(b.pow(2).multiply(P));
    BigInteger twistOrder = R.multiply(P.shiftLeft(1).subtract(R));
    assertThat(norm.gcd(twistOrder)).isEqualTo(R);
  }

  /** What a Miller loop over the single pair (G1 generator, q) shows about q. */
  private static MillerLoop.Membership shownByTheLoop(G1Point p, G2Point q) {
    return new MillerLoop(new Fp12Limbs())
        .run(new G1Point[] {p}, new G2Point[] {q}, new long[Fp12Limbs.SIZE], 0)[0];
  }

  @Test
  void millerLoopDecidesMembershipLikeTheSubgroupCheck() {
    BigInteger cofactor = P.shiftLeft(1).subtract(R);
    BigInteger twistOrder = R.multiply(cofactor);
    // 10069 is the smallest prime factor of the cofactor: points of that order are the ones most
    // likely to meet an exceptional case of the step formulas.
    BigInteger small = BigInteger.valueOf(10069);
    assertThat(cofactor.mod(small)).isZero();
    int outsideSeen = 0;
    for (int i = 0; i < 6; i++) {
      G2Point outside = TestPoints.randomTwistPoint(rnd);
      G2Point inside = outside.mul(limbs(cofactor));
      G2Point ofSmallOrder = outside.mul(limbs(twistOrder.divide(small)));
      for (G2Point q :
          new G2Point[] {outside, inside, inside.add(outside), ofSmallOrder, g2(scalar())}) {
        if (q.isInfinity()) {
          continue;
        }
        q = q.toAffine();
        boolean inG2 = q.isInSubgroup();
        outsideSeen += inG2 ? 0 : 1;
        assertThat(shownByTheLoop(G1Point.GENERATOR, q))
            .as("membership of %s", q)
            .isEqualTo(inG2 ? MillerLoop.Membership.IN_G2 : MillerLoop.Membership.NOT_IN_G2);
      }
    }
    assertThat(outsideSeen).isGreaterThanOrEqualTo(12);
    // A pair the loop leaves out is undecided, unless Q is the point at infinity (in G2).
    assertThat(shownByTheLoop(G1Point.INFINITY, G2Point.GENERATOR))
        .isEqualTo(MillerLoop.Membership.UNDECIDED);
    assertThat(shownByTheLoop(G1Point.GENERATOR, G2Point.INFINITY))
        .isEqualTo(MillerLoop.Membership.IN_G2);
  }

  @Test
  void pairingCheckOnTheTwistRejectsEveryQOutsideG2() {
    G2Point outside = TestPoints.randomTwistPoint(rnd).toAffine();
    G2Point inside = g2(scalar());
    G1Point p = g1(scalar());
    // Decided by the loop, and by the fallback when the pair is left out of the loop.
    for (G1Point withOutside : new G1Point[] {p, G1Point.INFINITY}) {
      assertThat(
              Pairing.checkOnTwist(
                  new G1Point[] {p, p.neg(), withOutside}, new G2Point[] {inside, inside, outside}))
          .isEqualTo(Pairing.Verdict.Q_NOT_IN_G2);
    }
    assertThat(Pairing.checkOnTwist(new G1Point[] {p, p.neg()}, new G2Point[] {inside, inside}))
        .isEqualTo(Pairing.Verdict.ONE);
    assertThat(Pairing.checkOnTwist(new G1Point[] {p, p}, new G2Point[] {inside, inside}))
        .isEqualTo(Pairing.Verdict.NOT_ONE);
  }

  @Test
  void subgroupCheckAgreesWithMultiplicationByR() {
    BigInteger cofactor = P.shiftLeft(1).subtract(R); // #E'(F_p2) = r·(2p - r)
    long[] cofactorLimbs = limbs(cofactor);
    for (int i = 0; i < 8; i++) {
      G2Point q = TestPoints.randomTwistPoint(rnd);
      assertThat(G2Point.isOnCurve(q.x, q.y)).isTrue();
      boolean inG2 = q.mul(limbs(R)).isInfinity();
      assertThat(inG2).isFalse();
      assertThat(q.isInSubgroup()).isEqualTo(inG2);
      // Clearing the cofactor lands in G2.
      G2Point cleared = q.mul(cofactorLimbs);
      assertThat(cleared.mul(limbs(R)).isInfinity()).isTrue();
      assertThat(cleared.isInSubgroup()).isTrue();
      // A G2 point plus a point outside G2 is outside G2.
      assertThat(cleared.add(q).isInSubgroup()).isFalse();
    }
  }

  @Test
  void multiplicationByUOnLimbsAgreesWithThePointCode() {
    BigInteger cofactor = P.shiftLeft(1).subtract(R);
    G2MulByU onLimbs = new G2MulByU();
    for (int i = 0; i < 8; i++) {
      G2Point outside = TestPoints.randomTwistPoint(rnd).toAffine();
      G2Point inside = outside.mul(limbs(cofactor)).toAffine();
      for (G2Point q : new G2Point[] {outside, inside, inside.add(outside).toAffine(), g2(scalar()).toAffine()}) {
        G2Point expected = G2Point.mulByU(q);
        assertThat(onLimbs.apply(q)).isEqualTo(expected);
        assertThat(expected.equals(q.mul(limbs(BigInteger.valueOf(Pairing.U))))).isTrue();
      }
    }
  }

  @Test
  void twistHasTheExpectedNumberOfPoints() {
    G2Point q = TestPoints.randomTwistPoint(rnd);
    assertThat(q.mul(limbs(P.shiftLeft(1).subtract(R))).mul(limbs(R)).isInfinity()).isTrue();
  }
}
