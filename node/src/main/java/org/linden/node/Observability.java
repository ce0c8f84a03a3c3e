package org.linden.node;

import java.util.function.BooleanSupplier;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.explorer.AddressIndex;
import org.linden.explorer.ExplorerAssets;
import org.linden.explorer.LindenApi;
import org.linden.node.metrics.MetricsServer;
import org.linden.node.metrics.NodeMetrics;
import org.linden.node.metrics.Readiness;
import org.linden.rpc.JsonRpcServer;
import org.linden.rpc.RpcDispatcher;

/**
 * The node's explorer and monitoring, wired in one place: the metrics (always collected),
 * readiness, the address index, the explorer's pages and {@code linden_} methods on the
 * JSON-RPC server, and the monitoring port.
 */
final class Observability implements RpcExtension, AutoCloseable {
  private final ObservabilitySettings settings;
  private final NodeMetrics metrics = new NodeMetrics();
  private final Readiness readiness;
  private Blockchain chain;
  private AddressIndex index;
  private MetricsServer server;

  Observability(ObservabilitySettings settings, BooleanSupplier serving) {
    this.settings = settings;
    this.readiness = new Readiness(serving);
  }

  /** Follows the chain and the pool: metrics, and the address index (caught up first) when kept. */
  void watch(Blockchain chain, TxPool pool) {
    this.chain = chain;
    metrics.watch(chain, pool);
    if (settings.explorer() && settings.addressIndex()) {
      index = new AddressIndex(chain);
      index.attach();
    }
  }

  @Override
  public void install(RpcDispatcher dispatcher, JsonRpcServer server) {
    dispatcher.metrics(metrics.rpc(dispatcher::has));
    if (settings.explorer()) {
      new LindenApi(index, chain.store()).register(dispatcher);
      ExplorerAssets assets = new ExplorerAssets();
      server.routePrefix(ExplorerAssets.PATH, assets::get);
      server.route("/", ExplorerAssets::redirectPage);
      server.route(ExplorerAssets.PATH.substring(0, ExplorerAssets.PATH.length() - 1), ExplorerAssets::redirectPage);
    }
  }

  /** Opens the monitoring port, if one is configured. */
  void startMonitoring() {
    if (settings.metrics()) {
      server = MetricsServer.start(settings.metricsHost(), settings.metricsPort(), metrics, readiness);
    }
  }

  NodeMetrics metrics() {
    return metrics;
  }

  Readiness readiness() {
    return readiness;
  }

  /** Where the explorer and metrics are, for the startup line ("" when neither is on). */
  String describe(String rpcUrl) {
    StringBuilder b = new StringBuilder();
    if (settings.explorer()) {
      b.append(", explorer at ").append(rpcUrl).append(ExplorerAssets.PATH);
    }
    if (server != null) {
      String h = settings.metricsHost();
      b.append(", metrics at http://").append(h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h)
          .append(':').append(server.port()).append("/metrics");
    }
    return b.toString();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (index != null) {
      index.detach();
    }
    metrics.close();
  }
}
