package org.linden.evm.precompile;

import java.math.BigInteger;
import org.linden.types.Fork;

/**
 * The three MODEXP pricing rules. Lengths arrive as exact 256-bit numbers, so the
 * arithmetic is exact too (the inputs can be astronomically large and a saturated
 * intermediate followed by a division would undercharge); only the final cost is
 * clamped to {@link Long#MAX_VALUE}, which no caller can pay.
 */
final class ModexpGas {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger THIRTY_TWO = BigInteger.valueOf(32);

  private ModexpGas() {}

  /**
   * The cost under {@code fork}'s rule: EIP-198 up to Istanbul, EIP-2565 from Berlin,
   * EIP-7883 from Osaka. {@code expHead} is the first min(32, expLen) bytes of the
   * exponent as a number.
   */
  static long cost(BigInteger baseLen, BigInteger expLen, BigInteger modLen, BigInteger expHead, Fork fork) {
    BigInteger maxLen = baseLen.max(modLen);
    BigInteger cost;
    if (fork.isAtLeast(Fork.OSAKA)) {
      cost = eip7883(maxLen, expLen, expHead);
    } else if (fork.isAtLeast(Fork.BERLIN)) {
      cost = eip2565(maxLen, expLen, expHead);
    } else {
      cost = eip198(maxLen, expLen, expHead);
    }
    return cost.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : cost.longValueExact();
  }

  /** EIP-198 (Byzantium): a Karatsuba-shaped complexity, divided by GQUADDIVISOR 20. */
  private static BigInteger eip198(BigInteger maxLen, BigInteger expLen, BigInteger expHead) {
    BigInteger iterations = iterationCount(expLen, expHead, 8).max(BigInteger.ONE);
    return karatsubaComplexity(maxLen).multiply(iterations).divide(BigInteger.valueOf(20));
  }

  /** EIP-2565 (Berlin): 64-bit words squared, divided by 3, at least 200. */
  private static BigInteger eip2565(BigInteger maxLen, BigInteger expLen, BigInteger expHead) {
    BigInteger words = words64(maxLen);
    BigInteger complexity = words.multiply(words);
    BigInteger iterations = iterationCount(expLen, expHead, 8).max(BigInteger.ONE);
    return complexity.multiply(iterations).divide(BigInteger.valueOf(3)).max(BigInteger.valueOf(200));
  }

  /**
   * EIP-7883 (Osaka): at least 16 for operands up to 32 bytes and twice the words squared
   * beyond; long exponents cost 16 per byte instead of 8; no divisor (the final EIP and
   * the Osaka fixtures drop EIP-2565's division by 3); at least 500.
   */
  private static BigInteger eip7883(BigInteger maxLen, BigInteger expLen, BigInteger expHead) {
    BigInteger complexity;
    if (maxLen.compareTo(THIRTY_TWO) <= 0) {
      complexity = BigInteger.valueOf(16);
    } else {
      BigInteger words = words64(maxLen);
      complexity = words.multiply(words).shiftLeft(1);
    }
    BigInteger iterations = iterationCount(expLen, expHead, 16).max(BigInteger.ONE);
    return complexity.multiply(iterations).max(BigInteger.valueOf(500));
  }

  /** EIP-198's mult_complexity(x). */
  private static BigInteger karatsubaComplexity(BigInteger x) {
    BigInteger square = x.multiply(x);
    if (x.compareTo(BigInteger.valueOf(64)) <= 0) {
      return square;
    }
    if (x.compareTo(BigInteger.valueOf(1024)) <= 0) {
      return square.shiftRight(2).add(x.multiply(BigInteger.valueOf(96))).subtract(BigInteger.valueOf(3072));
    }
    return square.shiftRight(4).add(x.multiply(BigInteger.valueOf(480))).subtract(BigInteger.valueOf(199680));
  }

  /**
   * The "adjusted exponent length": the index of the exponent's highest set bit, plus
   * {@code bytePrice} per exponent byte beyond the first 32. Zero for a zero exponent of
   * at most 32 bytes. Callers apply the floor of 1.
   */
  static BigInteger iterationCount(BigInteger expLen, BigInteger expHead, int bytePrice) {
    BigInteger highestBit = BigInteger.valueOf(Math.max(expHead.bitLength() - 1, 0));
    if (expLen.compareTo(THIRTY_TWO) <= 0) {
      return highestBit;
    }
    return expLen.subtract(THIRTY_TWO).multiply(BigInteger.valueOf(bytePrice)).add(highestBit);
  }

  /** ceil(length / 8): the operand size in 64-bit limbs. */
  private static BigInteger words64(BigInteger length) {
    return length.add(BigInteger.valueOf(7)).shiftRight(3);
  }
}
