package org.linden.node;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPool;

/**
 * Keeps the transaction pool at the chain's head: each new canonical block moves the pool
 * to it (dropping what the block mined or made invalid), and the transactions of blocks a
 * reorg took off the chain go back into the pool with the next new head.
 *
 * <p>The chain calls its listeners inside its import lock, one block at a time, so the
 * list of removed transactions needs no lock of its own beyond this object's.
 *
 * <p>A rewind without a new branch (dev mode's {@code evm_revert}) abandons the removed
 * blocks: their transactions are forgotten, not re-injected (anvil's behaviour: reverting
 * undoes what was mined, while transactions still pending stay in the pool).
 */
final class PoolHeadFollower implements Blockchain.ChainListener {
  private final Blockchain chain;
  private final TxPool pool;
  private final List<Transaction> removed = new ArrayList<>();

  PoolHeadFollower(Blockchain chain, TxPool pool) {
    this.chain = chain;
    this.pool = pool;
  }

  @Override
  public synchronized void blockRemoved(Block block) {
    // A reorg rewinds newest block first; the pool wants the oldest block's transactions first.
    removed.addAll(0, block.transactions());
  }

  @Override
  public void headRewound(BlockHeader newHead) {
    synchronized (this) {
      removed.clear();
    }
    pool.onNewHead(newHead, chain.state(), List.of());
  }

  @Override
  public void blockAdded(Block block, List<Receipt> receipts) {
    List<Transaction> reinject;
    synchronized (this) {
      reinject = List.copyOf(removed);
      removed.clear();
    }
    pool.onNewHead(block.header(), chain.state(), reinject);
  }
}
