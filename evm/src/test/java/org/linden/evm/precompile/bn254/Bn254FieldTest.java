package org.linden.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.precompile.bn254.TestPoints.P;
import static org.linden.evm.precompile.bn254.TestPoints.R;
import static org.linden.evm.precompile.bn254.TestPoints.randomBelow;
import static org.linden.evm.precompile.bn254.TestPoints.randomFp12;
import static org.linden.evm.precompile.bn254.TestPoints.randomFp6;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field tower F_p → F_p2 → F_p6 → F_p12, checked against BigInteger and field laws. */
class Bn254FieldTest {
  private final Random rnd = new Random(0xb254);

  /** Random values plus the ones where carries and reductions go wrong first. */
  private List<BigInteger> samples() {
    List<BigInteger> v = new ArrayList<>();
    for (BigInteger b :
        new BigInteger[] {
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          P.subtract(BigInteger.ONE),
          P.subtract(BigInteger.TWO),
          P.shiftRight(1),
          BigInteger.ONE.shiftLeft(64),
          BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(253)
        }) {
      v.add(b);
    }
    for (int i = 0; i < 300; i++) {
      v.add(randomBelow(rnd, P));
    }
    return v;
  }

  @Test
  void montgomeryConstantsMatchTheModulus() {
    assertThat(Glv.limbs(P)).containsExactly(Fp.P0, Fp.P1, Fp.P2, Fp.P3);
    assertThat(Fp.P0 * Fp.INV).isEqualTo(-1L);
  }

  @Test
  void fpArithmeticMatchesBigInteger() {
    List<BigInteger> s = samples();
    for (int i = 0; i < s.size(); i++) {
      BigInteger a = s.get(i);
      BigInteger b = s.get((i * 7 + 3) % s.size());
      Fp fa = Fp.fromBigInteger(a);
      Fp fb = Fp.fromBigInteger(b);
      assertThat(fa.toBigInteger()).isEqualTo(a);
      assertThat(fa.add(fb).toBigInteger()).isEqualTo(a.add(b).mod(P));
      assertThat(fa.sub(fb).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
      assertThat(fa.mul(fb).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
      assertThat(fa.square().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
      assertThat(fa.neg().toBigInteger()).isEqualTo(a.negate().mod(P));
      assertThat(fa.dbl().toBigInteger()).isEqualTo(a.shiftLeft(1).mod(P));
      if (a.signum() != 0) {
        assertThat(fa.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
      }
    }
  }

  @Test
  void fpInverseOfZeroIsZero() {
    assertThat(Fp.ZERO.inverse()).isEqualTo(Fp.ZERO);
    assertThat(Fp.ONE.inverse()).isEqualTo(Fp.ONE);
  }

  @Test
  void fpEveryPairOfEdgeValuesMultipliesCorrectly() {
    List<BigInteger> s = samples().subList(0, 10);
    for (BigInteger a : s) {
      for (BigInteger b : s) {
        assertThat(Fp.fromBigInteger(a).mul(Fp.fromBigInteger(b)).toBigInteger())
            .isEqualTo(a.multiply(b).mod(P));
        assertThat(Fp.fromBigInteger(a).add(Fp.fromBigInteger(b)).toBigInteger())
            .isEqualTo(a.add(b).mod(P));
        assertThat(Fp.fromBigInteger(a).sub(Fp.fromBigInteger(b)).toBigInteger())
            .isEqualTo(a.subtract(b).mod(P));
      }
    }
  }

  @Test
  void fpBytesRoundTripAndRejectNonCanonicalValues() {
    for (BigInteger a : samples()) {
      byte[] enc = TestPoints.fp(a);
      Fp f = Fp.fromBytes(enc, 0);
      assertThat(f).isNotNull();
      assertThat(f.toBigInteger()).isEqualTo(a);
      byte[] out = new byte[40];
      f.toBytes(out, 8);
      assertThat(java.util.Arrays.copyOfRange(out, 8, 40)).isEqualTo(enc);
    }
    for (BigInteger tooBig :
        new BigInteger[] {
          P,
          P.add(BigInteger.ONE),
          P.add(BigInteger.TWO),
          BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)
        }) {
      assertThat(Fp.fromBytes(TestPoints.fp(tooBig), 0)).as(tooBig.toString(16)).isNull();
    }
  }

  @Test
  void fp2MatchesComplexArithmeticOnBigIntegers() {
    for (int i = 0; i < 200; i++) {
      BigInteger a0 = randomBelow(rnd, P);
      BigInteger a1 = randomBelow(rnd, P);
      BigInteger b0 = randomBelow(rnd, P);
      BigInteger b1 = randomBelow(rnd, P);
      Fp2 a = new Fp2(Fp.fromBigInteger(a0), Fp.fromBigInteger(a1));
      Fp2 b = new Fp2(Fp.fromBigInteger(b0), Fp.fromBigInteger(b1));
      Fp2 prod = a.mul(b);
      assertThat(prod.c0.toBigInteger())
          .isEqualTo(a0.multiply(b0).subtract(a1.multiply(b1)).mod(P));
      assertThat(prod.c1.toBigInteger()).isEqualTo(a0.multiply(b1).add(a1.multiply(b0)).mod(P));
      assertThat(a.square()).isEqualTo(a.mul(a));
      assertThat(a.mulByXi()).isEqualTo(a.mul(Fp2.XI));
      assertThat(a.mul(a.inverse())).isEqualTo(Fp2.ONE);
      assertThat(a.conjugate()).isEqualTo(a.pow(P)); // Frobenius
    }
  }

  @Test
  void fp6MultiplicationObeysFieldLaws() {
    for (int i = 0; i < 50; i++) {
      Fp6 a = randomFp6(rnd);
      Fp6 b = randomFp6(rnd);
      Fp6 c = randomFp6(rnd);
      assertThat(a.mul(b)).isEqualTo(b.mul(a));
      assertThat(a.mul(b).mul(c)).isEqualTo(a.mul(b.mul(c)));
      assertThat(a.add(b).mul(c)).isEqualTo(a.mul(c).add(b.mul(c)));
      assertThat(a.square()).isEqualTo(a.mul(a));
      assertThat(a.mul(a.inverse())).isEqualTo(Fp6.ONE);
      assertThat(a.mulByV()).isEqualTo(a.mul(new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO)));
    }
  }

  @Test
  void vCubedIsXi() {
    Fp6 v = new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
    assertThat(v.mul(v).mul(v)).isEqualTo(new Fp6(Fp2.XI, Fp2.ZERO, Fp2.ZERO));
  }

  @Test
  void fp12MultiplicationObeysFieldLaws() {
    for (int i = 0; i < 30; i++) {
      Fp12 a = randomFp12(rnd);
      Fp12 b = randomFp12(rnd);
      Fp12 c = randomFp12(rnd);
      assertThat(a.mul(b)).isEqualTo(b.mul(a));
      assertThat(a.mul(b).mul(c)).isEqualTo(a.mul(b.mul(c)));
      assertThat(new Fp12(a.c0.add(b.c0), a.c1.add(b.c1)).mul(c))
          .isEqualTo(new Fp12(a.mul(c).c0.add(b.mul(c).c0), a.mul(c).c1.add(b.mul(c).c1)));
      assertThat(a.square()).isEqualTo(a.mul(a));
      assertThat(a.mul(a.inverse())).isEqualTo(Fp12.ONE);
    }
  }

  @Test
  void wSquaredIsV() {
    Fp12 w = new Fp12(Fp6.ZERO, Fp6.ONE);
    assertThat(w.square()).isEqualTo(new Fp12(new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO), Fp6.ZERO));
  }

  @Test
  void frobeniusIsThePthPower() {
    for (int i = 0; i < 3; i++) {
      Fp12 f = randomFp12(rnd);
      assertThat(f.frobenius()).isEqualTo(f.pow(P));
      assertThat(f.conjugate()).isEqualTo(f.pow(P.pow(6)));
    }
  }

  @Test
  void frobeniusConstantsArePowersOfXi() {
    BigInteger sixth = P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
    assertThat(Fp12.GAMMA[0]).isEqualTo(Fp2.ONE);
    assertThat(Fp12.GAMMA[1]).isEqualTo(Fp2.XI.pow(sixth));
    // GAMMA[3]^(p+1) = ξ^((p^2-1)/2) = -1: ξ is not a square in F_p2, which the tower needs.
    assertThat(Fp12.GAMMA[3].mul(Fp12.GAMMA[3].conjugate())).isEqualTo(Fp2.ONE.neg());
    // GAMMA[2]^(p+1) = ξ^((p^2-1)/3) ≠ 1: nor is ξ a cube.
    assertThat(Fp12.GAMMA[2].mul(Fp12.GAMMA[2].conjugate())).isNotEqualTo(Fp2.ONE);
  }

  @Test
  void finalExponentiationRaisesToTheRightPower() {
    BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(R);
    for (int i = 0; i < 2; i++) {
      Fp12 f = randomFp12(rnd);
      assertThat(Pairing.finalExponentiation(f)).isEqualTo(f.pow(exponent));
    }
  }
}
