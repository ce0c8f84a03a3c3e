package org.linden.chain.txpool;

import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A transaction as the pool holds it.
 *
 * @param valid the transaction with its sender and intrinsic gas
 * @param sidecar the blobs of a blob transaction, kept to serve peers; null for other types
 * @param maxCost what the transaction can take from the sender at most ({@link Fees#maxCost})
 * @param sequence arrival order, which breaks ties between equally priced transactions
 */
record PooledTransaction(ValidTransaction valid, BlobTransactionWithBlobs sidecar, UInt256 maxCost, long sequence) {
  Transaction tx() {
    return valid.transaction();
  }

  Hash hash() {
    return valid.hash();
  }

  Address sender() {
    return valid.sender();
  }

  long nonce() {
    return valid.transaction().nonce();
  }
}
