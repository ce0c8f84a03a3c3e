package org.linden.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;

/**
 * The chain's measurements: head and finalized block numbers, gas used, blocks added and
 * removed, and how long each import took and at what gas rate. Updated from the chain's listener, so a scrape never takes the chain's lock.
 */
public final class ChainMetrics implements Blockchain.ChainListener {
  private final Blockchain chain;
  private final AtomicLong head = new AtomicLong();
  private final AtomicLong finalized = new AtomicLong();
  private final AtomicLong gasPerSecond = new AtomicLong();
  private final Counter gasUsed;
  private final Counter blocksAdded;
  private final Counter blocksRemoved;
  private final Timer importTime;

  ChainMetrics(MeterRegistry registry, Blockchain chain) {
    this.chain = chain;
    BlockHeader h = chain.head();
    head.set(h.number());
    finalized.set(finalizedNumber());
    Gauge.builder("linden.chain.head", head, AtomicLong::get)
        .description("Number of the head block").register(registry);
    Gauge.builder("linden.chain.finalized", finalized, AtomicLong::get)
        .description("Number of the finalized block").register(registry);
    Gauge.builder("linden.block.import.gas.per.second", gasPerSecond, AtomicLong::get)
        .description("Gas per second of the last imported block").register(registry);
    gasUsed = Counter.builder("linden.chain.gas.used").description("Gas used by the blocks added to the chain")
        .register(registry);
    blocksAdded = Counter.builder("linden.chain.blocks.added").description("Blocks that became the head")
        .register(registry);
    blocksRemoved = Counter.builder("linden.chain.blocks.removed")
        .description("Blocks taken off the canonical chain by reorgs and rewinds").register(registry);
    importTime = Timer.builder("linden.block.import").description("Time to validate, execute and commit a block")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  @Override
  public void blockAdded(Block block, List<Receipt> receipts) {
    head.set(block.number());
    finalized.set(finalizedNumber());
    gasUsed.increment(block.header().gasUsed());
    blocksAdded.increment();
  }

  @Override
  public void blockRemoved(Block block) {
    blocksRemoved.increment();
    head.set(block.number() - 1);
  }

  @Override
  public void headRewound(BlockHeader newHead) {
    head.set(newHead.number());
    finalized.set(finalizedNumber());
  }

  @Override
  public void importTimed(Block block, long nanos) {
    importTime.record(Duration.ofNanos(nanos));
    gasPerSecond.set((long) (block.header().gasUsed() * 1e9 / Math.max(1, nanos)));
  }

  private long finalizedNumber() {
    // The stored pointer, read without the chain's lock (the store is safe for concurrent readers).
    return chain.store().finalized().flatMap(chain.store()::header).map(BlockHeader::number).orElse(0L);
  }
}
