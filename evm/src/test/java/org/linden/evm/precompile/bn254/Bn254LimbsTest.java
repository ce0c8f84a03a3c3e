package org.linden.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.precompile.bn254.TestPoints.P;
import static org.linden.evm.precompile.bn254.TestPoints.randomBelow;
import static org.linden.evm.precompile.bn254.TestPoints.randomFp;
import static org.linden.evm.precompile.bn254.TestPoints.randomFp12;
import static org.linden.evm.precompile.bn254.TestPoints.randomFp2;
import static org.linden.evm.precompile.bn254.TestPoints.randomFp6;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-place arithmetic the pairing runs on ({@link FpLimbs} and the tower above it), checked
 * against BigInteger and against the immutable {@link Fp}, {@link Fp2}, {@link Fp6} and {@link
 * Fp12}, including operands at the edges of the bounds the redundant representation allows.
 */
class Bn254LimbsTest {
  private static final BigInteger R = BigInteger.ONE.shiftLeft(260);
  private static final BigInteger R_INV = R.modInverse(P);
  private static final long MASK = (1L << 52) - 1;

  private final Random rnd = new Random(0x1b254);

  /** Limbs of v written with random redundancy: each limb moved up or down by a carry. */
  private long[] redundantLimbs(BigInteger v) {
    long[] l = FpLimbs.limbsOf(v);
    for (int i = 0; i < FpLimbs.SIZE - 1; i++) {
      long shift = rnd.nextInt(5) - 2; // -2 .. 2 units of 2^52 moved between neighbours
      l[i] += shift << 52;
      l[i + 1] -= shift;
    }
    return l;
  }

  /** Values below {@code bound·p}, with the edges where carries and reductions go wrong first. */
  private List<BigInteger> samples(int bound) {
    BigInteger max = P.multiply(BigInteger.valueOf(bound));
    List<BigInteger> v = new ArrayList<>();
    v.add(BigInteger.ZERO);
    v.add(BigInteger.ONE);
    v.add(P.subtract(BigInteger.ONE));
    v.add(P);
    v.add(max.subtract(BigInteger.ONE));
    v.add(BigInteger.ONE.shiftLeft(52).subtract(BigInteger.ONE));
    v.add(BigInteger.ONE.shiftLeft(208));
    for (int i = 0; i < 200; i++) {
      v.add(randomBelow(rnd, max));
    }
    return v;
  }

  /** The value of x·R mod p that the limbs stand for, as the plain residue x. */
  private static BigInteger plain(long[] a, int ai) {
    return FpLimbs.valueOf(a, ai).multiply(R_INV).mod(P);
  }

  private static void assertReduced(long[] a, int ai) {
    assertThat(FpLimbs.valueOf(a, ai)).isBetween(BigInteger.ZERO, P.shiftLeft(1).subtract(BigInteger.ONE));
    for (int i = 0; i < FpLimbs.SIZE; i++) {
      assertThat(Math.abs(a[ai + i])).isLessThan(1L << 54);
    }
  }

  @Test
  void montgomeryProductMatchesBigIntegerForOperandsBelowEightP() {
    List<BigInteger> s = samples(8);
    long[] r = new long[FpLimbs.SIZE];
    for (int i = 0; i < s.size(); i++) {
      for (int j = i % 7; j < s.size(); j += 7) {
        BigInteger a = s.get(i);
        BigInteger b = s.get(j);
        FpLimbs.mul(r, 0, redundantLimbs(a), 0, redundantLimbs(b), 0);
        assertReduced(r, 0);
        assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(a.multiply(b).multiply(R_INV).mod(P));
      }
    }
  }

  @Test
  void productsKeepTheirRedundantOutputInBoundsAlongAChain() {
    // Each output feeds the next product, as in an exponentiation.
    long[] x = FpLimbs.limbsOf(P.shiftLeft(1).subtract(BigInteger.ONE));
    BigInteger expected = FpLimbs.valueOf(x, 0).mod(P);
    long[] y = FpLimbs.limbsOf(randomBelow(rnd, P));
    BigInteger yv = FpLimbs.valueOf(y, 0);
    for (int i = 0; i < 1000; i++) {
      FpLimbs.mul(x, 0, x, 0, y, 0);
      expected = expected.multiply(yv).multiply(R_INV).mod(P);
      assertReduced(x, 0);
      assertThat(FpLimbs.valueOf(x, 0).mod(P)).isEqualTo(expected);
    }
  }

  @Test
  void additiveOperationsAndReductionMatchBigInteger() {
    List<BigInteger> s = samples(2);
    long[] r = new long[FpLimbs.SIZE];
    for (int i = 0; i < s.size(); i++) {
      BigInteger a = s.get(i);
      BigInteger b = s.get((i * 13 + 5) % s.size());
      BigInteger c = s.get((i * 3 + 1) % s.size());
      long[] la = redundantLimbs(a);
      long[] lb = redundantLimbs(b);
      long[] lc = redundantLimbs(c);
      FpLimbs.add(r, 0, la, 0, lb, 0);
      assertReduced(r, 0);
      assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(a.add(b).mod(P));
      FpLimbs.sub(r, 0, la, 0, lb, 0);
      assertReduced(r, 0);
      assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(a.subtract(b).mod(P));
      FpLimbs.sub2(r, 0, la, 0, lb, 0, lc, 0);
      assertReduced(r, 0);
      assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(a.subtract(b).subtract(c).mod(P));
      FpLimbs.dbl(r, 0, la, 0);
      assertReduced(r, 0);
      assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(a.shiftLeft(1).mod(P));
      FpLimbs.neg(r, 0, la, 0);
      assertReduced(r, 0);
      assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(a.negate().mod(P));
      for (long[] k : new long[][] {{9, -1}, {9, 1}, {3, -2}, {3, 2}, {1, -8}, {15, -15}}) {
        FpLimbs.linear(r, 0, la, 0, k[0], lb, 0, k[1]);
        assertReduced(r, 0);
        BigInteger want =
            a.multiply(BigInteger.valueOf(k[0])).add(b.multiply(BigInteger.valueOf(k[1]))).mod(P);
        assertThat(FpLimbs.valueOf(r, 0).mod(P)).as("%d·a + %d·b", k[0], k[1]).isEqualTo(want);
      }
      // The lazy forms stay below 4p and are valid operands of a product.
      FpLimbs.addLazy(r, 0, la, 0, lb, 0);
      assertThat(FpLimbs.valueOf(r, 0)).isEqualTo(a.add(b));
      FpLimbs.subLazy(r, 0, la, 0, lb, 0);
      assertThat(FpLimbs.valueOf(r, 0)).isEqualTo(a.subtract(b).add(P.shiftLeft(1)));
    }
  }

  @Test
  void reductionHandlesEveryMultipleOfPBelowSixtyFour() {
    long[] r = new long[FpLimbs.SIZE];
    for (int k = 0; k < 64; k++) {
      for (BigInteger d : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE)}) {
        BigInteger v = P.multiply(BigInteger.valueOf(k)).add(d);
        if (v.compareTo(P.shiftLeft(6)) >= 0) {
          continue;
        }
        long[] l = redundantLimbs(v);
        FpLimbs.reduce(r, 0, l[0], l[1], l[2], l[3], l[4]);
        assertReduced(r, 0);
        assertThat(FpLimbs.valueOf(r, 0).mod(P)).isEqualTo(v.mod(P));
      }
    }
  }

  @Test
  void canonicalFormIsTheResidueBelowP() {
    long[] r = new long[FpLimbs.SIZE];
    for (BigInteger v : samples(2)) {
      FpLimbs.canonicalize(r, 0, redundantLimbs(v), 0);
      assertThat(FpLimbs.valueOf(r, 0)).isEqualTo(v.mod(P));
      for (long limb : r) {
        assertThat(limb & ~MASK).isZero();
      }
    }
    assertThat(FpLimbs.isZero(FpLimbs.limbsOf(P), 0)).isTrue();
    assertThat(FpLimbs.equal(FpLimbs.limbsOf(P.add(BigInteger.TWO)), 0, FpLimbs.limbsOf(BigInteger.TWO), 0))
        .isTrue();
  }

  @Test
  void conversionFromAndToFpKeepsTheValue() {
    long[] r = new long[FpLimbs.SIZE];
    for (int i = 0; i < 200; i++) {
      Fp a = randomFp(rnd);
      FpLimbs.set(r, 0, a);
      assertThat(plain(r, 0)).isEqualTo(a.toBigInteger());
      assertThat(FpLimbs.get(r, 0)).isEqualTo(a);
    }
    FpLimbs.set(r, 0, Fp.ONE);
    assertThat(FpLimbs.equal(r, 0, FpLimbs.ONE, 0)).isTrue();
  }

  @Test
  void fp2OperationsMatchTheImmutableField() {
    Fp2Limbs fp2 = new Fp2Limbs();
    long[] m = new long[3 * Fp2Limbs.SIZE];
    int ia = 0;
    int ib = Fp2Limbs.SIZE;
    int ir = 2 * Fp2Limbs.SIZE;
    for (int i = 0; i < 100; i++) {
      Fp2 a = randomFp2(rnd);
      Fp2 b = randomFp2(rnd);
      Fp2Limbs.set(m, ia, a);
      Fp2Limbs.set(m, ib, b);
      fp2.mul(m, ir, m, ia, m, ib);
      assertThat(Fp2Limbs.get(m, ir)).isEqualTo(a.mul(b));
      fp2.square(m, ir, m, ia);
      assertThat(Fp2Limbs.get(m, ir)).isEqualTo(a.square());
      fp2.mulByXi(m, ir, m, ia);
      assertThat(Fp2Limbs.get(m, ir)).isEqualTo(a.mul(Fp2.XI));
      Fp2Limbs.mulByFp(m, ir, m, ia, m, ib);
      assertThat(Fp2Limbs.get(m, ir)).isEqualTo(a.mulByFp(b.c0));
      Fp2Limbs.conjugate(m, ir, m, ia);
      assertThat(Fp2Limbs.get(m, ir)).isEqualTo(a.conjugate());
      // In place: the result overwrites an operand.
      fp2.mul(m, ia, m, ia, m, ib);
      assertThat(Fp2Limbs.get(m, ia)).isEqualTo(a.mul(b));
    }
  }

  @Test
  void fp6OperationsMatchTheImmutableField() {
    Fp6Limbs fp6 = new Fp6Limbs();
    long[] m = new long[4 * Fp6Limbs.SIZE];
    int ia = 0;
    int ib = Fp6Limbs.SIZE;
    int ir = 2 * Fp6Limbs.SIZE;
    int is = 3 * Fp6Limbs.SIZE;
    for (int i = 0; i < 30; i++) {
      Fp6 a = randomFp6(rnd);
      Fp6 b = randomFp6(rnd);
      Fp2 s = randomFp2(rnd);
      Fp2 t = randomFp2(rnd);
      Fp6Limbs.set(m, ia, a);
      Fp6Limbs.set(m, ib, b);
      Fp2Limbs.set(m, is, s);
      Fp2Limbs.set(m, is + Fp2Limbs.SIZE, t);
      fp6.mul(m, ir, m, ia, m, ib);
      assertThat(Fp6Limbs.get(m, ir)).isEqualTo(a.mul(b));
      fp6.square(m, ir, m, ia);
      assertThat(Fp6Limbs.get(m, ir)).isEqualTo(a.square());
      fp6.mulBy01(m, ir, m, ia, m, is, is + Fp2Limbs.SIZE);
      assertThat(Fp6Limbs.get(m, ir)).isEqualTo(a.mul(new Fp6(s, t, Fp2.ZERO)));
      fp6.mulByFp2(m, ir, m, ia, m, is);
      assertThat(Fp6Limbs.get(m, ir)).isEqualTo(a.mul(new Fp6(s, Fp2.ZERO, Fp2.ZERO)));
      fp6.mulByV(m, ir, m, ia);
      assertThat(Fp6Limbs.get(m, ir)).isEqualTo(a.mulByV());
      fp6.inverse(m, ir, m, ia);
      assertThat(Fp6Limbs.get(m, ir)).isEqualTo(a.inverse());
      fp6.mul(m, ia, m, ia, m, ia);
      assertThat(Fp6Limbs.get(m, ia)).isEqualTo(a.square());
    }
  }

  @Test
  void fp12OperationsMatchTheImmutableField() {
    Fp12Limbs fp12 = new Fp12Limbs();
    long[] m = new long[3 * Fp12Limbs.SIZE + 3 * Fp2Limbs.SIZE];
    int ia = 0;
    int ib = Fp12Limbs.SIZE;
    int ir = 2 * Fp12Limbs.SIZE;
    int line = 3 * Fp12Limbs.SIZE;
    for (int i = 0; i < 20; i++) {
      Fp12 a = randomFp12(rnd);
      Fp12 b = randomFp12(rnd);
      Fp12Limbs.set(m, ia, a);
      Fp12Limbs.set(m, ib, b);
      fp12.mul(m, ir, m, ia, m, ib);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.mul(b));
      fp12.square(m, ir, m, ia);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.square());
      fp12.inverse(m, ir, m, ia);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.inverse());
      Fp12Limbs.conjugate(m, ir, m, ia);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.conjugate());
      fp12.frobenius(m, ir, m, ia, 1);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.frobenius());
      fp12.frobenius(m, ir, m, ia, 2);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.frobenius().frobenius());
      fp12.frobenius(m, ir, m, ia, 3);
      assertThat(Fp12Limbs.get(m, ir)).isEqualTo(a.frobenius().frobenius().frobenius());
      fp12.square(m, ia, m, ia);
      assertThat(Fp12Limbs.get(m, ia)).isEqualTo(a.square());
    }
  }

  @Test
  void sparseLineProductMatchesFullProduct() {
    Fp12Limbs fp12 = new Fp12Limbs();
    long[] f = new long[Fp12Limbs.SIZE];
    long[] line = new long[3 * Fp2Limbs.SIZE];
    for (int i = 0; i < 20; i++) {
      Fp12 g = randomFp12(rnd);
      Fp2 a = randomFp2(rnd);
      Fp2 b = randomFp2(rnd);
      Fp2 c = randomFp2(rnd);
      Fp12Limbs.set(f, 0, g);
      Fp2Limbs.set(line, 0, a);
      Fp2Limbs.set(line, Fp2Limbs.SIZE, b);
      Fp2Limbs.set(line, 2 * Fp2Limbs.SIZE, c);
      fp12.mulByLine(f, 0, line, 0, Fp2Limbs.SIZE, 2 * Fp2Limbs.SIZE);
      // a + b·w + c·w³: w⁰ is c0.c0, w¹ is c1.c0, w³ is c1.c1.
      Fp12 full = new Fp12(new Fp6(a, Fp2.ZERO, Fp2.ZERO), new Fp6(b, c, Fp2.ZERO));
      assertThat(Fp12Limbs.get(f, 0)).isEqualTo(g.mul(full));
    }
  }

  @Test
  void cyclotomicSquaringAgreesWithSquaringInTheCyclotomicSubgroup() {
    Fp12Limbs fp12 = new Fp12Limbs();
    long[] m = new long[2 * Fp12Limbs.SIZE];
    for (int i = 0; i < 10; i++) {
      Fp12 f = randomFp12(rnd);
      // f^((p^6 - 1)(p^2 + 1)) has order dividing p^4 - p^2 + 1.
      Fp12 g = f.conjugate().mul(f.inverse());
      g = g.frobenius().frobenius().mul(g);
      assertThat(g.pow(P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE))).isEqualTo(Fp12.ONE);
      Fp12Limbs.set(m, 0, g);
      fp12.cyclotomicSquare(m, Fp12Limbs.SIZE, m, 0);
      assertThat(Fp12Limbs.get(m, Fp12Limbs.SIZE)).isEqualTo(g.square());
      // Repeated in place, as the exponentiations do.
      Fp12 expected = g;
      for (int k = 0; k < 5; k++) {
        fp12.cyclotomicSquare(m, 0, m, 0);
        expected = expected.square();
      }
      assertThat(Fp12Limbs.get(m, 0)).isEqualTo(expected);
    }
  }

  @Test
  void oneIsRecognisedWhateverItsRedundantForm() {
    long[] m = new long[Fp12Limbs.SIZE];
    Fp12Limbs.setOne(m, 0);
    assertThat(Fp12Limbs.isOne(m, 0)).isTrue();
    // One plus p in the first coefficient, and p in another: the same element.
    FpLimbs.addLazy(m, 0, m, 0, FpLimbs.limbsOf(P), 0);
    FpLimbs.copy(m, 3 * FpLimbs.SIZE, FpLimbs.limbsOf(P), 0);
    assertThat(Fp12Limbs.isOne(m, 0)).isTrue();
    Fp12Limbs.set(m, 0, randomFp12(rnd));
    assertThat(Fp12Limbs.isOne(m, 0)).isFalse();
    Fp12Limbs.setOne(m, 0);
    FpLimbs.copy(m, 7 * FpLimbs.SIZE, FpLimbs.limbsOf(BigInteger.ONE), 0);
    assertThat(Fp12Limbs.isOne(m, 0)).isFalse();
  }
}
