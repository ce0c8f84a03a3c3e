package org.linden.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.chain.txpool.TxPoolConfig;
import org.linden.node.dev.DevSealer;
import org.linden.node.p2p.Network;
import org.linden.node.p2p.NetworkSettings;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.transport.Protocol;
import org.linden.rpc.eth.EthStateApi;
import org.linden.sync.net.BlockImporter;
import org.linden.sync.net.BlockchainView;
import org.linden.sync.net.ChainHeaderRules;
import org.linden.sync.net.EthConfig;
import org.linden.sync.net.EthProtocol;
import org.linden.sync.net.PoolAccess;
import org.linden.sync.net.SyncStatus;
import org.linden.types.Hash;
import org.linden.node.rpc.RpcApis;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the chain in its data directory, the transaction pool following the
 * chain's head, on a dev chain the sealer, and the JSON-RPC endpoint. Everything is wired
 * here with plain constructors; {@link #close} takes it down in the opposite order (the
 * server first so that no request sees a half-closed node, then the sealer, then the
 * database).
 */
public final class LindenNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LindenNode.class);

  /**
   * Where the JSON-RPC server listens and what it serves.
   *
   * @param host the address to bind
   * @param port the port; 0 picks a free one
   * @param apis the namespaces to serve
   * @param corsOrigins origins browsers may call from ({@code *} for any); none by default
   * @param virtualHosts Host header values accepted; null for the loopback names
   */
  public record RpcSettings(String host, int port, RpcApis apis, List<String> corsOrigins, List<String> virtualHosts) {
    public RpcSettings {
      corsOrigins = List.copyOf(corsOrigins);
      virtualHosts = virtualHosts == null ? null : List.copyOf(virtualHosts);
    }
  }

  /**
   * The dev chain's settings.
   *
   * @param chainId the chain id, or null for the stored chain's (1337 for a new one)
   * @param gasLimit the block gas limit, or null for the stored chain's (30M for a new one)
   * @param blockTime the interval between blocks, or null to seal each transaction as it arrives
   */
  public record DevSettings(Long chainId, Long gasLimit, Duration blockTime) {}

  private final DataDirectory dir;
  private final Path temporaryRoot;
  private final TxPool pool;
  private final PoolHeadFollower follower;
  private final DevSealer sealer;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Observability observability;
  private RpcEndpoint rpc;
  private Network network;
  private EthProtocol eth;
  private org.linden.node.qbft.QbftService qbft;

  private LindenNode(DataDirectory dir, Path temporaryRoot, boolean dev, ObservabilitySettings observe) {
    this.dir = dir;
    this.temporaryRoot = temporaryRoot;
    Blockchain chain = dir.chain();
    this.pool = TxPool.forBlockchain(chain, TxPoolConfig.DEFAULT);
    this.follower = new PoolHeadFollower(chain, pool);
    chain.addListener(follower);
    this.observability = new Observability(observe, ready::get);
    observability.watch(chain, pool);
    this.sealer = dev ? new DevSealer(chain, pool, () -> System.currentTimeMillis() / 1000, Address.ZERO) : null;
  }

  /**
   * Starts a dev chain in {@code datadir}, or in a temporary directory removed on close
   * when {@code datadir} is null.
   */
  public static LindenNode dev(Path datadir, DevSettings dev, RpcSettings rpc) {
    return dev(datadir, dev, rpc, ObservabilitySettings.defaults(true));
  }

  /** As {@link #dev(Path, DevSettings, RpcSettings)}, with the explorer and monitoring as given. */
  public static LindenNode dev(Path datadir, DevSettings dev, RpcSettings rpc, ObservabilitySettings observe) {
    Path temporary = null;
    if (datadir == null) {
      try {
        temporary = Files.createTempDirectory("linden-dev-");
      } catch (IOException e) {
        throw new UsageError("cannot create a temporary data directory: " + e.getMessage());
      }
    }
    DataDirectory dir;
    try {
      dir = DevDirectory.open(datadir != null ? datadir : temporary, dev.chainId(), dev.gasLimit());
    } catch (RuntimeException e) {
      removeQuietly(temporary);
      throw e;
    }
    LindenNode node = new LindenNode(dir, temporary, true, observe);
    try {
      node.requirePostMerge();
      // The sealer first, so that no transaction can arrive before automine listens for it.
      node.sealer.start(dev.blockTime());
      node.serve(rpc, NetworkSettings.off());
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** Serves the chain in {@code datadir}, initialising it from {@code genesis} when it is empty. */
  public static LindenNode node(Path datadir, Path genesis, RpcSettings rpc) {
    return node(datadir, genesis, rpc, ObservabilitySettings.defaults(false));
  }

  /** As {@link #node(Path, Path, RpcSettings)}, with the explorer and monitoring as given; networking off. */
  public static LindenNode node(Path datadir, Path genesis, RpcSettings rpc, ObservabilitySettings observe) {
    return node(datadir, genesis, rpc, observe, NetworkSettings.off());
  }

  /** As {@link #node(Path, Path, RpcSettings, ObservabilitySettings)}, taking part in the network as {@code net} says. */
  public static LindenNode node(Path datadir, Path genesis, RpcSettings rpc, ObservabilitySettings observe,
      NetworkSettings net) {
    return node(datadir, genesis, rpc, observe, net, null);
  }

  /**
   * As {@link #node(Path, Path, RpcSettings, ObservabilitySettings, NetworkSettings)}; on a QBFT
   * chain, {@code validatorKey} (a hex key file, may be null) makes the node a validator.
   */
  public static LindenNode node(Path datadir, Path genesis, RpcSettings rpc, ObservabilitySettings observe,
      NetworkSettings net, Path validatorKey) {
    LindenNode node = new LindenNode(DataDirectory.open(datadir, genesis), null, false, observe);
    try {
      node.startQbft(validatorKey);
      node.serve(rpc, net);
      if (node.qbft != null) {
        node.qbft.start();
      }
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void requirePostMerge() {
    BlockHeader head = dir.chain().head();
    // The block builder places blocks by the configuration alone; so does this check.
    if (!dir.chain().config().forkAt(head.number() + 1, head.timestamp() + 1).isAtLeast(Fork.PARIS)) {
      throw new UsageError("the chain in " + dir.root() + " is not past the merge; dev mode seals proof-of-stake"
          + " blocks only");
    }
  }

  /** QBFT's header rules and, with a key, the engine, when the chain's genesis config has a qbft section. */
  private void startQbft(Path validatorKey) {
    var key = validatorKey == null ? null : NodeKey.load(validatorKey).privateKey();
    qbft = org.linden.node.qbft.QbftService.forChain(dir.chain(), pool, key, round -> {
      observability.metrics().external().roundChanged();
    }).orElse(null);
    if (qbft == null && key != null) {
      throw new UsageError("--validator-key needs a chain with a qbft section in its genesis config");
    }
    if (qbft != null) {
      observability.metrics().external().consensusRound(qbft::round);
    }
  }

  private void serve(RpcSettings settings, NetworkSettings net) {
    network = startNetwork(net);
    RpcExtension extension = (dispatcher, server) -> {
      observability.install(dispatcher, server);
      if (qbft != null && settings.apis().enabled("qbft")) {
        new org.linden.rpc.qbft.QbftApi(qbft).register(dispatcher);
      }
    };
    rpc = RpcEndpoint.start(dir.chain(), pool, sealer,
        new RpcEndpoint.NetworkServices(network, network::peerCount, this::syncProgress), settings,
        observability.readiness()::ready, extension);
    ready.set(true);
    observability.startMonitoring();
  }

  /**
   * The node key, then (with networking on) the eth protocol and sync over the chain and
   * the pool, started before the RLPx server so no peer arrives before eth listens.
   */
  private Network startNetwork(NetworkSettings net) {
    Blockchain chain = dir.chain();
    NodeKey key = net.nodeKeyFile() != null ? NodeKey.load(net.nodeKeyFile()) : NodeKey.loadOrCreate(dir.root());
    Hash genesis = chain.store().canonicalHash(0).orElseThrow();
    long networkId = chain.config().chainId();
    List<Protocol> protocols = List.of();
    List<Integer> versions = List.of();
    if (net.enabled()) {
      eth = new EthProtocol(EthConfig.defaults(networkId), new BlockchainView(chain), PoolAccess.of(pool),
          BlockImporter.of(chain), new ChainHeaderRules(chain.config()));
      eth.start();
      protocols = eth.protocols();
      versions = protocols.stream().map(p -> p.capability().version()).toList();
      if (qbft != null) {
        protocols = new java.util.ArrayList<>(protocols);
        protocols.add(qbft.protocol());
      }
      observability.metrics().external().peers(eth::peerCount);
      observability.metrics().external().syncProgress(() -> {
        SyncStatus st = eth.syncStatus();
        return st.highestBlock() == 0 ? 1.0 : Math.min(1.0, (double) st.currentBlock() / st.highestBlock());
      });
      observability.readiness().syncedWhen(() -> !eth.syncStatus().syncing());
    }
    Network.ChainInfo info = new Network.ChainInfo(networkId, genesis, () -> chain.head().hash(), versions);
    return Network.start(key, net, info, Version.clientId(), protocols);
  }

  /** {@code eth_syncing}'s answer: the progress while a sync runs, empty otherwise. */
  private java.util.Optional<EthStateApi.SyncStatus> syncProgress() {
    if (eth == null) {
      return java.util.Optional.empty();
    }
    SyncStatus st = eth.syncStatus();
    return st.syncing()
        ? java.util.Optional.of(new EthStateApi.SyncStatus(st.startingBlock(), st.currentBlock(), st.highestBlock()))
        : java.util.Optional.empty();
  }

  /** The node's {@code enode://} URL (port 0 when networking is off). */
  public String enode() {
    return network.enode().toString();
  }

  /** The node's metrics, for the parts that report to them (peers, sync, consensus). */
  public org.linden.node.metrics.NodeMetrics metrics() {
    return observability.metrics();
  }

  /** What {@code /ready} answers; sync installs its status here. */
  public org.linden.node.metrics.Readiness readiness() {
    return observability.readiness();
  }

  /** Where the explorer and the metrics are served, for the startup line ("" if neither is). */
  public String observabilitySummary(String host) {
    return observability.describe(url(host));
  }

  /** The port the JSON-RPC server listens on. */
  public int port() {
    return rpc.port();
  }

  public Blockchain chain() {
    return dir.chain();
  }

  public TxPool pool() {
    return pool;
  }

  /** The data directory (a temporary one for a dev chain started without {@code --datadir}). */
  public Path dataDirectory() {
    return dir.root();
  }

  /** Whether the data directory is a temporary one, removed on close. */
  public boolean isTemporary() {
    return temporaryRoot != null;
  }

  /** The URL clients use, e.g. {@code http://127.0.0.1:8545}. */
  public String url(String host) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }

  /** Stops the server, the sealer and the listeners, closes the database and removes a temporary directory. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ready.set(false);
    if (rpc != null) {
      rpc.close();
    }
    if (network != null) {
      network.close();
    }
    if (eth != null) {
      eth.close();
    }
    if (sealer != null) {
      sealer.close();
    }
    if (qbft != null) {
      qbft.close();
    }
    observability.close();
    dir.chain().removeListener(follower);
    dir.close();
    removeQuietly(temporaryRoot);
  }

  private static void removeQuietly(Path root) {
    if (root == null) {
      return;
    }
    try {
      DevDirectory.deleteTree(root);
    } catch (IOException e) {
      LOG.warn("could not remove the temporary data directory {}: {}", root, e.toString());
    }
  }
}
