package org.linden.node.dev;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.linden.chain.block.Block;
import org.linden.chain.execution.IrregularChanges;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.chain.txpool.TxPoolException;
import org.linden.chain.tx.Transaction;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the blocks of a dev chain. With automine (the default) a transaction that becomes
 * pending is sealed at once in a block of its own, as anvil does, so every transaction has
 * its own block and receipt; with a block time a block is sealed every interval, empty or
 * not, with as many pending transactions as fit. Blocks can also be mined on request, and
 * the clock they carry moved forward.
 *
 * <p>All sealing happens on one thread, so blocks never race each other; callers only
 * queue work. A block that fails to build is logged and the chain stays where it was: the
 * node keeps running and the next attempt starts from the head again.
 */
public final class DevSealer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevSealer.class);

  private final Blockchain chain;
  private final TxPool pool;
  private final DevClock clock;
  private final BlockProducer producer;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean automineQueued = new AtomicBoolean();
  private volatile boolean automine;
  private ScheduledFuture<?> interval;
  private TxPool.Subscription subscription;

  /** A sealer for {@code chain}, taking transactions from {@code pool}; {@code clockSeconds} gives block timestamps. */
  public DevSealer(Blockchain chain, TxPool pool, LongSupplier clockSeconds, Address coinbase) {
    this.chain = chain;
    this.pool = pool;
    this.clock = new DevClock(clockSeconds);
    this.producer = new BlockProducer(chain, pool, clock, coinbase);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dev-sealer");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts sealing: every {@code blockTime}, or on each new pending transaction when it is null. */
  public synchronized void start(Duration blockTime) {
    subscription = pool.addListener(tx -> {
      if (automine) {
        queueAutomine();
      }
    });
    if (blockTime == null) {
      setAutomine(true);
    } else {
      startInterval(blockTime);
    }
  }

  /** Whether pending transactions are sealed as they arrive. */
  public boolean automine() {
    return automine;
  }

  /**
   * Turns automine on or off. On ends interval mining and seals what is pending; off leaves
   * transactions pending until a block is mined some other way.
   */
  public synchronized void setAutomine(boolean on) {
    if (on) {
      stopInterval();
    }
    automine = on;
    if (on) {
      queueAutomine();
    }
  }

  /** Seals a block every {@code seconds} in place of automine; 0 stops interval mining and leaves automine off. */
  public synchronized void setIntervalMining(long seconds) {
    automine = false;
    stopInterval();
    if (seconds > 0) {
      startInterval(Duration.ofSeconds(seconds));
    }
  }

  private void startInterval(Duration blockTime) {
    long ms = blockTime.toMillis();
    interval = thread.scheduleAtFixedRate(() -> seal(Integer.MAX_VALUE, true), ms, ms, TimeUnit.MILLISECONDS);
  }

  private void stopInterval() {
    if (interval != null) {
      interval.cancel(false);
      interval = null;
    }
  }

  /** Queues one block with every pending transaction that fits, empty if none ({@code evm_mine}). */
  public Future<Optional<Block>> mine() {
    return thread.submit(() -> seal(Integer.MAX_VALUE, true));
  }

  /**
   * Queues {@code count} blocks, each with the pending transactions that fit. The first
   * carries {@code timestamp} if given, each later one its parent's plus
   * {@code intervalSeconds} if given; otherwise the clock decides.
   */
  public Future<List<Block>> mine(long count, OptionalLong timestamp, OptionalLong intervalSeconds) {
    return thread.submit(() -> {
      List<Block> blocks = new ArrayList<>();
      for (long i = 0; i < count; i++) {
        if (i == 0 && timestamp.isPresent()) {
          clock.setNext(timestamp.getAsLong());
        } else if (i > 0 && intervalSeconds.isPresent()) {
          clock.setNext(chain.head().timestamp() + intervalSeconds.getAsLong());
        }
        seal(Integer.MAX_VALUE, true).ifPresent(blocks::add);
      }
      return blocks;
    });
  }

  /** A point to go back to: the head block and the clock as they were. */
  public record Checkpoint(Hash head, DevClock.Saved clock) {}

  /** Records the head and the clock, between two blocks (on the sealing thread). */
  public Checkpoint checkpoint() {
    return onSealingThread(() -> new Checkpoint(chain.head().hash(), clock.save()));
  }

  /**
   * Rewinds the chain to the checkpoint's head (the blocks after it are abandoned and their
   * transactions forgotten; pending transactions stay pending) and restores the clock.
   *
   * @throws IllegalStateException if the chain cannot rewind that far
   */
  public void restore(Checkpoint checkpoint) {
    onSealingThread(() -> {
      try {
        chain.rewindTo(checkpoint.head());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      clock.restore(checkpoint.clock());
      return null;
    });
  }

  /**
   * Edits one account of the head state by sealing an empty block that carries the edit
   * (pending transactions stay pending): {@code edit} gets the account as it is (nonce,
   * balance; code and storage unchanged) and returns it as it should be. The chain stores
   * the edit with the block, so the block's state root stays verifiable and replaying the
   * block reproduces it. Returns once the block is the head.
   *
   * @throws IllegalStateException if the block could not be sealed
   */
  public void edit(Address account, java.util.function.UnaryOperator<AccountChange> edit) {
    onSealingThread(() -> {
      AccountInfo now = chain.state().account(account).orElse(new AccountInfo(0, UInt256.ZERO,
          AccountInfo.EMPTY_CODE_HASH));
      AccountChange change = edit.apply(new AccountChange(account, now, null, false, new java.util.HashMap<>()));
      IrregularChanges irregular = new IrregularChanges(List.of(change), java.util.Map.of());
      Block block;
      try {
        block = producer.produce(0, true, irregular).orElseThrow();
      } catch (org.linden.chain.execution.BlockValidationException e) {
        throw new IllegalStateException("could not seal the block with the edit: " + e.getMessage(), e);
      }
      LOG.info("sealed block {} {} editing account {}", block.number(), block.hash(), account);
      return null;
    });
  }

  /**
   * Admits {@code tx} from the impersonated account {@code from} to the pool with a
   * placeholder signature; automine, interval mining or {@code evm_mine} then seal it like
   * any other, recording its sender with the block.
   */
  public Hash submitImpersonated(Transaction tx, Address from) throws TxPoolException {
    return pool.addImpersonated(ImpersonatedSignature.apply(tx, from, chain.config().chainId()), from);
  }

  /** Runs {@code work} on the sealing thread, between blocks, and returns its result. */
  <T> T onSealingThread(java.util.concurrent.Callable<T> work) {
    try {
      return thread.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause().toString(), e.getCause());
    }
  }

  /** Moves the clock of the blocks still to come forward; returns the offset added so far. */
  public long increaseTime(long seconds) {
    return clock.increase(seconds);
  }

  /**
   * Gives the next block exactly {@code timestamp}.
   *
   * @throws IllegalArgumentException if it is not after the head's timestamp
   */
  public void setNextBlockTimestamp(long timestamp) {
    long head = chain.head().timestamp();
    if (Long.compareUnsigned(timestamp, head) <= 0) {
      throw new IllegalArgumentException("timestamp " + Long.toUnsignedString(timestamp)
          + " is not after the head block's timestamp " + Long.toUnsignedString(head));
    }
    clock.setNext(timestamp);
  }

  /**
   * Waits until the work queued so far is done: after a transaction was added with
   * automine on, its block (if it could be built) is then the head.
   */
  public void awaitQueued(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      thread.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void queueAutomine() {
    // One queued task sees every transaction added before it starts; more would find nothing.
    if (automineQueued.compareAndSet(false, true)) {
      thread.execute(() -> {
        automineQueued.set(false);
        while (automine && seal(1, false).isPresent()) {
          // one block per transaction, until no pending transaction can be included
        }
      });
    }
  }

  private Optional<Block> seal(int maxTransactions, boolean allowEmpty) {
    try {
      Optional<Block> block = producer.produce(maxTransactions, allowEmpty);
      block.ifPresent(b -> LOG.info("sealed block {} {} with {} transaction{}, gas used {}", b.number(), b.hash(),
          b.transactions().size(), b.transactions().size() == 1 ? "" : "s", b.header().gasUsed()));
      return block;
    } catch (Exception e) {
      // A dev chain must survive a bad block: log it, keep the head, try again next time.
      LOG.warn("could not seal block {}: {}", chain.head().number() + 1, e.toString());
      return Optional.empty();
    }
  }

  /** Stops sealing; a block being sealed is finished first. */
  @Override
  public synchronized void close() {
    automine = false;
    stopInterval();
    if (subscription != null) {
      subscription.close();
    }
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
