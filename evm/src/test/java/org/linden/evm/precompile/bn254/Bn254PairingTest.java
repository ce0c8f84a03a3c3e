package org.linden.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.precompile.bn254.TestPoints.R;
import static org.linden.evm.precompile.bn254.TestPoints.g1;
import static org.linden.evm.precompile.bn254.TestPoints.g2;
import static org.linden.evm.precompile.bn254.TestPoints.randomBelow;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The optimal ate pairing: non-degenerate, bilinear, and the multi-pairing check built on it. */
class Bn254PairingTest {
  private final Random rnd = new Random(0x9254);

  private BigInteger scalar() {
    return randomBelow(rnd, R.subtract(BigInteger.ONE)).add(BigInteger.ONE);
  }

  @Test
  void widthFourNonAdjacentFormsAddUpWithOneDigitInFour() {
    BigInteger u = BigInteger.valueOf(Pairing.U);
    assertThat(FinalExponentiation.U_WNAF).isEqualTo(Pairing.naf(u, 4));
    for (int k = 0; k < 200; k++) {
      BigInteger n = k == 0 ? u : new BigInteger(1 + k % 80, rnd).add(BigInteger.ONE);
      byte[] digits = Pairing.naf(n, 4);
      BigInteger sum = BigInteger.ZERO;
      int lastNonZero = -4;
      for (int i = 0; i < digits.length; i++) {
        int d = digits[i];
        sum = sum.add(BigInteger.valueOf(d).shiftLeft(i));
        if (d != 0) {
          assertThat(Math.abs(d)).isOdd().isLessThan(8);
          assertThat(i - lastNonZero).as("digits of %s", n).isGreaterThanOrEqualTo(4);
          lastNonZero = i;
        }
      }
      assertThat(sum).isEqualTo(n);
      assertThat(digits[digits.length - 1]).isPositive();
    }
  }

  @Test
  void loopConstantsAreNonAdjacentForms() {
    BigInteger u = BigInteger.valueOf(Pairing.U);
    for (BigInteger n :
        new BigInteger[] {u, u.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO)}) {
      byte[] digits = Pairing.naf(n);
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < digits.length; i++) {
        sum = sum.add(BigInteger.valueOf(digits[i]).shiftLeft(i));
        if (i > 0) {
          assertThat(digits[i] != 0 && digits[i - 1] != 0).isFalse();
        }
      }
      assertThat(sum).isEqualTo(n);
      assertThat(digits[digits.length - 1]).isEqualTo((byte) 1);
    }
    // p and r as the BN polynomials in u: the pairing's loop length and chain rely on them.
    assertThat(
            u.pow(4)
                .multiply(BigInteger.valueOf(36))
                .add(u.pow(3).multiply(BigInteger.valueOf(36)))
                .add(u.pow(2).multiply(BigInteger.valueOf(24)))
                .add(u.multiply(BigInteger.valueOf(6)))
                .add(BigInteger.ONE))
        .isEqualTo(TestPoints.P);
    assertThat(
            u.pow(4)
                .multiply(BigInteger.valueOf(36))
                .add(u.pow(3).multiply(BigInteger.valueOf(36)))
                .add(u.pow(2).multiply(BigInteger.valueOf(18)))
                .add(u.multiply(BigInteger.valueOf(6)))
                .add(BigInteger.ONE))
        .isEqualTo(R);
  }

  @Test
  void pairingOfTheGeneratorsIsANontrivialRthRootOfUnity() {
    Fp12 e = Pairing.pair(G1Point.GENERATOR, G2Point.GENERATOR);
    assertThat(e.isOne()).isFalse();
    assertThat(e.pow(R).isOne()).isTrue();
  }

  @Test
  void pairingIsBilinear() {
    Fp12 e = Pairing.pair(G1Point.GENERATOR, G2Point.GENERATOR);
    for (int i = 0; i < 3; i++) {
      BigInteger a = scalar();
      BigInteger b = scalar();
      Fp12 eab = Pairing.pair(g1(a), g2(b));
      assertThat(eab).isEqualTo(e.pow(a.multiply(b).mod(R)));
    }
  }

  @Test
  void scalarsMoveBetweenTheArguments() {
    BigInteger a = scalar();
    G1Point p = g1(scalar());
    G2Point q = g2(scalar());
    assertThat(Pairing.pair(p.mul(TestPoints.limbs(a)), q))
        .isEqualTo(Pairing.pair(p, q.mul(TestPoints.limbs(a))));
  }

  @Test
  void pairingIsLinearInEachArgument() {
    G1Point p1 = g1(scalar());
    G1Point p2 = g1(scalar());
    G2Point q1 = g2(scalar());
    G2Point q2 = g2(scalar());
    assertThat(Pairing.pair(p1.add(p2), q1))
        .isEqualTo(Pairing.pair(p1, q1).mul(Pairing.pair(p2, q1)));
    assertThat(Pairing.pair(p1, q1.add(q2)))
        .isEqualTo(Pairing.pair(p1, q1).mul(Pairing.pair(p1, q2)));
  }

  @Test
  void negatedPointCancels() {
    G1Point p = g1(scalar());
    G2Point q = g2(scalar());
    assertThat(Pairing.pair(p, q).mul(Pairing.pair(p.neg(), q)).isOne()).isTrue();
    assertThat(Pairing.check(new G1Point[] {p, p.neg()}, new G2Point[] {q, q})).isTrue();
    assertThat(Pairing.check(new G1Point[] {p, p}, new G2Point[] {q, q.neg()})).isTrue();
    assertThat(Pairing.check(new G1Point[] {p, p}, new G2Point[] {q, q})).isFalse();
  }

  @Test
  void checkOfAProductRelation() {
    // e(aP, bQ) · e(-abP, Q) = 1
    BigInteger a = scalar();
    BigInteger b = scalar();
    G1Point p = g1(scalar());
    G2Point q = g2(scalar());
    G1Point ap = p.mul(TestPoints.limbs(a));
    G2Point bq = q.mul(TestPoints.limbs(b));
    G1Point abpNeg = p.mul(TestPoints.limbs(a.multiply(b).mod(R))).neg();
    assertThat(Pairing.check(new G1Point[] {ap, abpNeg}, new G2Point[] {bq, q})).isTrue();
    assertThat(Pairing.check(new G1Point[] {ap.dbl(), abpNeg}, new G2Point[] {bq, q})).isFalse();
    // The multi-pairing equals the product of single pairings.
    assertThat(
            Pairing.finalExponentiation(
                Pairing.millerLoop(new G1Point[] {ap, p}, new G2Point[] {bq, q})))
        .isEqualTo(Pairing.pair(ap, bq).mul(Pairing.pair(p, q)));
  }

  @Test
  void multiPairingsOfEveryCountEqualTheProductOfSinglePairings() {
    // The Miller loop multiplies the lines of two pairs together; an odd pair goes in alone.
    for (int k = 1; k <= 5; k++) {
      G1Point[] ps = new G1Point[k];
      G2Point[] qs = new G2Point[k];
      Fp12 expected = Fp12.ONE;
      for (int i = 0; i < k; i++) {
        ps[i] = g1(scalar());
        qs[i] = g2(scalar());
        expected = expected.mul(Pairing.pair(ps[i], qs[i]));
      }
      assertThat(Pairing.finalExponentiation(Pairing.millerLoop(ps, qs)))
          .as("%d pairs", k)
          .isEqualTo(expected);
    }
  }

  @Test
  void pointsAtInfinityContributeOne() {
    assertThat(Pairing.pair(G1Point.INFINITY, G2Point.GENERATOR).isOne()).isTrue();
    assertThat(Pairing.pair(G1Point.GENERATOR, G2Point.INFINITY).isOne()).isTrue();
    assertThat(Pairing.check(new G1Point[0], new G2Point[0])).isTrue();
    G1Point p = g1(scalar());
    G2Point q = g2(scalar());
    assertThat(
            Pairing.check(
                new G1Point[] {p, G1Point.INFINITY, p.neg()},
                new G2Point[] {q, G2Point.GENERATOR, q}))
        .isTrue();
  }

  @Test
  void jacobianInputsGiveTheSameValueAsAffineOnes() {
    G1Point p = G1Point.GENERATOR.dbl().dbl().add(G1Point.GENERATOR); // Z ≠ 1
    G2Point q = G2Point.GENERATOR.dbl().add(G2Point.GENERATOR);
    assertThat(Pairing.pair(p, q)).isEqualTo(Pairing.pair(p.toAffine(), q.toAffine()));
  }
}
