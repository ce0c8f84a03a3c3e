package org.linden.chain.txpool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linden.types.UInt256;

/**
 * The pooled transactions of one sender, by nonce. The first {@link #pendingCount()} of them
 * are pending: they continue the account's nonce without a gap, so they can run one after
 * the other. The rest are queued until the gap before them fills.
 *
 * <p>Every nonce held is at least the account nonce of the current head; the pool drops the
 * others when the head moves.
 */
final class SenderTxs {
  private final TreeMap<Long, PooledTransaction> byNonce = new TreeMap<>(Long::compareUnsigned);
  private long stateNonce;
  private int pending;

  SenderTxs(long stateNonce) {
    this.stateNonce = stateNonce;
  }

  /** The account nonce at the current head. */
  long stateNonce() {
    return stateNonce;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  int pendingCount() {
    return pending;
  }

  int queuedCount() {
    return byNonce.size() - pending;
  }

  /** The nonce the sender's next transaction would use if every pending one ran. */
  long nextNonce() {
    return stateNonce + pending;
  }

  PooledTransaction get(long nonce) {
    return byNonce.get(nonce);
  }

  boolean isPending(long nonce) {
    return Long.compareUnsigned(nonce, stateNonce) >= 0 && Long.compareUnsigned(nonce - stateNonce, pending) < 0;
  }

  /** The highest nonce held; removing it never opens a gap before another transaction. */
  PooledTransaction last() {
    Map.Entry<Long, PooledTransaction> e = byNonce.lastEntry();
    return e == null ? null : e.getValue();
  }

  Collection<PooledTransaction> all() {
    return byNonce.values();
  }

  List<PooledTransaction> pendingTxs() {
    return new ArrayList<>(byNonce.values()).subList(0, pending);
  }

  List<PooledTransaction> queuedTxs() {
    List<PooledTransaction> all = new ArrayList<>(byNonce.values());
    return all.subList(pending, all.size());
  }

  /** The sum of the most the transactions before {@code nonce} can cost; null if above 2^256. */
  UInt256 costBefore(long nonce) {
    UInt256 sum = UInt256.ZERO;
    for (PooledTransaction tx : byNonce.headMap(nonce, false).values()) {
      sum = Fees.checkedAdd(sum, tx.maxCost());
      if (sum == null) {
        return null;
      }
    }
    return sum;
  }

  /** Stores {@code tx} under its nonce; returns the transaction it replaced, or null. */
  PooledTransaction put(PooledTransaction tx) {
    return byNonce.put(tx.nonce(), tx);
  }

  /**
   * Removes the transaction at {@code nonce}. If it was pending, those after it lose their
   * predecessor and become queued.
   */
  PooledTransaction remove(long nonce) {
    PooledTransaction removed = byNonce.remove(nonce);
    if (removed != null && isPending(nonce)) {
      pending = (int) (nonce - stateNonce);
    }
    return removed;
  }

  /** Marks as pending the transactions that now continue the run; returns them. */
  List<PooledTransaction> promote() {
    List<PooledTransaction> promoted = new ArrayList<>();
    PooledTransaction next;
    while ((next = byNonce.get(stateNonce + pending)) != null) {
      pending++;
      promoted.add(next);
    }
    return promoted;
  }

  /**
   * Moves to a new account nonce: drops and returns the transactions below it, and makes
   * every remaining one queued until {@link #promote()} runs again.
   */
  List<PooledTransaction> rebase(long newStateNonce) {
    List<PooledTransaction> stale = new ArrayList<>(byNonce.headMap(newStateNonce, false).values());
    for (PooledTransaction tx : stale) {
      byNonce.remove(tx.nonce());
    }
    stateNonce = newStateNonce;
    pending = 0;
    return stale;
  }
}
