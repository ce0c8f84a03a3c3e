package org.linden.node.dev;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.linden.chain.block.Block;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the blocks of a dev chain. With automine (the default) a transaction that becomes
 * pending is sealed at once in a block of its own, as anvil does, so every transaction has
 * its own block and receipt; with a block time a block is sealed every interval, empty or
 * not, with as many pending transactions as fit.
 *
 * <p>All sealing happens on one thread, so blocks never race each other; callers only
 * queue work. A block that fails to build is logged and the chain stays where it was: the
 * node keeps running and the next attempt starts from the head again.
 */
public final class DevSealer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevSealer.class);

  private final BlockProducer producer;
  private final Blockchain chain;
  private final TxPool pool;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean automineQueued = new AtomicBoolean();
  private volatile boolean automine;
  private TxPool.Subscription subscription;

  /** A sealer for {@code chain}, taking transactions from {@code pool}; {@code clockSeconds} gives block timestamps. */
  public DevSealer(Blockchain chain, TxPool pool, LongSupplier clockSeconds, Address coinbase) {
    this.chain = chain;
    this.pool = pool;
    this.producer = new BlockProducer(chain, pool, clockSeconds, coinbase);
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
      automine = true;
      queueAutomine();
    } else {
      long ms = blockTime.toMillis();
      thread.scheduleAtFixedRate(() -> seal(Integer.MAX_VALUE, true), ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether pending transactions are sealed as they arrive. */
  public boolean automine() {
    return automine;
  }

  /** Turns automine on or off ({@code evm_setAutomine}); turning it on seals what is pending. */
  public void setAutomine(boolean on) {
    automine = on;
    if (on) {
      queueAutomine();
    }
  }

  /** Queues one block with every pending transaction that fits, empty if none ({@code evm_mine}). */
  public Future<Optional<Block>> mine() {
    return thread.submit(() -> seal(Integer.MAX_VALUE, true));
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
