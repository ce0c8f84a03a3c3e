package org.linden.chain.execution;

import java.math.BigInteger;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * Blob parameters of a fork (EIP-4844, EIP-7691, EIP-7892 blob-parameter-only forks):
 * the target and maximum number of blobs per block and the base fee update fraction.
 */
public record BlobSchedule(int target, int max, long baseFeeUpdateFraction) {
  public static final long GAS_PER_BLOB = 1L << 17;
  public static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

  /** The default schedule of a fork (before Cancun: no blobs). */
  public static BlobSchedule defaultFor(Fork fork) {
    if (fork.isAtLeast(Fork.PRAGUE)) {
      return new BlobSchedule(6, 9, 5_007_716);
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      return new BlobSchedule(3, 6, 3_338_477);
    }
    return new BlobSchedule(0, 0, 1);
  }

  public long maxBlobGasPerBlock() {
    return max * GAS_PER_BLOB;
  }

  public long targetBlobGasPerBlock() {
    return target * GAS_PER_BLOB;
  }

  /** The blob base fee for a block with this excess blob gas: fake_exponential(1, excess, fraction). */
  public UInt256 blobBaseFee(long excessBlobGas) {
    return UInt256.fromBigInteger(fakeExponential(MIN_BLOB_BASE_FEE, BigInteger.valueOf(excessBlobGas),
        BigInteger.valueOf(baseFeeUpdateFraction)));
  }

  /** factor · e^(numerator/denominator), approximated by its Taylor series as EIP-4844 defines. */
  static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = factor.multiply(denominator);
    for (int i = 1; accum.signum() > 0; i++) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }
}
