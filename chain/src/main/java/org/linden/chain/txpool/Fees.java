package org.linden.chain.txpool;

import java.math.BigInteger;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.types.UInt256;

/** Fee arithmetic of the pool: what a transaction may cost its sender and how it ranks. */
final class Fees {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private Fees() {}

  /**
   * The most the transaction can take from its sender: gas · maxFeePerGas + value, plus
   * blob gas · maxFeePerBlobGas. Null if that does not fit in 256 bits, which no balance
   * can cover.
   */
  static UInt256 maxCost(Transaction tx) {
    UInt256 cost = checkedMul(UInt256.valueOf(tx.gas()), tx.maxFeePerGas());
    cost = cost == null ? null : checkedAdd(cost, tx.value());
    if (cost != null && tx instanceof BlobTransaction blob) {
      UInt256 blobFee = checkedMul(UInt256.valueOf(blobGas(blob)), blob.maxFeePerBlobGas());
      cost = blobFee == null ? null : checkedAdd(cost, blobFee);
    }
    return cost;
  }

  static long blobGas(BlobTransaction tx) {
    return BlobSchedule.GAS_PER_BLOB * tx.blobVersionedHashes().size();
  }

  static UInt256 checkedAdd(UInt256 a, UInt256 b) {
    UInt256 sum = a.add(b);
    return sum.lt(a) ? null : sum;
  }

  static UInt256 checkedMul(UInt256 a, UInt256 b) {
    if (a.isZero() || b.isZero()) {
      return UInt256.ZERO;
    }
    UInt256 product = a.mul(b);
    return product.div(a).equals(b) ? product : null;
  }

  /** True if the fee cap cannot pay the base fee: such a transaction cannot be included now. */
  static boolean isUnderwater(Transaction tx, UInt256 baseFee) {
    return tx.maxFeePerGas().lt(baseFee);
  }

  /** min(maxPriorityFee, maxFee - baseFee); only meaningful when the transaction is not underwater. */
  static UInt256 effectiveTip(Transaction tx, UInt256 baseFee) {
    UInt256 headroom = tx.maxFeePerGas().sub(baseFee);
    UInt256 tip = tx.maxPriorityFeePerGas();
    return tip.lt(headroom) ? tip : headroom;
  }

  /**
   * Orders transactions by what they pay a block producer at {@code baseFee}: by effective
   * tip, with every transaction that cannot pay the base fee below every one that can, and
   * those ranked by how close their fee cap comes.
   */
  static int comparePrice(Transaction a, Transaction b, UInt256 baseFee) {
    boolean aUnder = isUnderwater(a, baseFee);
    boolean bUnder = isUnderwater(b, baseFee);
    if (aUnder != bUnder) {
      return aUnder ? -1 : 1;
    }
    if (aUnder) {
      return a.maxFeePerGas().compareTo(b.maxFeePerGas());
    }
    return effectiveTip(a, baseFee).compareTo(effectiveTip(b, baseFee));
  }

  /**
   * True if {@code next} outbids {@code old} by at least {@code percent}: strictly more, and at
   * least {@code old · (100 + percent) / 100} (go-ethereum's rule, integer division).
   */
  static boolean isBumped(UInt256 old, UInt256 next, int percent) {
    if (!next.gt(old)) {
      return false;
    }
    // BigInteger: a fee near 2^256 times 1.1 does not fit in 256 bits, and this is not a hot path.
    BigInteger threshold = old.toBigInteger().multiply(BigInteger.valueOf(100L + percent)).divide(HUNDRED);
    return next.toBigInteger().compareTo(threshold) >= 0;
  }

  /** The lowest value that {@link #isBumped outbids} {@code old}, for error messages. */
  static BigInteger bumpThreshold(UInt256 old, int percent) {
    BigInteger threshold = old.toBigInteger().multiply(BigInteger.valueOf(100L + percent)).divide(HUNDRED);
    return threshold.max(old.toBigInteger().add(BigInteger.ONE));
  }
}
