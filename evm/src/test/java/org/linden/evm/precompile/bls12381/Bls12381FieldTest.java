package org.linden.evm.precompile.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Limb arithmetic of {@link Fp} and {@link Fp2} checked against BigInteger on random values. */
class Bls12381FieldTest {
  private static final BigInteger P = Fp.MODULUS;
  private static final int ROUNDS = 500;

  private final Random random = new Random(2537);

  private BigInteger randomValue() {
    // Mix uniform values with ones near 0 and p, where carries and reductions happen.
    return switch (random.nextInt(4)) {
      case 0 -> BigInteger.valueOf(random.nextInt(5));
      case 1 -> P.subtract(BigInteger.valueOf(1 + random.nextInt(5)));
      default -> new BigInteger(400, random).mod(P);
    };
  }

  @Test
  void fpMatchesBigInteger() {
    for (int i = 0; i < ROUNDS; i++) {
      BigInteger a = randomValue();
      BigInteger b = randomValue();
      Fp fa = Fp.of(a);
      Fp fb = Fp.of(b);
      assertThat(fa.toBigInteger()).isEqualTo(a);
      assertThat(fa.add(fb).toBigInteger()).isEqualTo(a.add(b).mod(P));
      assertThat(fa.subtract(fb).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
      assertThat(fa.multiply(fb).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
      assertThat(fa.square().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
      assertThat(fa.negate().toBigInteger()).isEqualTo(a.negate().mod(P));
      assertThat(fa.sgn0()).isEqualTo(a.testBit(0) ? 1 : 0);
      BigInteger inverse = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
      assertThat(fa.inverse().toBigInteger()).isEqualTo(inverse);
    }
  }

  @Test
  void fpSquareRootsExistExactlyForSquares() {
    BigInteger half = P.subtract(BigInteger.ONE).shiftRight(1);
    for (int i = 0; i < 100; i++) {
      BigInteger a = randomValue();
      boolean isSquare = a.signum() == 0 || a.modPow(half, P).equals(BigInteger.ONE);
      Fp root = Fp.of(a).sqrt();
      assertThat(root != null).isEqualTo(isSquare);
      if (root != null) {
        assertThat(root.square()).isEqualTo(Fp.of(a));
      }
    }
  }

  @Test
  void fpBytesRoundTripAndRangeCheck() {
    for (int i = 0; i < 100; i++) {
      BigInteger a = randomValue();
      byte[] out = new byte[Fp.BYTES + 3];
      Fp.of(a).toBytes(out, 3);
      assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(out, 3, out.length))).isEqualTo(a);
      assertThat(Fp.isCanonical(out, 3)).isTrue();
      assertThat(Fp.fromBytes(out, 3)).isEqualTo(Fp.of(a));
    }
    byte[] p = Fp.MODULUS_BYTES.clone();
    assertThat(Fp.isCanonical(p, 0)).isFalse();
    p[Fp.BYTES - 1]--;
    assertThat(Fp.isCanonical(p, 0)).isTrue();
  }

  @Test
  void fp2MatchesSchoolbookArithmetic() {
    for (int i = 0; i < ROUNDS; i++) {
      BigInteger a0 = randomValue();
      BigInteger a1 = randomValue();
      BigInteger b0 = randomValue();
      BigInteger b1 = randomValue();
      Fp2 a = new Fp2(Fp.of(a0), Fp.of(a1));
      Fp2 b = new Fp2(Fp.of(b0), Fp.of(b1));
      // (a0 + a1 i)(b0 + b1 i) with i^2 = -1
      BigInteger c0 = a0.multiply(b0).subtract(a1.multiply(b1)).mod(P);
      BigInteger c1 = a0.multiply(b1).add(a1.multiply(b0)).mod(P);
      assertThat(a.multiply(b)).isEqualTo(new Fp2(Fp.of(c0), Fp.of(c1)));
      assertThat(a.square()).isEqualTo(a.multiply(a));
      if (!a.isZero()) {
        assertThat(a.multiply(a.inverse())).isEqualTo(Fp2.ONE);
      }
      Fp2 sq = a.square();
      Fp2 root = sq.sqrt();
      assertThat(root).isNotNull();
      assertThat(root.square()).isEqualTo(sq);
    }
  }

  @Test
  void fp2NonSquaresHaveNoRoot() {
    // The SWU constant Z = -(2 + i) is a non-square by construction (RFC 9380 section 8.8.2).
    Fp2 z = Fp2.of(-2, -1);
    assertThat(z.sqrt()).isNull();
    for (int i = 0; i < 50; i++) {
      Fp2 a = new Fp2(Fp.of(randomValue()), Fp.of(randomValue()));
      if (a.isZero()) {
        continue;
      }
      assertThat(a.square().multiply(z).sqrt()).isNull();
    }
  }

  @Test
  void fp2BaseFieldValuesHaveRealOrImaginaryRoots() {
    Fp2 minusOne = Fp2.of(-1, 0);
    assertThat(minusOne.sqrt().square()).isEqualTo(minusOne);
    Fp2 eleven = Fp2.of(11, 0); // a non-square in Fp, so its root is imaginary
    assertThat(eleven.sqrt().c0.isZero()).isTrue();
    assertThat(eleven.sqrt().square()).isEqualTo(eleven);
  }

  @Test
  void fp2Sgn0FollowsRfc9380() {
    assertThat(Fp2.of(0, 0).sgn0()).isZero();
    assertThat(Fp2.of(1, 0).sgn0()).isEqualTo(1);
    assertThat(Fp2.of(2, 1).sgn0()).isZero(); // c0 non-zero decides
    assertThat(Fp2.of(0, 1).sgn0()).isEqualTo(1); // c0 zero: c1 decides
    assertThat(Fp2.of(0, 2).sgn0()).isZero();
  }
}
