package org.linden.sync.net;

import java.util.function.Consumer;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPool;
import org.linden.chain.txpool.TxPoolException;
import org.linden.sync.serve.PoolView;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * What transaction propagation needs of the pool: lookups, adding what peers send, and
 * hearing about new pending transactions. {@link #of(TxPool)} adapts the node's pool. Safe
 * to call from any thread.
 */
public interface PoolAccess extends PoolView {
  boolean contains(Hash transactionHash);

  /**
   * Adds a transaction in its network form (a blob transaction with its sidecar).
   *
   * @return whether the pool took it; a refusal (known, underpriced, invalid) is normal
   */
  boolean add(Bytes networkForm);

  /**
   * Calls {@code listener} with every transaction that becomes pending.
   *
   * @return closing it stops the calls
   */
  AutoCloseable onPending(Consumer<Transaction> listener);

  /** The node's pool. */
  static PoolAccess of(TxPool pool) {
    return new PoolAccess() {
      @Override
      public java.util.Optional<Bytes> networkForm(Hash transactionHash) {
        return pool.networkForm(transactionHash);
      }

      @Override
      public boolean contains(Hash transactionHash) {
        return pool.contains(transactionHash);
      }

      @Override
      public boolean add(Bytes networkForm) {
        try {
          pool.addNetworkForm(networkForm);
          return true;
        } catch (TxPoolException e) {
          return false;
        }
      }

      @Override
      public AutoCloseable onPending(Consumer<Transaction> listener) {
        return pool.addListener(listener);
      }
    };
  }
}
