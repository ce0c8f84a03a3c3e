package org.linden.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Gauges whose values come from parts wired in later (peer-to-peer networking, sync,
 * consensus): each reads a supplier that is zero until its part installs its own.
 */
public final class ExternalGauges {
  private volatile IntSupplier peers = () -> 0;
  private volatile DoubleSupplier syncProgress = () -> 1.0;
  private volatile LongSupplier consensusRound = () -> 0;
  private final Counter roundChanges;

  ExternalGauges(MeterRegistry registry) {
    Gauge.builder("linden.p2p.peers", this, g -> g.peers.getAsInt())
        .description("Connected peers").register(registry);
    Gauge.builder("linden.sync.progress", this, g -> g.syncProgress.getAsDouble())
        .description("Sync progress from 0 to 1 (1 when in sync)").register(registry);
    Gauge.builder("linden.consensus.round", this, g -> g.consensusRound.getAsLong())
        .description("Current consensus round").register(registry);
    roundChanges = Counter.builder("linden.consensus.round.changes")
        .description("Consensus round changes").register(registry);
  }

  /** Where the number of connected peers comes from. */
  public void peers(IntSupplier source) {
    peers = source;
  }

  /** Where sync progress (0 to 1) comes from; 1 (in sync) until set. */
  public void syncProgress(DoubleSupplier source) {
    syncProgress = source;
  }

  /** Where the current consensus round comes from. */
  public void consensusRound(LongSupplier source) {
    consensusRound = source;
  }

  /** Counts one consensus round change. */
  public void roundChanged() {
    roundChanges.increment();
  }
}
