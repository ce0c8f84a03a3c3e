package org.linden.types;

import java.math.BigInteger;

/**
 * A slow, obviously-correct model of the EVM word operations on {@link BigInteger}, written
 * from execution-specs ({@code vm/instructions/arithmetic.py}, {@code bitwise.py},
 * {@code comparison.py}) and not from {@link UInt256}. Arguments come in the order the opcode
 * pops them. Every value in and out is in 0 .. 2^256-1.
 */
final class EvmReference {
  static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  static final BigInteger MAX = MOD.subtract(BigInteger.ONE);
  static final BigInteger SIGN_LIMIT = BigInteger.ONE.shiftLeft(255); // U255_CEIL_VALUE
  private static final BigInteger BYTE_MASK = BigInteger.valueOf(0xff);
  private static final BigInteger B256 = BigInteger.valueOf(256);
  private static final BigInteger B32 = BigInteger.valueOf(32);
  private static final BigInteger B31 = BigInteger.valueOf(31);

  private EvmReference() {}

  static BigInteger wrap(BigInteger x) {
    return x.mod(MOD);
  }

  /** U256.to_signed. */
  static BigInteger toSigned(BigInteger x) {
    return x.compareTo(SIGN_LIMIT) >= 0 ? x.subtract(MOD) : x;
  }

  /** U256.from_signed. */
  static BigInteger fromSigned(BigInteger x) {
    return wrap(x);
  }

  static BigInteger add(BigInteger x, BigInteger y) {
    return wrap(x.add(y));
  }

  static BigInteger sub(BigInteger x, BigInteger y) {
    return wrap(x.subtract(y));
  }

  static BigInteger mul(BigInteger x, BigInteger y) {
    return wrap(x.multiply(y));
  }

  static BigInteger div(BigInteger dividend, BigInteger divisor) {
    return divisor.signum() == 0 ? BigInteger.ZERO : dividend.divide(divisor);
  }

  static BigInteger sdiv(BigInteger a, BigInteger b) {
    BigInteger dividend = toSigned(a);
    BigInteger divisor = toSigned(b);
    BigInteger quotient;
    if (divisor.signum() == 0) {
      quotient = BigInteger.ZERO;
    } else if (dividend.equals(SIGN_LIMIT.negate()) && divisor.equals(BigInteger.ONE.negate())) {
      quotient = SIGN_LIMIT.negate();
    } else {
      int sign = dividend.multiply(divisor).signum();
      quotient = BigInteger.valueOf(sign).multiply(dividend.abs().divide(divisor.abs()));
    }
    return fromSigned(quotient);
  }

  static BigInteger mod(BigInteger x, BigInteger y) {
    return y.signum() == 0 ? BigInteger.ZERO : x.mod(y);
  }

  static BigInteger smod(BigInteger a, BigInteger b) {
    BigInteger x = toSigned(a);
    BigInteger y = toSigned(b);
    if (y.signum() == 0) {
      return BigInteger.ZERO;
    }
    // get_sign(x) * (abs(x) % abs(y))
    return fromSigned(BigInteger.valueOf(x.signum()).multiply(x.abs().mod(y.abs())));
  }

  static BigInteger addmod(BigInteger x, BigInteger y, BigInteger z) {
    return z.signum() == 0 ? BigInteger.ZERO : x.add(y).mod(z);
  }

  static BigInteger mulmod(BigInteger x, BigInteger y, BigInteger z) {
    return z.signum() == 0 ? BigInteger.ZERO : x.multiply(y).mod(z);
  }

  static BigInteger exp(BigInteger base, BigInteger exponent) {
    return base.modPow(exponent, MOD);
  }

  /** Exponent bytes charged by EXP: (bit_length + 7) // 8. */
  static int expBytes(BigInteger exponent) {
    return (exponent.bitLength() + 7) / 8;
  }

  static BigInteger signextend(BigInteger byteNum, BigInteger value) {
    if (byteNum.compareTo(B31) > 0) {
      return value;
    }
    int n = byteNum.intValueExact();
    byte[] valueBytes = toBytes32(value);
    // consider only the N least significant bytes, N = byte_num + 1
    byte[] kept = java.util.Arrays.copyOfRange(valueBytes, 31 - n, 32);
    int signBit = (kept[0] & 0xff) >> 7;
    if (signBit == 0) {
      return new BigInteger(1, kept);
    }
    byte[] extended = new byte[32];
    java.util.Arrays.fill(extended, 0, 32 - (n + 1), (byte) 0xff);
    System.arraycopy(kept, 0, extended, 32 - (n + 1), n + 1);
    return new BigInteger(1, extended);
  }

  static BigInteger byteOp(BigInteger byteIndex, BigInteger word) {
    if (byteIndex.compareTo(B32) >= 0) {
      return BigInteger.ZERO;
    }
    int extraBytesToRight = 31 - byteIndex.intValueExact();
    return word.shiftRight(extraBytesToRight * 8).and(BYTE_MASK);
  }

  static BigInteger shl(BigInteger shift, BigInteger value) {
    return shift.compareTo(B256) < 0 ? value.shiftLeft(shift.intValueExact()).and(MAX) : BigInteger.ZERO;
  }

  static BigInteger shr(BigInteger shift, BigInteger value) {
    return shift.compareTo(B256) < 0 ? value.shiftRight(shift.intValueExact()) : BigInteger.ZERO;
  }

  static BigInteger sar(BigInteger shift, BigInteger value) {
    BigInteger signedValue = toSigned(value);
    if (shift.compareTo(B256) < 0) {
      // BigInteger.shiftRight floors like Python's >> on negative numbers
      return fromSigned(signedValue.shiftRight(shift.intValueExact()));
    }
    return signedValue.signum() >= 0 ? BigInteger.ZERO : MAX;
  }

  static BigInteger and(BigInteger x, BigInteger y) {
    return x.and(y);
  }

  static BigInteger or(BigInteger x, BigInteger y) {
    return x.or(y);
  }

  static BigInteger xor(BigInteger x, BigInteger y) {
    return x.xor(y);
  }

  static BigInteger not(BigInteger x) {
    return MAX.subtract(x);
  }

  static boolean lt(BigInteger x, BigInteger y) {
    return x.compareTo(y) < 0;
  }

  static boolean gt(BigInteger x, BigInteger y) {
    return x.compareTo(y) > 0;
  }

  static boolean slt(BigInteger x, BigInteger y) {
    return toSigned(x).compareTo(toSigned(y)) < 0;
  }

  static boolean sgt(BigInteger x, BigInteger y) {
    return toSigned(x).compareTo(toSigned(y)) > 0;
  }

  static boolean eq(BigInteger x, BigInteger y) {
    return x.equals(y);
  }

  static boolean iszero(BigInteger x) {
    return x.signum() == 0;
  }

  /** CLZ (EIP-7939): 256 for zero, else 256 - bit_length. */
  static int clz(BigInteger x) {
    return x.signum() == 0 ? 256 : 256 - x.bitLength();
  }

  static byte[] toBytes32(BigInteger x) {
    byte[] raw = x.toByteArray(); // may carry a leading sign byte
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
