package org.linden.node.p2p;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.linden.p2p.discovery.DiscoveryConfig;
import org.linden.p2p.discovery.DiscoveryService;
import org.linden.p2p.enr.Enr;
import org.linden.p2p.identity.Enode;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.transport.DiscoveryDialer;
import org.linden.p2p.transport.P2pConfig;
import org.linden.p2p.transport.P2pServer;
import org.linden.p2p.transport.Peer;
import org.linden.p2p.transport.Protocol;
import org.linden.rpc.admin.AdminNode;
import org.linden.rpc.admin.NodeInfo;
import org.linden.rpc.admin.PeerInfo;
import org.linden.types.Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's place in the peer-to-peer network: the RLPx server with the node's
 * sub-protocols, discovery v4 feeding it peers, and the static peers (bootnodes and those
 * added by {@code admin_addPeer}) redialled whenever they are not connected. It answers
 * the {@code admin} namespace.
 *
 * <p>With networking off ({@link NetworkSettings#enabled()} false) nothing listens; the
 * node still has its key and reports its identity.
 */
public final class Network implements AdminNode, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Network.class);
  private static final long REDIAL_SECONDS = 5;
  /** Seeking more peers through discovery: first after this, then slower while nobody new turns up. */
  private static final long SEEK_MIN_SECONDS = 2;
  private static final long SEEK_MAX_SECONDS = 60;

  /** What {@code admin_nodeInfo} reports of the chain. */
  public record ChainInfo(long networkId, Hash genesis, Supplier<Hash> head, List<Integer> ethVersions) {}

  private final NodeKey key;
  private final NetworkSettings settings;
  private final ChainInfo chain;
  private final String clientId;
  private final P2pServer server;
  private final DiscoveryService discovery;
  private final DiscoveryDialer dialer;
  private final Map<NodeId, Enode> staticPeers = new LinkedHashMap<>();
  private final ScheduledExecutorService redial;
  private final Enr record;

  private Network(NodeKey key, NetworkSettings settings, ChainInfo chain, String clientId, List<Protocol> protocols) {
    this.key = key;
    this.settings = settings;
    this.chain = chain;
    this.clientId = clientId;
    if (!settings.enabled()) {
      server = null;
      discovery = null;
      dialer = null;
      redial = null;
      record = Enr.builder().ip(loopback()).sign(key.privateKey());
      return;
    }
    P2pConfig config = P2pConfig.defaults().withListen(settings.host(), settings.port()).withClientId(clientId)
        .withPeerLimits(settings.maxPeers(), Math.max(1, settings.maxPeers() / 2));
    server = new P2pServer(key, config, protocols);
    int tcp = server.start();
    if (settings.discovery()) {
      int udp = settings.discoveryPort() < 0 ? tcp : settings.discoveryPort();
      DiscoveryConfig dc = DiscoveryConfig.defaults().withListen(settings.host(), udp, tcp)
          .withBootnodes(settings.bootnodes());
      discovery = new DiscoveryService(key, dc);
      discovery.start();
      dialer = DiscoveryDialer.start(server, discovery, Duration.ofSeconds(SEEK_MIN_SECONDS),
          Duration.ofSeconds(SEEK_MAX_SECONDS));
      record = discovery.localRecord();
    } else {
      discovery = null;
      dialer = null;
      record = Enr.builder().ip(address(settings.host())).tcp(tcp).sign(key.privateKey());
    }
    for (Enode boot : settings.bootnodes()) {
      staticPeers.put(boot.nodeId(), boot);
    }
    redial = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "p2p-redial");
      t.setDaemon(true);
      return t;
    });
    redial.scheduleWithFixedDelay(this::dialStaticPeers, 0, REDIAL_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Starts networking with {@code protocols} (nothing starts when {@code settings} turn it
   * off).
   *
   * @param key the node key, from the data directory or {@code --nodekey}
   */
  public static Network start(NodeKey key, NetworkSettings settings, ChainInfo chain, String clientId,
      List<Protocol> protocols) {
    return new Network(key, settings, chain, clientId, protocols);
  }

  /** This node's {@code enode://} URL (port 0 when nothing listens). */
  public Enode enode() {
    if (server == null) {
      return Enode.of(key.publicKey(), loopback(), 0);
    }
    Enode e = server.enode();
    int udp = discovery == null ? 0 : discovery.self().endpoint().udpPort();
    return new Enode(e.publicKey(), e.ip(), e.tcpPort(), discovery == null ? e.tcpPort() : udp);
  }

  /** The connected peers. */
  public List<Peer> connected() {
    return server == null ? List.of() : server.peers().peers();
  }

  public int peerCount() {
    return connected().size();
  }

  private void dialStaticPeers() {
    List<Enode> targets;
    synchronized (staticPeers) {
      targets = new ArrayList<>(staticPeers.values());
    }
    for (Enode e : targets) {
      if (server.peers().peer(e.nodeId()).isPresent()) {
        continue;
      }
      server.connect(e).whenComplete((peer, error) -> {
        if (error != null) {
          LOG.debug("dialling {} failed: {}", e, error.getMessage());
        } else {
          LOG.info("connected to {} ({})", e, peer.clientId());
        }
      });
    }
  }

  @Override
  public NodeInfo nodeInfo() {
    Enode self = enode();
    String listen = server == null ? "" : settings.host() + ":" + self.tcpPort();
    return new NodeInfo(key.nodeId().bytes().toUnprefixedHex(), clientId, self.toString(), record.toText(),
        self.ip().getHostAddress(), discovery == null ? 0 : self.udpPort(), self.tcpPort(), listen, chain.networkId(),
        chain.genesis(), chain.head().get(), chain.ethVersions());
  }

  @Override
  public List<PeerInfo> peers() {
    List<PeerInfo> out = new ArrayList<>();
    for (Peer p : connected()) {
      InetSocketAddress remote = p.remoteAddress();
      Enode url = Enode.of(p.publicKey(), remote.getAddress(), remote.getPort());
      boolean trusted;
      synchronized (staticPeers) {
        trusted = staticPeers.containsKey(p.nodeId());
      }
      int eth = p.capability("eth").map(c -> c.version()).orElse(0);
      out.add(new PeerInfo(url.toString(), p.nodeId().bytes().toUnprefixedHex(), p.clientId(),
          p.capabilities().stream().map(c -> c.capability().toString()).toList(), listenAddress(),
          remote.getAddress().getHostAddress() + ":" + remote.getPort(), p.direction().name().equals("INBOUND"),
          trusted, eth, p.stats().bytesIn(), p.stats().bytesOut()));
    }
    return out;
  }

  private String listenAddress() {
    return server == null ? "" : settings.host() + ":" + server.port();
  }

  @Override
  public void addPeer(String url) {
    Enode e = Enode.parse(url);
    if (server == null) {
      throw new IllegalStateException("networking is off on this node (--maxpeers 0)");
    }
    synchronized (staticPeers) {
      staticPeers.put(e.nodeId(), e);
    }
    redial.execute(this::dialStaticPeers);
  }

  @Override
  public boolean removePeer(String url) {
    Enode e = Enode.parse(url);
    boolean known;
    synchronized (staticPeers) {
      known = staticPeers.remove(e.nodeId()) != null;
    }
    if (server != null) {
      var peer = server.peers().peer(e.nodeId());
      if (peer.isPresent()) {
        peer.get().disconnect(DisconnectReason.REQUESTED);
        return true;
      }
    }
    return known;
  }

  @Override
  public void close() {
    if (redial != null) {
      redial.shutdownNow();
    }
    if (dialer != null) {
      dialer.close();
    }
    if (discovery != null) {
      discovery.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }

  private static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve " + host + ": " + e.getMessage(), e);
    }
  }
}
