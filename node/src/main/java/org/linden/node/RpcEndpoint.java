package org.linden.node;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.txpool.TxPool;
import org.linden.node.dev.DevSealer;
import org.linden.node.dev.DevChainControl;
import org.linden.node.dev.DevGenesis;
import org.linden.node.rpc.DevAccountHooks;
import org.linden.node.rpc.RpcApis;
import org.linden.node.rpc.SendTransactionApi;
import org.linden.node.rpc.TxPoolApi;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.JsonRpcServer;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcServerOptions;
import org.linden.rpc.debug.DebugApi;
import org.linden.rpc.debug.DebugOptions;
import org.linden.rpc.dev.DevAccountsApi;
import org.linden.rpc.dev.DevApi;
import org.linden.rpc.eth.EthChainApi;
import org.linden.rpc.admin.AdminApi;
import org.linden.rpc.admin.AdminNode;
import org.linden.rpc.eth.EthChainOptions;
import org.linden.rpc.eth.EthStateApi;
import org.linden.rpc.web3.NetApi;
import org.linden.rpc.web3.Web3Api;
import org.linden.types.Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's JSON-RPC side: the methods of the enabled namespaces wired to the chain, the
 * pool and (on a dev chain) the sealer, served with {@code /health} and {@code /ready} by
 * one HTTP and WebSocket server.
 */
final class RpcEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcEndpoint.class);
  /** How long {@code eth_sendRawTransaction} waits for the automine block before answering anyway. */
  private static final Duration AUTOMINE_WAIT = Duration.ofSeconds(30);
  /** geth's default batch limit. */
  private static final int MAX_BATCH = 1000;

  private final Blockchain chain;
  private final TxPool pool;
  private final DevSealer sealer;
  private final NetworkServices network;
  /** Registrations with the chain and the pool, undone on close. */
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private JsonRpcServer server;
  private int port;

  /**
   * What the network layer offers the RPC methods.
   *
   * @param admin the {@code admin} namespace's view of the network
   * @param peerCount the number of connected peers, for {@code net_peerCount}
   * @param syncing the sync's progress while it runs, for {@code eth_syncing}
   */
  record NetworkServices(AdminNode admin, IntSupplier peerCount, Supplier<Optional<EthStateApi.SyncStatus>> syncing) {
    static NetworkServices of(AdminNode admin, IntSupplier peerCount) {
      return new NetworkServices(admin, peerCount, Optional::empty);
    }
  }

  private RpcEndpoint(Blockchain chain, TxPool pool, DevSealer sealer, NetworkServices network) {
    this.chain = chain;
    this.pool = pool;
    this.sealer = sealer;
    this.network = network;
  }

  /**
   * Binds and starts serving; {@code sealer} is null outside dev mode.
   *
   * @throws IllegalStateException if the address cannot be bound (a port in use)
   */
  static RpcEndpoint start(Blockchain chain, TxPool pool, DevSealer sealer, NetworkServices network,
      LindenNode.RpcSettings settings, BooleanSupplier ready, RpcExtension extension) {
    RpcEndpoint endpoint = new RpcEndpoint(chain, pool, sealer, network);
    try {
      endpoint.serve(settings, ready, extension);
      return endpoint;
    } catch (RuntimeException e) {
      endpoint.close();
      throw e;
    }
  }

  private void serve(LindenNode.RpcSettings settings, BooleanSupplier ready, RpcExtension extension) {
    RpcDispatcher dispatcher = new RpcDispatcher(MAX_BATCH);
    register(dispatcher, settings.apis());
    RpcServerOptions defaults = RpcServerOptions.defaults(settings.host(), settings.port());
    List<String> hosts = settings.virtualHosts() == null
        ? defaults.hostAllowList()
        : VirtualHosts.allowList(settings.virtualHosts(), settings.host());
    RpcServerOptions options = new RpcServerOptions(settings.host(), settings.port(), defaults.maxBodyBytes(),
        defaults.maxWebSocketMessageBytes(), defaults.maxConnections(), settings.corsOrigins(), hosts,
        defaults.workerThreads());
    JsonRpcServer s = new JsonRpcServer(dispatcher, options)
        .route("/health", () -> text(200, "ok"))
        .route("/ready", () -> ready.getAsBoolean() ? text(200, "ready") : text(503, "not ready"));
    extension.install(dispatcher, s);
    // A server that fails to bind has closed itself already.
    port = s.start();
    server = s;
  }

  private void register(RpcDispatcher d, RpcApis apis) {
    long chainId = chain.config().chainId();
    if (apis.enabled("web3")) {
      new Web3Api(Version.clientId()).register(d);
    }
    if (apis.enabled("net")) {
      new NetApi(chainId, network.peerCount()).register(d);
    }
    if (apis.enabled("eth")) {
      EthChainApi ethChain = new EthChainApi(chain, hash -> pool.get(hash).map(ValidTransaction::transaction),
          EthChainOptions.defaults(), java.time.InstantSource.system(), hash -> pool.get(hash).map(ValidTransaction::sender));
      subscriptions.add(ethChain);
      subscriptions.add(pool.addListener(tx -> ethChain.onPendingTransaction(tx.hash())));
      ethChain.register(d);
      new EthStateApi(new BlockResolver(chain), sender -> OptionalLong.of(pool.pendingNonce(sender)),
          network.syncing(), EthStateApi.Config.DEFAULTS).register(d);
      new SendTransactionApi(pool, this::afterAdd).register(d);
    }
    if (apis.enabled("txpool")) {
      new TxPoolApi(pool).register(d);
    }
    if (sealer != null) {
      registerDev(d, apis, chainId);
    }
    if (apis.enabled("admin")) {
      new AdminApi(network.admin()).register(d);
    }
    if (apis.enabled("debug")) {
      new DebugApi(new BlockResolver(chain), hash -> pool.get(hash).map(ValidTransaction::transaction),
          DebugOptions.DEFAULTS).register(d);
    }
  }

  /**
   * The dev chain's methods: the {@code evm_*}/{@code anvil_*}/{@code hardhat_*} controls, and
   * with {@code eth} the unlocked test accounts ({@code eth_accounts}, {@code eth_sendTransaction},
   * signing), which only a dev chain may offer since it signs with keys everybody knows.
   */
  private void registerDev(RpcDispatcher d, RpcApis apis, long chainId) {
    DevChainControl control = new DevChainControl(sealer, this::afterAdd);
    if (apis.enabled("evm")) {
      new DevApi(control).register(d);
    }
    if (apis.enabled("eth")) {
      new DevAccountsApi(DevGenesis.accounts(), control, DevAccountHooks.of(chainId, pool, d, this::afterAdd))
          .register(d);
    }
  }

  /** With automine, answers {@code eth_sendRawTransaction} only once the block is sealed, as anvil does. */
  private void afterAdd(Hash hash) {
    if (sealer == null || !sealer.automine()) {
      return;
    }
    try {
      sealer.awaitQueued(AUTOMINE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      LOG.warn("transaction {} is pooled but its block took longer than {}", hash, AUTOMINE_WAIT);
    }
  }

  private static JsonRpcServer.HttpResponse text(int status, String body) {
    return new JsonRpcServer.HttpResponse(status, "text/plain", (body + "\n").getBytes(StandardCharsets.UTF_8));
  }

  int port() {
    return port;
  }

  /** Stops serving, then stops listening to the chain and the pool. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    for (AutoCloseable s : subscriptions.reversed()) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.debug("closing an RPC subscription: {}", e.toString());
      }
    }
  }
}
