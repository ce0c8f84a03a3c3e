package org.linden.chain.txpool;

import java.util.Optional;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.txpool.TxPoolException.Reason;
import org.linden.evm.Delegation;
import org.linden.evm.state.AccountInfo;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * The checks against the head state and the pool's contents, run under the pool's lock:
 * nonce, code at the sender, per-sender limits, replacement price, balance and room in the
 * pool. The outcome says what to insert, what it replaces and what to evict for it; nothing
 * changes until every check has passed.
 */
final class Admission {
  /**
   * @param tx the transaction to insert
   * @param stateNonce the sender's account nonce at the head
   * @param replaced the pooled transaction with the same sender and nonce, or null
   * @param victim a transaction of another sender to evict to make room, or null
   */
  record Decision(PooledTransaction tx, long stateNonce, PooledTransaction replaced, PooledTransaction victim) {}

  private final TxPoolConfig config;

  Admission(TxPoolConfig config) {
    this.config = config;
  }

  Decision decide(ValidTransaction valid, BlobTransactionWithBlobs sidecar, PoolHead head, TxLists lists,
      long sequence) throws TxPoolException {
    Transaction tx = valid.transaction();
    Address sender = valid.sender();
    Optional<AccountInfo> account = head.state().account(sender);
    long stateNonce = account.map(AccountInfo::nonce).orElse(0L);
    if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
      throw new TxPoolException(Reason.NONCE_TOO_LOW,
          "next nonce " + Long.toUnsignedString(stateNonce) + ", tx nonce " + Long.toUnsignedString(tx.nonce()));
    }
    boolean delegated = checkCode(account, head, sender);

    SenderTxs own = lists.sender(sender);
    PooledTransaction replaced = own == null ? null : own.get(tx.nonce());
    if (replaced != null) {
      checkReplacement(replaced.tx(), tx);
    } else {
      checkNewNonce(tx, own, stateNonce, delegated);
    }

    UInt256 cost = checkFunds(tx, own, account.map(AccountInfo::balance).orElse(UInt256.ZERO));
    PooledTransaction pooled = new PooledTransaction(valid, sidecar, cost, sequence);
    checkBlobRoom(pooled, replaced, lists);
    PooledTransaction victim = replaced == null ? makeRoom(pooled, own, stateNonce, head, lists) : null;
    return new Decision(pooled, stateNonce, replaced, victim);
  }

  /**
   * EIP-3607: only an account without code, or (from Prague) with a delegation designator,
   * may send. Returns whether the sender delegates.
   */
  static boolean checkCode(Optional<AccountInfo> account, PoolHead head, Address sender)
      throws TxPoolException {
    if (account.isEmpty() || account.get().codeHash().equals(AccountInfo.EMPTY_CODE_HASH)) {
      return false;
    }
    var code = head.state().code(account.get().codeHash());
    if (head.fork().isAtLeast(Fork.PRAGUE) && Delegation.isDesignator(code)) {
      return true;
    }
    throw new TxPoolException(Reason.SENDER_NOT_EOA, "address " + sender + ", len(code): " + code.size());
  }

  private void checkReplacement(Transaction old, Transaction next) throws TxPoolException {
    int bump = old instanceof BlobTransaction ? config.blobPriceBumpPercent() : config.priceBumpPercent();
    boolean outbids = Fees.isBumped(old.maxFeePerGas(), next.maxFeePerGas(), bump)
        && Fees.isBumped(old.maxPriorityFeePerGas(), next.maxPriorityFeePerGas(), bump);
    // A blob replacement must also raise the blob fee cap: that is what pays for the blobs' churn.
    if (outbids && old instanceof BlobTransaction oldBlob && next instanceof BlobTransaction nextBlob) {
      outbids = Fees.isBumped(oldBlob.maxFeePerBlobGas(), nextBlob.maxFeePerBlobGas(), bump);
    }
    if (!outbids) {
      throw new TxPoolException(Reason.REPLACEMENT_UNDERPRICED);
    }
  }

  private void checkNewNonce(Transaction tx, SenderTxs own, long stateNonce, boolean delegated)
      throws TxPoolException {
    long next = own == null ? stateNonce : own.nextNonce();
    // A new nonce is never inside the pending run (that run has no gaps), so tx.nonce() >= next.
    long gap = tx.nonce() - next;
    if (Long.compareUnsigned(gap, config.maxNonceGap()) > 0) {
      throw new TxPoolException(Reason.NONCE_TOO_HIGH,
          "tx nonce " + Long.toUnsignedString(tx.nonce()) + ", next executable nonce " + Long.toUnsignedString(next)
              + ", the pool queues at most " + config.maxNonceGap() + " ahead");
    }
    if (own != null && own.size() >= config.maxPerSender()) {
      throw new TxPoolException(Reason.ACCOUNT_LIMIT_EXCEEDED,
          "the sender has " + own.size() + " pooled transactions, the limit is " + config.maxPerSender());
    }
    // Code running for a delegated account can spend its balance and so invalidate any
    // transaction queued behind the first; geth keeps one executable transaction for it.
    if (delegated && (own != null || tx.nonce() != stateNonce)) {
      throw new TxPoolException(Reason.INFLIGHT_LIMIT_REACHED);
    }
  }

  /** The balance must cover this transaction and every pooled one of the sender before it. */
  private static UInt256 checkFunds(Transaction tx, SenderTxs own, UInt256 balance) throws TxPoolException {
    UInt256 cost = Fees.maxCost(tx);
    if (cost == null) {
      throw new TxPoolException(Reason.INSUFFICIENT_FUNDS, "balance " + balance + ", tx cost above 2^256");
    }
    if (balance.lt(cost)) {
      throw new TxPoolException(Reason.INSUFFICIENT_FUNDS,
          "balance " + balance + ", tx cost " + cost + ", overshot " + cost.sub(balance));
    }
    UInt256 before = own == null ? UInt256.ZERO : own.costBefore(tx.nonce());
    UInt256 need = before == null ? null : Fees.checkedAdd(before, cost);
    if (need == null || balance.lt(need)) {
      throw new TxPoolException(Reason.INSUFFICIENT_FUNDS,
          "balance " + balance + ", queued cost " + (before == null ? "above 2^256" : before) + ", tx cost " + cost
              + (need == null ? "" : ", overshot " + need.sub(balance)));
    }
    return cost;
  }

  private void checkBlobRoom(PooledTransaction tx, PooledTransaction replaced, TxLists lists)
      throws TxPoolException {
    int added = TxLists.blobCount(tx) - (replaced == null ? 0 : TxLists.blobCount(replaced));
    if (added > 0 && lists.blobs() + added > config.maxBlobs()) {
      throw new TxPoolException(Reason.POOL_FULL,
          "the pool holds " + lists.blobs() + " blobs, the limit is " + config.maxBlobs());
    }
  }

  /**
   * Finds the transaction to evict if the new one needs a slot the pool does not have: a
   * queued slot if it will be queued and the queue is full, otherwise any slot if the pool
   * is full. Only other senders' transactions are evicted, and only ones that pay less.
   */
  private PooledTransaction makeRoom(PooledTransaction tx, SenderTxs own, long stateNonce, PoolHead head,
      TxLists lists) throws TxPoolException {
    long next = own == null ? stateNonce : own.nextNonce();
    boolean queued = tx.nonce() != next;
    boolean queueFull = queued && lists.queued() >= config.maxQueued();
    if (!queueFull && lists.size() < config.capacity()) {
      return null;
    }
    PooledTransaction victim = lists.cheapestTail(tx.sender(), queueFull, head.baseFee());
    if (victim == null) {
      throw new TxPoolException(Reason.POOL_FULL);
    }
    if (Fees.comparePrice(tx.tx(), victim.tx(), head.baseFee()) <= 0) {
      throw new TxPoolException(Reason.UNDERPRICED,
          "the pool is full and its cheapest transaction pays as much");
    }
    return victim;
  }
}
