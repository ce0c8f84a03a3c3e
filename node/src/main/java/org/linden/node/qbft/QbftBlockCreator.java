package org.linden.node.qbft;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.execution.HeaderValidator;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPool;
import org.linden.consensus.qbft.BlockCreator;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.consensus.qbft.ValidatorSetProvider;
import org.linden.consensus.qbft.VoteProposals;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds this validator's proposal on the chain's head from the pool's pending
 * transactions, with QBFT's header fields and one of its pending votes.
 */
final class QbftBlockCreator implements BlockCreator {
  private static final Logger LOG = LoggerFactory.getLogger(QbftBlockCreator.class);

  private final Blockchain chain;
  private final TxPool pool;
  private final BlockBuilder builder;
  private final Address self;
  private final long periodSeconds;
  private final ValidatorSetProvider validators;
  private final VoteProposals votes;

  QbftBlockCreator(Blockchain chain, TxPool pool, Address self, long periodSeconds, ValidatorSetProvider validators,
      VoteProposals votes) {
    this.chain = chain;
    this.pool = pool;
    this.builder = new BlockBuilder(chain.config());
    this.self = self;
    this.periodSeconds = periodSeconds;
    this.validators = validators;
    this.votes = votes;
  }

  @Override
  public Block createBlock(BlockHeader parent, long height, int round) {
    // Holding the chain's lock: the head state must not move while the block executes on it.
    synchronized (chain) {
      if (!chain.head().hash().equals(parent.hash())) {
        throw new IllegalStateException("head moved past the parent of height " + height);
      }
      long timestamp = Math.max(parent.timestamp() + periodSeconds, System.currentTimeMillis() / 1000);
      List<Transaction> included = new ArrayList<>();
      Block best = build(parent, List.of(), timestamp);
      UInt256 baseFee = HeaderValidator.baseFee(parent);
      for (var v : pool.pendingOrdered(baseFee, parent.gasLimit())) {
        List<Transaction> attempt = new ArrayList<>(included);
        attempt.add(v.transaction());
        try {
          best = builder.build(parent, chain.state(), attempt, timestamp, self, this::canonicalHash, this::rootOf)
              .block();
          included = attempt;
        } catch (BlockValidationException e) {
          LOG.debug("leaving {} out of the proposal for {}: {}", v.hash(), height, e.getMessage());
        }
      }
      ValidatorSet set = validators.validatorsAfter(parent);
      QbftExtraData extra = new QbftExtraData(Bytes.wrap(new byte[QbftExtraData.VANITY_SIZE]), set.validators(),
          votes.next(set), round, List.of());
      // Difficulty 1 whatever the fork: the builder leaves it 0 from Paris's rules on.
      BlockHeader header = best.header().toBuilder().mixHash(BlockHeader.BFT_MIX_HASH).difficulty(UInt256.ONE)
          .extraData(extra.encode()).build();
      return new Block(header, best.body());
    }
  }

  private Block build(BlockHeader parent, List<Transaction> txs, long timestamp) {
    try {
      return builder.build(parent, chain.state(), txs, timestamp, self, this::canonicalHash, this::rootOf).block();
    } catch (BlockValidationException e) {
      throw new IllegalStateException("cannot build an empty block on " + parent.number() + ": " + e.getMessage(), e);
    }
  }

  private Hash rootOf(List<org.linden.evm.state.AccountChange> changes) {
    // The root the changes would give, worked out without writing anything.
    return chain.state().prepare(changes).postRoot();
  }

  private Hash canonicalHash(long number) {
    return chain.store().canonicalHash(number).orElse(Hash.ZERO);
  }

}
