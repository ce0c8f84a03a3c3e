package org.linden.chain.txpool;

import java.util.Objects;
import org.linden.types.UInt256;

/**
 * Limits and prices of a {@link TxPool}. The defaults follow go-ethereum's pool, except
 * that the minimum priority fee is 0 (what a dev chain wants; a public network should
 * raise it with {@link #withMinTip}).
 *
 * <p>Capacity: the pool holds at most {@code maxPending + maxQueued} transactions, of which
 * at most {@code maxQueued} may be queued (not yet executable). Queued transactions can
 * therefore never take the room of executable ones, while executable ones are never held
 * back from pending because of a count.
 *
 * @param maxPending slots reserved for executable transactions (geth GlobalSlots)
 * @param maxQueued most non-executable transactions across all senders (geth GlobalQueue)
 * @param maxPerSender most transactions of one sender, pending and queued together
 * @param maxNonceGap how far past the sender's next executable nonce a queued nonce may be
 * @param minTip the lowest max priority fee per gas the pool accepts (geth PriceLimit)
 * @param priceBumpPercent how much more a replacement must offer, in percent (geth PriceBump)
 * @param blobPriceBumpPercent the same for blob transactions, whose churn costs bandwidth
 *     (geth's blob pool uses 100)
 * @param maxTransactionSize most bytes of a transaction's canonical encoding, blobs not counted
 * @param maxBlobs most blobs held across all blob transactions: each takes 128 KiB of memory
 */
public record TxPoolConfig(
    int maxPending,
    int maxQueued,
    int maxPerSender,
    int maxNonceGap,
    UInt256 minTip,
    int priceBumpPercent,
    int blobPriceBumpPercent,
    int maxTransactionSize,
    int maxBlobs) {
  /** geth's txMaxSize: 4 slots of 32 KiB. */
  public static final int DEFAULT_MAX_TRANSACTION_SIZE = 128 * 1024;

  /**
   * 4096 pending, 1024 queued, 64 per sender, nonce gap 64, min tip 0, bumps 10% and 100%,
   * 128 KiB per transaction, 1024 blobs (128 MiB).
   */
  public static final TxPoolConfig DEFAULT =
      new TxPoolConfig(4096, 1024, 64, 64, UInt256.ZERO, 10, 100, DEFAULT_MAX_TRANSACTION_SIZE, 1024);

  public TxPoolConfig {
    Objects.requireNonNull(minTip, "minTip");
    if (maxPending < 1 || maxQueued < 0 || maxPerSender < 1 || maxNonceGap < 0) {
      throw new IllegalArgumentException("pool limits must be positive (maxQueued and maxNonceGap may be 0)");
    }
    if (priceBumpPercent < 0 || blobPriceBumpPercent < 0 || maxTransactionSize < 1 || maxBlobs < 0) {
      throw new IllegalArgumentException(
          "price bumps and the blob limit must be non-negative, the size limit positive");
    }
  }

  public TxPoolConfig withLimits(int pending, int queued, int perSender) {
    return new TxPoolConfig(pending, queued, perSender, maxNonceGap, minTip, priceBumpPercent,
        blobPriceBumpPercent, maxTransactionSize, maxBlobs);
  }

  public TxPoolConfig withMaxNonceGap(int gap) {
    return new TxPoolConfig(maxPending, maxQueued, maxPerSender, gap, minTip, priceBumpPercent,
        blobPriceBumpPercent, maxTransactionSize, maxBlobs);
  }

  public TxPoolConfig withMinTip(UInt256 tip) {
    return new TxPoolConfig(maxPending, maxQueued, maxPerSender, maxNonceGap, tip, priceBumpPercent,
        blobPriceBumpPercent, maxTransactionSize, maxBlobs);
  }

  public TxPoolConfig withPriceBumps(int percent, int blobPercent) {
    return new TxPoolConfig(maxPending, maxQueued, maxPerSender, maxNonceGap, minTip, percent, blobPercent,
        maxTransactionSize, maxBlobs);
  }

  public TxPoolConfig withMaxTransactionSize(int bytes) {
    return new TxPoolConfig(maxPending, maxQueued, maxPerSender, maxNonceGap, minTip, priceBumpPercent,
        blobPriceBumpPercent, bytes, maxBlobs);
  }

  public TxPoolConfig withMaxBlobs(int blobs) {
    return new TxPoolConfig(maxPending, maxQueued, maxPerSender, maxNonceGap, minTip, priceBumpPercent,
        blobPriceBumpPercent, maxTransactionSize, blobs);
  }

  /** The most transactions the pool holds. */
  int capacity() {
    return maxPending + maxQueued;
  }
}
