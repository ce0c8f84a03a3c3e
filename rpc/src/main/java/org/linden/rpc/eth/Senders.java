package org.linden.rpc.eth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.SenderRecovery;
import org.linden.chain.tx.Transaction;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * Recovers transaction senders for the JSON encoders. Recovery is an elliptic-curve
 * operation per transaction and a full block or a log poll asks for the same senders
 * again and again, so recent results are kept in a small cache keyed by transaction hash.
 */
final class Senders {
  private static final int CACHE_SIZE = 8192;

  private final ChainConfig config;
  private final RecordedSenders recorded;
  private final Map<Hash, Address> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Address> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  Senders(ChainConfig config, RecordedSenders recorded) {
    this.config = config;
    this.recorded = recorded;
  }

  /**
   * The sender of {@code tx}, checked under the signature rules of the block at
   * {@code number}/{@code timestamp}; for a transaction whose signature recovers no one, the
   * sender recorded for it in block {@code blockHash} (null while pending).
   */
  Address of(Transaction tx, Hash txHash, Hash blockHash, long number, long timestamp) {
    synchronized (cache) {
      Address cached = cache.get(txHash);
      if (cached != null) {
        return cached;
      }
    }
    Fork fork = config.forkAt(number, timestamp);
    Address sender;
    try {
      sender = SenderRecovery.recover(tx, fork, config.chainId());
    } catch (InvalidTransactionException e) {
      // A stored or pooled transaction was validated before: either its sender was recorded
      // (a dev chain's impersonated transaction), or the data is corrupt.
      Address known = recorded.sender(txHash, blockHash).orElse(null);
      if (known != null) {
        return known;
      }
      throw new IllegalStateException("cannot recover the sender of transaction " + txHash + ": " + e.getMessage(), e);
    }
    synchronized (cache) {
      cache.put(txHash, sender);
    }
    return sender;
  }
}
