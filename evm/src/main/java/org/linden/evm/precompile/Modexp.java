package org.linden.evm.precompile;

import java.math.BigInteger;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * MODEXP at 0x05 (from Byzantium, EIP-198): base^exp mod modulus for big numbers. Input is
 * three 32-byte lengths followed by base, exponent and modulus, all read from call data
 * padded with zeros; the output is exactly modulus-length bytes (all zero when the
 * modulus is zero). Gas follows {@link ModexpGas}. From Osaka (EIP-7823) a length above
 * 1024 bytes fails the call.
 */
public final class Modexp implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x05);

  /** EIP-7823's bound on each length field, in bytes. */
  static final int OSAKA_MAX_LENGTH = 1024;

  /**
   * The largest operand we will materialise. Lengths beyond it can only be paid for with
   * billions of gas, far beyond any block, so refusing them is a guard against memory
   * exhaustion rather than a rule that a real chain can observe.
   */
  static final long MAX_COMPUTABLE_LENGTH = Integer.MAX_VALUE / 8;

  private static final int HEADER_SIZE = 96;
  private static final BigInteger THIRTY_TWO = BigInteger.valueOf(32);

  @Override
  public long gas(Bytes input, Fork fork) {
    BigInteger baseLen = CallData.word(input, 0);
    BigInteger expLen = CallData.word(input, 32);
    BigInteger modLen = CallData.word(input, 64);
    return ModexpGas.cost(baseLen, expLen, modLen, exponentHead(input, baseLen, expLen), fork);
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    BigInteger baseLen = CallData.word(input, 0);
    BigInteger expLen = CallData.word(input, 32);
    BigInteger modLen = CallData.word(input, 64);
    if (fork.isAtLeast(Fork.OSAKA) && exceeds(OSAKA_MAX_LENGTH, baseLen, expLen, modLen)) {
      return PrecompileResult.failure("modexp length above " + OSAKA_MAX_LENGTH + " bytes (EIP-7823)");
    }
    // An empty modulus means empty output whatever the other operands are, so nothing is
    // read; this also covers huge exponent lengths that cost nothing when both the base
    // and the modulus are empty.
    if (modLen.signum() == 0) {
      return PrecompileResult.ok(Bytes.EMPTY);
    }
    if (exceeds(MAX_COMPUTABLE_LENGTH, baseLen, expLen, modLen)) {
      return PrecompileResult.failure("modexp operands too large to compute");
    }
    long baseSize = baseLen.longValueExact();
    long expSize = expLen.longValueExact();
    int modSize = modLen.intValueExact();
    BigInteger base = CallData.readUnsigned(input, HEADER_SIZE, baseSize);
    BigInteger exp = CallData.readUnsigned(input, HEADER_SIZE + baseSize, expSize);
    BigInteger mod = CallData.readUnsigned(input, HEADER_SIZE + baseSize + expSize, modSize);
    if (mod.signum() == 0) {
      return PrecompileResult.ok(Bytes.wrap(new byte[modSize]));
    }
    return PrecompileResult.ok(toFixedSize(base.modPow(exp, mod), modSize));
  }

  /**
   * The first min(32, expLen) bytes of the exponent as a number. The exponent starts at
   * 96 + baseLen, which may lie far past the input: then it reads as zero.
   */
  private static BigInteger exponentHead(Bytes input, BigInteger baseLen, BigInteger expLen) {
    BigInteger start = baseLen.add(BigInteger.valueOf(HEADER_SIZE));
    if (start.compareTo(BigInteger.valueOf(input.size())) >= 0) {
      return BigInteger.ZERO;
    }
    return CallData.readUnsigned(input, start.longValueExact(), expLen.min(THIRTY_TWO).longValueExact());
  }

  private static boolean exceeds(long limit, BigInteger... lengths) {
    BigInteger max = BigInteger.valueOf(limit);
    for (BigInteger length : lengths) {
      if (length.compareTo(max) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Big-endian, left-padded with zeros to {@code size}; the value is below the modulus so it fits. */
  private static Bytes toFixedSize(BigInteger value, int size) {
    byte[] magnitude = value.toByteArray();
    // toByteArray may carry one leading sign byte of zero; skip it.
    int skip = magnitude.length > size ? magnitude.length - size : 0;
    byte[] out = new byte[size];
    System.arraycopy(magnitude, skip, out, size - (magnitude.length - skip), magnitude.length - skip);
    return Bytes.wrap(out);
  }
}
