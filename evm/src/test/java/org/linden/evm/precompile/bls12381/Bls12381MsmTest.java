package org.linden.evm.precompile.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/** Pippenger on blst primitives must agree with one multiplication per pair. */
class Bls12381MsmTest {
  private final Random random = new Random(12);

  private byte[] scalar(int kind) {
    byte[] s = new byte[32];
    switch (kind) {
      case 0 -> {} // zero
      case 1 -> java.util.Arrays.fill(s, (byte) 0xff); // 2^256 - 1, above q
      case 2 -> copy(Msm.Q, s); // q itself: multiplies to infinity
      case 3 -> copy(Msm.Q.subtract(BigInteger.ONE), s);
      case 4 -> s[31] = 1;
      default -> random.nextBytes(s);
    }
    return s;
  }

  private static void copy(BigInteger v, byte[] out) {
    byte[] raw = v.toByteArray();
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
  }

  @Test
  void g1PippengerMatchesNaive() {
    for (int k : new int[] {1, 2, 3, 7, 16, 40}) {
      P1_Affine[] points = new P1_Affine[k];
      byte[][] scalars = new byte[k][];
      for (int i = 0; i < k; i++) {
        // Repeat points and include infinity so buckets see doubling and identity cases.
        points[i] =
            i % 5 == 4
                ? new P1_Affine()
                : i > 0 && i % 3 == 0
                    ? points[i - 1]
                    : P1.generator().mult(new BigInteger(255, random)).to_affine();
        scalars[i] = scalar(i < 5 ? i : 9);
      }
      byte[] expected = Encoding.encodeG1(Msm.G1.naive(points, scalars));
      for (int window : new int[] {2, 3, 5, 8}) {
        assertThat(Encoding.encodeG1(Msm.G1.pippenger(points, scalars, window)))
            .as("k=%d window=%d", k, window)
            .isEqualTo(expected);
      }
      assertThat(Encoding.encodeG1(Msm.G1.compute(points, scalars))).isEqualTo(expected);
    }
  }

  @Test
  void g2PippengerMatchesNaive() {
    for (int k : new int[] {1, 4, 12}) {
      P2_Affine[] points = new P2_Affine[k];
      byte[][] scalars = new byte[k][];
      for (int i = 0; i < k; i++) {
        points[i] =
            i % 5 == 4
                ? new P2_Affine()
                : P2.generator().mult(new BigInteger(255, random)).to_affine();
        scalars[i] = scalar(i < 5 ? i : 9);
      }
      byte[] expected = Encoding.encodeG2(Msm.G2.naive(points, scalars));
      for (int window : new int[] {3, 6}) {
        assertThat(Encoding.encodeG2(Msm.G2.pippenger(points, scalars, window)))
            .as("k=%d window=%d", k, window)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void naiveMatchesRepeatedAddition() {
    P1_Affine g = P1_Affine.generator();
    byte[] five = new byte[32];
    five[31] = 5;
    P1 expected = new P1();
    for (int i = 0; i < 5; i++) {
      expected.add(g);
    }
    assertThat(Msm.G1.naive(new P1_Affine[] {g}, new byte[][] {five}).is_equal(expected))
        .isTrue();
  }

  @Test
  void smallBatchesMultiplyDirectly() {
    assertThat(Msm.G1.bestWindow(1)).isZero();
    assertThat(Msm.G2.bestWindow(8)).isZero();
    assertThat(Msm.G1.bestWindow(128)).isPositive();
    assertThat(Msm.G2.bestWindow(128)).isPositive();
    assertThat(Msm.G1.bestWindow(4096)).isGreaterThan(Msm.G1.bestWindow(128));
  }
}
