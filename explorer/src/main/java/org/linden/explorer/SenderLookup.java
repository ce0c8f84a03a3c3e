package org.linden.explorer;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.store.ChainStore;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.SenderRecovery;
import org.linden.chain.tx.Transaction;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The sender of a stored transaction: recovered from its signature under its block's
 * rules, or, for a development chain's impersonated transaction (whose signature recovers
 * no one), the sender recorded with its block.
 */
final class SenderLookup {
  private final ChainConfig config;
  private final ChainStore store;

  SenderLookup(ChainConfig config, ChainStore store) {
    this.config = config;
    this.store = store;
  }

  Address of(Transaction tx, BlockHeader block) {
    try {
      return SenderRecovery.recover(tx, config.forkAt(block.number(), block.timestamp()), config.chainId());
    } catch (InvalidTransactionException e) {
      Hash txHash = tx.hash();
      return store.irregularChanges(block.hash()).map(i -> i.senders().get(txHash))
          .orElseThrow(() -> new IllegalStateException("cannot recover the sender of transaction " + txHash
              + " in block " + block.number() + ": " + e.getMessage()));
    }
  }
}
