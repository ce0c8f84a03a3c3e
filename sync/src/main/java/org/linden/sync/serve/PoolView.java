package org.linden.sync.serve;

import java.util.Optional;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/** What the request server reads from the transaction pool; {@code TxPool::networkForm} fits it. */
@FunctionalInterface
public interface PoolView {
  /** The pooled (network) form of a transaction in the pool: a blob transaction with its sidecar. */
  Optional<Bytes> networkForm(Hash transactionHash);
}
