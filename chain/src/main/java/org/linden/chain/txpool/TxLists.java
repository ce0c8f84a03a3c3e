package org.linden.chain.txpool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The pool's contents without its rules: every sender's transactions, an index by hash,
 * and the pending and queued counts kept in step with both. Methods that make transactions
 * pending return them, so the pool can announce them.
 */
final class TxLists {
  private final Map<Address, SenderTxs> senders = new HashMap<>();
  private final Map<Hash, PooledTransaction> byHash = new HashMap<>();
  private int pending;
  private int queued;
  private int blobs;

  int pending() {
    return pending;
  }

  int queued() {
    return queued;
  }

  int size() {
    return byHash.size();
  }

  /** Blobs carried by the pooled blob transactions. */
  int blobs() {
    return blobs;
  }

  PooledTransaction get(Hash hash) {
    return byHash.get(hash);
  }

  /** The sender's transactions, or null if it has none. */
  SenderTxs sender(Address address) {
    return senders.get(address);
  }

  Map<Address, SenderTxs> senders() {
    return senders;
  }

  /**
   * Adds {@code tx}, replacing the sender's transaction with the same nonce if there is one,
   * and promotes what it makes executable. {@code stateNonce} is the sender's account nonce,
   * used only if the sender had no transactions. Returns the transactions that became pending.
   */
  List<PooledTransaction> insert(PooledTransaction tx, long stateNonce) {
    SenderTxs s = senders.computeIfAbsent(tx.sender(), a -> new SenderTxs(stateNonce));
    int pendingBefore = s.pendingCount();
    int queuedBefore = s.queuedCount();
    PooledTransaction replaced = s.put(tx);
    if (replaced != null) {
      unindex(replaced);
    }
    index(tx);
    List<PooledTransaction> promoted = s.promote();
    if (replaced != null && s.isPending(tx.nonce())) {
      promoted.addFirst(tx);
    }
    recount(s, pendingBefore, queuedBefore);
    return promoted;
  }

  /** Removes {@code tx}; the sender's transactions after it become queued if it was pending. */
  void remove(PooledTransaction tx) {
    SenderTxs s = senders.get(tx.sender());
    int pendingBefore = s.pendingCount();
    int queuedBefore = s.queuedCount();
    s.remove(tx.nonce());
    unindex(tx);
    recount(s, pendingBefore, queuedBefore);
    if (s.isEmpty()) {
      senders.remove(tx.sender());
    }
  }

  /**
   * Moves a sender to its account nonce at a new head: drops the transactions below it and
   * those {@code keep} refuses (adding both to {@code dropped}), then promotes again.
   * Returns every transaction that is pending afterwards, including those that were before.
   */
  List<PooledTransaction> rebase(Address sender, long stateNonce, Predicate<PooledTransaction> keep,
      List<PooledTransaction> dropped) {
    SenderTxs s = senders.get(sender);
    int pendingBefore = s.pendingCount();
    int queuedBefore = s.queuedCount();
    List<PooledTransaction> gone = s.rebase(stateNonce);
    for (PooledTransaction tx : new ArrayList<>(s.all())) {
      if (!keep.test(tx)) {
        s.remove(tx.nonce());
        gone.add(tx);
      }
    }
    gone.forEach(this::unindex);
    dropped.addAll(gone);
    List<PooledTransaction> promoted = s.promote();
    recount(s, pendingBefore, queuedBefore);
    if (s.isEmpty()) {
      senders.remove(sender);
    }
    return promoted;
  }

  /** True if {@code tx} is in the pool and pending. */
  boolean isPending(PooledTransaction tx) {
    SenderTxs s = senders.get(tx.sender());
    return byHash.get(tx.hash()) == tx && s.isPending(tx.nonce());
  }

  /**
   * The transaction to evict first: among the last transactions of every sender other than
   * {@code protectedSender} (queued ones only if {@code queuedOnly}), the one that pays the
   * least at {@code baseFee}, the newest on a tie. Only a sender's last transaction is a
   * candidate because removing any other would strand the ones after it. Null if none.
   *
   * <p>A linear scan over senders: it runs only when the pool is full, and a heap would have
   * to follow every change of every sender's last transaction.
   */
  PooledTransaction cheapestTail(Address protectedSender, boolean queuedOnly, UInt256 baseFee) {
    PooledTransaction cheapest = null;
    for (SenderTxs s : senders.values()) {
      if (queuedOnly && s.queuedCount() == 0) {
        continue;
      }
      PooledTransaction tail = s.last();
      if (tail.sender().equals(protectedSender)) {
        continue;
      }
      if (cheapest == null || isCheaper(tail, cheapest, baseFee)) {
        cheapest = tail;
      }
    }
    return cheapest;
  }

  private static boolean isCheaper(PooledTransaction a, PooledTransaction b, UInt256 baseFee) {
    int c = Fees.comparePrice(a.tx(), b.tx(), baseFee);
    return c < 0 || (c == 0 && a.sequence() > b.sequence());
  }

  private void index(PooledTransaction tx) {
    byHash.put(tx.hash(), tx);
    blobs += blobCount(tx);
  }

  private void unindex(PooledTransaction tx) {
    byHash.remove(tx.hash());
    blobs -= blobCount(tx);
  }

  static int blobCount(PooledTransaction tx) {
    return tx.sidecar() == null ? 0 : tx.sidecar().blobs().size();
  }

  private void recount(SenderTxs s, int pendingBefore, int queuedBefore) {
    pending += s.pendingCount() - pendingBefore;
    queued += s.queuedCount() - queuedBefore;
  }
}
