package org.linden.node.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.linden.chain.txpool.TxPool;

/** The transaction pool's sizes, read from the pool at each scrape. */
final class TxPoolMetrics {
  private TxPoolMetrics() {}

  static void bind(MeterRegistry registry, TxPool pool) {
    Gauge.builder("linden.txpool.pending", pool, p -> p.status().pending())
        .description("Transactions ready to be mined").register(registry);
    Gauge.builder("linden.txpool.queued", pool, p -> p.status().queued())
        .description("Transactions waiting for an earlier nonce").register(registry);
  }
}
