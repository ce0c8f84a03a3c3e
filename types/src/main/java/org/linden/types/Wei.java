package org.linden.types;

import java.math.BigInteger;

/**
 * An amount of the native coin in wei: a non-negative integer below 2^256. Arithmetic is
 * checked: an overflow or a negative result throws instead of wrapping.
 */
public record Wei(UInt256 value) implements Comparable<Wei> {
  public static final Wei ZERO = new Wei(UInt256.ZERO);
  public static final BigInteger WEI_PER_ETHER = BigInteger.TEN.pow(18);

  public Wei {
    if (value == null) {
      throw new IllegalArgumentException("wei value is null");
    }
  }

  public static Wei of(long wei) {
    if (wei < 0) {
      throw new IllegalArgumentException("wei cannot be negative: " + wei);
    }
    return new Wei(UInt256.valueOf(wei));
  }

  public static Wei of(BigInteger wei) {
    return new Wei(UInt256.fromBigInteger(wei));
  }

  public static Wei ofEther(long ether) {
    return of(BigInteger.valueOf(ether).multiply(WEI_PER_ETHER));
  }

  public Wei add(Wei other) {
    UInt256 sum = value.add(other.value);
    if (UInt256.compareUnsigned(sum, value) < 0) {
      throw new ArithmeticException("wei overflow: " + this + " + " + other);
    }
    return new Wei(sum);
  }

  public Wei subtract(Wei other) {
    if (UInt256.compareUnsigned(value, other.value) < 0) {
      throw new ArithmeticException("wei underflow: " + this + " - " + other);
    }
    return new Wei(value.sub(other.value));
  }

  public BigInteger toBigInteger() {
    return value.toBigInteger();
  }

  @Override
  public int compareTo(Wei o) {
    return UInt256.compareUnsigned(value, o.value);
  }

  @Override
  public String toString() {
    return value.toBigInteger().toString();
  }
}
