package org.linden.chain.txpool;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.types.Address;
import org.linden.types.UInt256;

/**
 * Pending transactions in the order a block producer wants them: the best-paying first
 * across senders (effective tip at the given base fee, earlier arrival on a tie), each
 * sender's in nonce order. A transaction that cannot pay the base fee or the blob base fee
 * ends its sender's run, because the sender's later nonces depend on it.
 *
 * <p>It works on a snapshot taken when it was made, so it needs no lock and the pool may
 * change meanwhile. A builder that fails to execute a transaction calls
 * {@link #skipSender} so that none of the sender's later transactions follow.
 */
public final class PendingIterator implements Iterator<ValidTransaction> {
  /** One sender's pending transactions and how far the iterator got. */
  private static final class Cursor {
    private final List<PooledTransaction> txs;
    private int position;

    Cursor(List<PooledTransaction> txs) {
      this.txs = txs;
    }

    PooledTransaction current() {
      return txs.get(position);
    }

    boolean advance() {
      return ++position < txs.size();
    }
  }

  private final UInt256 baseFee;
  private final UInt256 blobBaseFee;
  private final PriorityQueue<Cursor> heads;
  private final Set<Address> skipped = new HashSet<>();

  PendingIterator(List<List<PooledTransaction>> bySender, UInt256 baseFee, UInt256 blobBaseFee) {
    this.baseFee = baseFee;
    this.blobBaseFee = blobBaseFee;
    Comparator<Cursor> best = (a, b) -> Fees.comparePrice(b.current().tx(), a.current().tx(), baseFee);
    heads = new PriorityQueue<>(Math.max(1, bySender.size()),
        best.thenComparingLong(c -> c.current().sequence()));
    for (List<PooledTransaction> txs : bySender) {
      if (!txs.isEmpty()) {
        heads.add(new Cursor(txs));
      }
    }
  }

  @Override
  public boolean hasNext() {
    while (!heads.isEmpty()) {
      PooledTransaction head = heads.peek().current();
      if (!skipped.contains(head.sender()) && canPay(head.tx())) {
        return true;
      }
      heads.poll();
    }
    return false;
  }

  @Override
  public ValidTransaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Cursor c = heads.poll();
    ValidTransaction tx = c.current().valid();
    if (c.advance()) {
      heads.add(c);
    }
    return tx;
  }

  /** Leaves out the remaining transactions of {@code sender}. */
  public void skipSender(Address sender) {
    skipped.add(sender);
  }

  private boolean canPay(Transaction tx) {
    if (Fees.isUnderwater(tx, baseFee)) {
      return false;
    }
    return !(tx instanceof BlobTransaction blob) || !blob.maxFeePerBlobGas().lt(blobBaseFee);
  }
}
