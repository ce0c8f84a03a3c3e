package org.linden.node.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Predicate;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;

/**
 * Every measurement a node exposes, in one Prometheus registry: the chain, the pool, the
 * JSON-RPC requests, the parts fed from outside (peers, sync, consensus) and the JVM.
 * Created for every node, whether or not {@code /metrics} is served, so that components
 * can always report to it.
 */
public final class NodeMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final ExternalGauges external;
  private ChainMetrics chainMetrics;
  private Blockchain chain;

  public NodeMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    external = new ExternalGauges(registry);
  }

  /** Starts following {@code chain} (head, finalized block, imports) and {@code pool} (sizes). */
  public void watch(Blockchain chain, TxPool pool) {
    this.chain = chain;
    chainMetrics = new ChainMetrics(registry, chain);
    chain.addListener(chainMetrics);
    TxPoolMetrics.bind(registry, pool);
  }

  /**
   * The JSON-RPC measurements; {@code known} tells registered methods from others, which are
   * all counted under one name so that a client cannot grow the label set without bound.
   */
  public RpcRequestMetrics rpc(Predicate<String> known) {
    return new RpcRequestMetrics(registry, known);
  }

  /** The gauges that peer-to-peer networking, sync and consensus feed. */
  public ExternalGauges external() {
    return external;
  }

  /** The chain's measurements, or null before {@link #watch}. */
  public ChainMetrics chain() {
    return chainMetrics;
  }

  /** The current values in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (chain != null && chainMetrics != null) {
      chain.removeListener(chainMetrics);
    }
    gc.close();
    registry.close();
  }
}
