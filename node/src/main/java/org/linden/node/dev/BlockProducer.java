package org.linden.node.dev;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.execution.HeaderValidator;
import org.linden.chain.execution.IrregularChanges;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.txpool.TxPool;
import org.linden.state.PersistentWorldState;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one block on the chain's head from the pool's pending transactions and imports
 * it. The pool hears about the new head through the chain's listeners, not from here, so
 * that it follows every head change the same way.
 *
 * <p>Transactions come best tip first, within the block's gas and blob gas limits. The pool
 * checked them against the head state, so the first attempt normally builds; if a
 * transaction fails in the block anyway, the block is rebuilt one transaction at a time,
 * leaving out the ones that fail (and their senders' later nonces).
 *
 * <p>Not thread-safe by itself: {@link DevSealer} calls it from one thread.
 */
final class BlockProducer {
  private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);

  private final Blockchain chain;
  private final TxPool pool;
  private final ChainConfig config;
  private final BlockBuilder builder;
  private final HeaderValidator headers;
  private final DevClock clock;
  private final Address coinbase;

  BlockProducer(Blockchain chain, TxPool pool, DevClock clock, Address coinbase) {
    this.chain = chain;
    this.pool = pool;
    this.config = chain.config();
    this.builder = new BlockBuilder(config);
    this.headers = new HeaderValidator(config);
    this.clock = clock;
    this.coinbase = coinbase;
  }

  /**
   * Seals a block with at most {@code maxTransactions} pending transactions. Returns the
   * imported block, or empty when there was nothing to include and {@code allowEmpty} is
   * false.
   */
  Optional<Block> produce(int maxTransactions, boolean allowEmpty) throws BlockValidationException {
    return produce(maxTransactions, allowEmpty, IrregularChanges.NONE);
  }

  /**
   * As {@link #produce(int, boolean)}, for a block that also carries {@code irregular}
   * changes (dev-mode state edits), applied before its transactions and stored with it.
   */
  Optional<Block> produce(int maxTransactions, boolean allowEmpty, IrregularChanges irregular)
      throws BlockValidationException {
    BlockHeader parent = chain.head();
    long timestamp = clock.timestampAfter(parent);
    Fork fork = config.forkAt(parent.number() + 1, timestamp);
    UInt256 baseFee = fork.isAtLeast(Fork.LONDON) ? HeaderValidator.baseFee(parent) : UInt256.ZERO;
    BlobSchedule blobs = config.blobScheduleAt(timestamp);
    UInt256 blobBaseFee = fork.isAtLeast(Fork.CANCUN)
        ? blobs.blobBaseFee(headers.excessBlobGas(parent, timestamp, fork))
        : UInt256.ZERO;
    List<ValidTransaction> ordered = pool.pendingOrdered(baseFee, blobBaseFee, parent.gasLimit(),
        blobs.maxBlobGasPerBlock());
    List<ValidTransaction> candidates = maxTransactions == 0 ? List.of() : ordered;
    Attempt built = buildBest(parent, candidates, maxTransactions, timestamp, irregular);
    if (built == null || (built.block().transactions().isEmpty() && !allowEmpty)) {
      return Optional.empty();
    }
    // The builder executed the block already; the chain commits that result after checking it.
    chain.importBuilt(built.built(), built.irregular(), built.state());
    clock.sealed(timestamp);
    return Optional.of(built.block());
  }

  /** A built block and the irregular changes it was built with (the edits, and the senders of impersonated transactions). */
  private record Attempt(BlockBuilder.Built built, IrregularChanges irregular, PersistentWorldState.Prepared state) {
    Block block() {
      return built.block();
    }
  }

  private Attempt buildBest(BlockHeader parent, List<ValidTransaction> ordered, int max, long timestamp,
      IrregularChanges irregular) throws BlockValidationException {
    List<ValidTransaction> first = new ArrayList<>();
    for (ValidTransaction v : ordered) {
      if (first.size() == max) {
        break;
      }
      first.add(v);
    }
    try {
      return build(parent, first, timestamp, irregular);
    } catch (BlockValidationException e) {
      if (first.isEmpty()) {
        throw e;
      }
      LOG.debug("block with {} transactions failed ({}); adding them one at a time", first.size(), e.getMessage());
    }
    // One at a time: keep each transaction that still builds; a failed one takes its sender's later nonces out.
    List<ValidTransaction> included = new ArrayList<>();
    Set<Address> skipped = new HashSet<>();
    Attempt best = build(parent, List.of(), timestamp, irregular);
    for (ValidTransaction v : ordered) {
      if (included.size() == max) {
        break;
      }
      if (skipped.contains(v.sender())) {
        continue;
      }
      List<ValidTransaction> attempt = new ArrayList<>(included);
      attempt.add(v);
      try {
        best = build(parent, attempt, timestamp, irregular);
        included = attempt;
      } catch (BlockValidationException e) {
        LOG.warn("leaving transaction {} out of block {}: {}", v.hash(), parent.number() + 1, e.getMessage());
        skipped.add(v.sender());
      }
    }
    return best;
  }

  private Attempt build(BlockHeader parent, List<ValidTransaction> txs, long timestamp,
      IrregularChanges irregular) throws BlockValidationException {
    IrregularChanges withSenders = withImpersonatedSenders(irregular, txs);
    List<Transaction> body = txs.stream().map(ValidTransaction::transaction).toList();
    // The root the changes would give, worked out without writing; the last one prepared
    // (for the block's final changes) is committed with the block.
    PersistentWorldState.Prepared[] last = new PersistentWorldState.Prepared[1];
    BlockBuilder.Built built = builder.build(parent, chain.state(), body, timestamp, coinbase, this::canonicalHash,
        changes -> {
          last[0] = chain.state().prepare(changes);
          return last[0].postRoot();
        }, withSenders);
    return new Attempt(built, withSenders, last[0]);
  }

  /** Adds the sender of each impersonated transaction among {@code txs}, which its placeholder signature cannot give. */
  private static IrregularChanges withImpersonatedSenders(IrregularChanges irregular, List<ValidTransaction> txs) {
    Map<Hash, Address> senders = new LinkedHashMap<>(irregular.senders());
    for (ValidTransaction v : txs) {
      if (ImpersonatedSignature.isPlaceholder(v.transaction())) {
        senders.put(v.hash(), v.sender());
      }
    }
    return senders.size() == irregular.senders().size() ? irregular
        : new IrregularChanges(irregular.stateEdits(), senders);
  }

  private Hash canonicalHash(long number) {
    return chain.store().canonicalHash(number).orElse(Hash.ZERO);
  }
}
