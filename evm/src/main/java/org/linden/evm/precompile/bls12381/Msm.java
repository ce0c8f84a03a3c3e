package org.linden.evm.precompile.bls12381;

import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Multi-scalar multiplication over blst's group operations. The jblst binding exposes point
 * addition, doubling and single multiplication but not blst's own MSM, and EIP-2537 prices
 * large MSMs as if done by Pippenger's bucket method, so this class runs Pippenger on top of
 * blst's primitives once it beats k separate (GLV-accelerated) multiplications.
 *
 * <p>Points must already be in the order-q subgroup: that keeps blst's endomorphism-based
 * multiplication valid and allows reducing scalars mod q.
 *
 * @param <A> affine point type of the group
 * @param <P> projective point type, mutated in place by blst's add/dbl
 */
abstract class Msm<A, P> {
  /** Order q of G1 and G2. */
  static final BigInteger Q =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private static final int SCALAR_BITS = 256;

  /**
   * What one blst multiplication costs, in the bucket additions of {@link #bestWindow}, for
   * choosing between the two methods. Measured through this binding: a multiplication runs
   * natively with GLV/GLS while Pippenger pays a JNI call per addition, so Pippenger starts to
   * win only around 32 points in G1 and 64 in G2.
   */
  private final int multiplicationCost;

  Msm(int multiplicationCost) {
    this.multiplicationCost = multiplicationCost;
  }

  static final Msm<P1_Affine, P1> G1 =
      new Msm<>(170) {
        @Override
        P1 identity() {
          return new P1();
        }

        @Override
        P1 multiply(P1_Affine a, BigInteger s) {
          return new P1(a).mult(s);
        }

        @Override
        void add(P1 acc, P1 p) {
          acc.add(p);
        }

        @Override
        void addAffine(P1 acc, P1_Affine a) {
          acc.add(a);
        }

        @Override
        void doubleInPlace(P1 acc) {
          acc.dbl();
        }

        @Override
        boolean isInfinity(P1_Affine a) {
          return a.is_inf();
        }
      };

  static final Msm<P2_Affine, P2> G2 =
      new Msm<>(125) {
        @Override
        P2 identity() {
          return new P2();
        }

        @Override
        P2 multiply(P2_Affine a, BigInteger s) {
          return new P2(a).mult(s);
        }

        @Override
        void add(P2 acc, P2 p) {
          acc.add(p);
        }

        @Override
        void addAffine(P2 acc, P2_Affine a) {
          acc.add(a);
        }

        @Override
        void doubleInPlace(P2 acc) {
          acc.dbl();
        }

        @Override
        boolean isInfinity(P2_Affine a) {
          return a.is_inf();
        }
      };

  abstract P identity();

  /** A fresh point s·a. */
  abstract P multiply(A a, BigInteger s);

  abstract void add(P acc, P p);

  abstract void addAffine(P acc, A a);

  abstract void doubleInPlace(P acc);

  abstract boolean isInfinity(A a);

  /** Sum of scalars[i]·points[i]; scalars are 32 big-endian bytes each. */
  P compute(A[] points, byte[][] scalars) {
    int window = bestWindow(points.length);
    return window == 0 ? naive(points, scalars) : pippenger(points, scalars, window);
  }

  /** One multiplication per pair. */
  P naive(A[] points, byte[][] scalars) {
    P sum = identity();
    for (int i = 0; i < points.length; i++) {
      BigInteger s = new BigInteger(1, scalars[i]).mod(Q);
      if (s.signum() != 0 && !isInfinity(points[i])) {
        add(sum, multiply(points[i], s));
      }
    }
    return sum;
  }

  /**
   * Pippenger's bucket method: the scalars are cut into {@code window}-bit digits; for each
   * digit position, points are dropped into the bucket of their digit, and the buckets are
   * combined with a running sum so that bucket d is counted d times.
   */
  P pippenger(A[] points, byte[][] scalars, int window) {
    long[][] limbs = new long[scalars.length][];
    for (int i = 0; i < scalars.length; i++) {
      limbs[i] = littleEndianLimbs(scalars[i]);
    }
    int windows = (SCALAR_BITS + window - 1) / window;
    int bucketCount = (1 << window) - 1;
    P result = identity();
    for (int w = windows - 1; w >= 0; w--) {
      for (int d = 0; d < window; d++) {
        doubleInPlace(result);
      }
      @SuppressWarnings("unchecked")
      P[] buckets = (P[]) new Object[bucketCount];
      for (int i = 0; i < points.length; i++) {
        int digit = digit(limbs[i], w * window, window);
        if (digit != 0 && !isInfinity(points[i])) {
          if (buckets[digit - 1] == null) {
            buckets[digit - 1] = identity();
          }
          addAffine(buckets[digit - 1], points[i]);
        }
      }
      P running = identity();
      P windowSum = identity();
      for (int b = bucketCount - 1; b >= 0; b--) {
        if (buckets[b] != null) {
          add(running, buckets[b]);
        }
        add(windowSum, running);
      }
      add(result, windowSum);
    }
    return result;
  }

  /**
   * The cheapest digit width for k points, or 0 when k separate multiplications are cheaper.
   * Costs are counted in mixed (affine) additions: each window costs k bucket insertions plus
   * two passes over the buckets with full projective additions, weighted as two each, and the
   * result needs one doubling per scalar bit.
   */
  int bestWindow(int k) {
    long best = (long) k * multiplicationCost;
    int bestWindow = 0;
    for (int c = 2; c <= 16; c++) {
      long windows = (SCALAR_BITS + c - 1) / c;
      long cost = windows * (k + 4L * ((1L << c) - 1)) + SCALAR_BITS;
      if (cost < best) {
        best = cost;
        bestWindow = c;
      }
    }
    return bestWindow;
  }

  private static long[] littleEndianLimbs(byte[] bigEndian32) {
    long[] l = new long[4];
    for (int i = 0; i < 32; i++) {
      l[i >>> 3] |= (bigEndian32[31 - i] & 0xffL) << (8 * (i & 7));
    }
    return l;
  }

  /** Bits [from, from + width) of the 256-bit value; bits past the top read as zero. */
  private static int digit(long[] limbs, int from, int width) {
    int limb = from >>> 6;
    int shift = from & 63;
    long v = limbs[limb] >>> shift;
    if (shift + width > 64 && limb + 1 < limbs.length) {
      v |= limbs[limb + 1] << (64 - shift);
    }
    return (int) (v & ((1L << width) - 1));
  }
}
