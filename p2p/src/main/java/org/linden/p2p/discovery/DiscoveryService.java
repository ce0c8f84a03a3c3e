package org.linden.p2p.discovery;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.linden.crypto.PublicKey;
import org.linden.p2p.TokenBucket;
import org.linden.p2p.discovery.Message.EnrRequest;
import org.linden.p2p.discovery.Message.EnrResponse;
import org.linden.p2p.discovery.Message.FindNode;
import org.linden.p2p.discovery.Message.Neighbors;
import org.linden.p2p.discovery.Message.Ping;
import org.linden.p2p.discovery.Message.Pong;
import org.linden.p2p.enr.Enr;
import org.linden.p2p.identity.Enode;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.identity.NodeKey;
import org.linden.types.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node Discovery v4 over UDP: bonding by Ping/Pong, FindNode/Neighbors, ENRRequest/
 * ENRResponse (EIP-868), the Kademlia table kept fresh by lookups for random targets
 * and by pinging the least recently seen nodes.
 *
 * <p>A node enters the table only after it answered our Ping from the address it
 * claims. FindNode and ENRRequest are answered only for senders with such a recent proof,
 * so a forged source address never draws a reply larger than a Pong (no amplification).
 * Packets from one IP are rate-limited.
 *
 * <p>All state lives on one event loop thread; public methods hop onto it.
 */
public final class DiscoveryService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);
  /** Concurrent FindNode requests per lookup. */
  static final int ALPHA = 3;
  /** Seconds a packet we send stays valid. */
  static final long EXPIRATION_SECONDS = 20;
  private static final int MAX_BONDS = 10_000;
  private static final int MAX_LIMITERS = 4_096;

  private final NodeKey key;
  private final DiscoveryConfig config;
  private final Clock clock;
  private final PacketCodec codec;
  private final RoutingTable table;
  private final SecureRandom random = new SecureRandom();
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final Map<NodeId, Bond> bonds = lru(MAX_BONDS);
  private final Map<InetAddress, TokenBucket> limiters = lru(MAX_LIMITERS);
  private final List<Pending> pending = new ArrayList<>();
  private final List<DiscoveryListener> listeners = new CopyOnWriteArrayList<>();
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();
  private volatile List<Node> snapshot = List.of();
  private Channel channel;
  private Endpoint localEndpoint;
  private Enr localRecord;

  /**
   * What we know of a node's reachability. {@code pongAt}: it answered our Ping from
   * {@code pongIp}, so its endpoint is proven. {@code pingAt}: it pinged us from
   * {@code pingIp} and got our Pong, so it holds proof of ours.
   */
  private static final class Bond {
    long pongAt = Long.MIN_VALUE;
    InetAddress pongIp;
    long pingAt = Long.MIN_VALUE;
    InetAddress pingIp;
  }

  /** A reply we wait for: from whom, which type, what to do with it, what on timeout. */
  private final class Pending {
    final NodeId from;
    final InetAddress fromIp;
    final int type;
    final Predicate<Packet> onPacket;
    final Runnable onTimeout;
    ScheduledFuture<?> timer;

    Pending(NodeId from, InetAddress fromIp, int type, Predicate<Packet> onPacket, Runnable onTimeout) {
      this.from = from;
      this.fromIp = fromIp;
      this.type = type;
      this.onPacket = onPacket;
      this.onTimeout = onTimeout;
    }
  }

  public DiscoveryService(NodeKey key, DiscoveryConfig config) {
    this(key, config, Clock.systemUTC());
  }

  /** A service whose expirations, bonds and rate limits read {@code clock}. */
  public DiscoveryService(NodeKey key, DiscoveryConfig config, Clock clock) {
    this.key = key;
    this.config = config;
    this.clock = clock;
    this.codec = new PacketCodec(clock);
    this.table = new RoutingTable(key.nodeId());
  }

  // ---- lifecycle ----

  /**
   * Binds the UDP socket, signs the local record, bonds with the bootnodes and looks up
   * our own id, then refreshes and revalidates periodically. Returns the bound port.
   */
  public synchronized int start() {
    if (channel != null) {
      throw new IllegalStateException("already started");
    }
    InetAddress ip;
    try {
      ip = InetAddress.getByName(config.host());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot bind discovery to " + config.host() + ": " + e.getMessage(), e);
    }
    channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            receive(packet);
          }

          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("discovery socket error: {}", cause.toString());
          }
        })
        .bind(new InetSocketAddress(ip, config.port())).syncUninterruptibly().channel();
    int port = ((InetSocketAddress) channel.localAddress()).getPort();
    localEndpoint = new Endpoint(ip, port, config.tcpPort());
    Enr.Builder record = Enr.builder().seq(clock.instant().getEpochSecond()).udp(port);
    if (!ip.isAnyLocalAddress()) {
      record.ip(ip);
    }
    if (config.tcpPort() != 0) {
      record.tcp(config.tcpPort());
    }
    localRecord = record.sign(key.privateKey());
    long refresh = config.refreshInterval().toMillis();
    long revalidate = config.revalidateInterval().toMillis();
    timers.add(loop.scheduleAtFixedRate(this::refreshNow, refresh, refresh, TimeUnit.MILLISECONDS));
    timers.add(loop.scheduleAtFixedRate(this::revalidateNow, revalidate, revalidate, TimeUnit.MILLISECONDS));
    loop.execute(this::bootstrap);
    LOG.info("discovery listening on {} as {}", channel.localAddress(), self().toEnode());
    return port;
  }

  @Override
  public synchronized void close() {
    timers.forEach(t -> t.cancel(false));
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  // ---- public API ----

  /** This node as others see it in the table. */
  public Node self() {
    return Node.of(key.publicKey(), localEndpoint);
  }

  /** This node's EIP-778 record, served in ENRResponse. */
  public Enr localRecord() {
    return localRecord;
  }

  public void addListener(DiscoveryListener listener) {
    listeners.add(listener);
  }

  /** The nodes in the table, closest to us first; a snapshot safe to read from any thread. */
  public List<Node> nodes() {
    return snapshot;
  }

  /** Pings {@code node}; completes with it once its Pong proved the endpoint, which also puts it in the table. */
  public CompletableFuture<Node> ping(Node node) {
    return onLoop(() -> pingNow(node));
  }

  /** Asks {@code node} for the nodes it knows closest to {@code target}, bonding first if needed. */
  public CompletableFuture<List<Node>> findNode(Node node, PublicKey target) {
    return onLoop(() -> findNodeNow(node, target));
  }

  /** Asks a bonded {@code node} for its node record. */
  public CompletableFuture<Enr> requestEnr(Node node) {
    return onLoop(() -> requestEnrNow(node));
  }

  /** An iterative Kademlia lookup; completes with the closest nodes to {@code target} found. */
  public CompletableFuture<List<Node>> lookup(PublicKey target) {
    return onLoop(() -> new Lookup(target).start());
  }

  /** A lookup of a random target, which meets nodes from all over the table's range. */
  public CompletableFuture<List<Node>> lookupRandom() {
    return onLoop(() -> new Lookup(randomTarget()).start());
  }

  /** One refresh round now: a lookup of our own id and one of a random target. */
  public void refresh() {
    loop.execute(this::refreshNow);
  }

  /** One revalidation round now: pings the least recently seen node of a random bucket. */
  public void revalidate() {
    loop.execute(this::revalidateNow);
  }

  private <T> CompletableFuture<T> onLoop(java.util.function.Supplier<CompletableFuture<T>> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.execute(() -> action.get().whenComplete((v, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(v);
      }
    }));
    return result;
  }

  // ---- incoming ----

  private void receive(DatagramPacket datagram) {
    InetSocketAddress from = datagram.sender();
    if (!limiter(from.getAddress()).tryTake()) {
      LOG.trace("dropping packet from {}: over rate", from);
      return;
    }
    if (datagram.content().readableBytes() > PacketCodec.MAX_PACKET_SIZE) {
      LOG.debug("dropping oversized packet from {}", from);
      return;
    }
    Packet packet;
    try {
      packet = codec.decode(Bytes.wrap(ByteBufUtil.getBytes(datagram.content())));
    } catch (DiscoveryException e) {
      LOG.debug("dropping packet from {}: {} {}", from, e.reason(), e.getMessage());
      return;
    }
    if (packet.senderId().equals(key.nodeId())) {
      return;
    }
    try {
      switch (packet.message()) {
        case Ping ping -> onPing(packet, ping, from);
        case FindNode find -> onFindNode(packet, find, from);
        case EnrRequest ignored -> onEnrRequest(packet, from);
        default -> {}
      }
      dispatchToPending(packet, from);
    } catch (RuntimeException e) {
      LOG.warn("error handling discovery packet from {}", from, e);
    }
  }

  private void onPing(Packet packet, Ping ping, InetSocketAddress from) {
    Node node = Node.of(packet.sender(), new Endpoint(from.getAddress(), from.getPort(), ping.from().tcpPort()));
    send(new Pong(new Endpoint(from.getAddress(), from.getPort(), ping.from().tcpPort()), packet.hash(), expiration(),
        OptionalLong.of(localRecord.seq())), from);
    Bond bond = bond(node.id());
    bond.pingAt = clock.millis();
    bond.pingIp = from.getAddress();
    if (hasProof(node.id(), from.getAddress())) {
      addVerified(node);
    } else {
      // Ping back: only our own Pong from it proves the address it sends from is its own.
      pingNow(node);
    }
  }

  private void onFindNode(Packet packet, FindNode find, InetSocketAddress from) {
    if (!hasProof(packet.senderId(), from.getAddress())) {
      LOG.debug("ignoring FindNode from unbonded {}", from);
      return;
    }
    List<Node> closest = table.closest(NodeId.of(find.target()), RoutingTable.K);
    for (int i = 0; i < closest.size(); i += Neighbors.MAX_NODES) {
      List<Node> chunk = closest.subList(i, Math.min(closest.size(), i + Neighbors.MAX_NODES));
      send(new Neighbors(chunk, expiration()), from);
    }
    if (closest.isEmpty()) {
      send(new Neighbors(List.of(), expiration()), from);
    }
  }

  private void onEnrRequest(Packet packet, InetSocketAddress from) {
    if (!hasProof(packet.senderId(), from.getAddress())) {
      LOG.debug("ignoring ENRRequest from unbonded {}", from);
      return;
    }
    send(new EnrResponse(packet.hash(), localRecord), from);
  }

  private void dispatchToPending(Packet packet, InetSocketAddress from) {
    // A copy: completing one request may start another (bonding, then FindNode).
    for (Pending p : List.copyOf(pending)) {
      if (p.type == packet.message().type() && p.from.equals(packet.senderId()) && p.fromIp.equals(from.getAddress())
          && pending.contains(p) && p.onPacket.test(packet)) {
        pending.remove(p);
        p.timer.cancel(false);
      }
    }
  }

  // ---- outgoing ----

  private Packet send(Message message, InetSocketAddress to) {
    Packet packet = PacketCodec.encode(message, key.privateKey());
    channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet.bytes().toArray()), to));
    return packet;
  }

  private void expect(Node from, int type, Predicate<Packet> onPacket, Runnable onTimeout) {
    Pending p = new Pending(from.id(), from.endpoint().ip(), type, onPacket, onTimeout);
    pending.add(p);
    p.timer = loop.schedule(() -> {
      if (pending.remove(p)) {
        p.onTimeout.run();
      }
    }, config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private CompletableFuture<Node> pingNow(Node node) {
    CompletableFuture<Node> result = new CompletableFuture<>();
    Packet sent = send(new Ping(Ping.VERSION, localEndpoint, node.endpoint(), expiration(),
        OptionalLong.of(localRecord.seq())), udpAddress(node));
    expect(node, Pong.TYPE, packet -> {
      if (!((Pong) packet.message()).pingHash().equals(sent.hash())) {
        return false;
      }
      Bond bond = bond(node.id());
      bond.pongAt = clock.millis();
      bond.pongIp = node.endpoint().ip();
      addVerified(node);
      result.complete(node);
      return true;
    }, () -> result.completeExceptionally(new TimeoutException("no Pong from " + node.endpoint())));
    return result;
  }

  /**
   * Makes sure {@code node} holds proof of our endpoint before we ask it anything: if it
   * has not pinged us lately, ping it, then give it time to ping back, as it will when
   * it does not know us.
   */
  private CompletableFuture<Void> ensureBond(Node node) {
    if (theyKnowUs(node)) {
      return CompletableFuture.completedFuture(null);
    }
    return pingNow(node).thenCompose(n -> {
      if (theyKnowUs(node)) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> pinged = new CompletableFuture<>();
      expect(node, Ping.TYPE, packet -> pinged.complete(null), () -> pinged.complete(null));
      return pinged;
    });
  }

  private CompletableFuture<List<Node>> findNodeNow(Node node, PublicKey target) {
    return ensureBond(node).thenCompose(v -> {
      CompletableFuture<List<Node>> result = new CompletableFuture<>();
      List<Node> found = new ArrayList<>();
      send(new FindNode(target, expiration()), udpAddress(node));
      expect(node, Neighbors.TYPE, packet -> {
        for (Node n : ((Neighbors) packet.message()).nodes()) {
          if (found.size() < RoutingTable.K && plausible(n, node)) {
            found.add(n);
          }
        }
        if (found.size() >= RoutingTable.K) {
          result.complete(List.copyOf(found));
          return true;
        }
        return false;
      }, () -> result.complete(List.copyOf(found))); // a short answer ends with the timeout
      return result;
    });
  }

  private CompletableFuture<Enr> requestEnrNow(Node node) {
    return ensureBond(node).thenCompose(v -> {
      CompletableFuture<Enr> result = new CompletableFuture<>();
      Packet sent = send(new EnrRequest(expiration()), udpAddress(node));
      expect(node, EnrResponse.TYPE, packet -> {
        EnrResponse response = (EnrResponse) packet.message();
        if (!response.requestHash().equals(sent.hash()) || !packet.enrMatchesSender()) {
          return false;
        }
        result.complete(response.record());
        return true;
      }, () -> result.completeExceptionally(new TimeoutException("no ENRResponse from " + node.endpoint())));
      return result;
    });
  }

  // ---- table upkeep ----

  private void bootstrap() {
    List<CompletableFuture<Node>> pings = new ArrayList<>();
    for (Enode boot : config.bootnodes()) {
      if (!boot.nodeId().equals(key.nodeId())) {
        pings.add(pingNow(Node.of(boot)).exceptionally(e -> null));
      }
    }
    CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new))
        .thenRun(() -> new Lookup(key.publicKey()).start());
  }

  private void refreshNow() {
    new Lookup(key.publicKey()).start();
    new Lookup(randomTarget()).start();
  }

  private PublicKey randomTarget() {
    byte[] target = new byte[64];
    random.nextBytes(target);
    return new PublicKey(Bytes.wrap(target));
  }

  private void revalidateNow() {
    List<Node> oldest = table.leastRecentlySeen();
    if (oldest.isEmpty()) {
      return;
    }
    Node node = oldest.get(random.nextInt(oldest.size()));
    pingNow(node).whenComplete((n, e) -> {
      if (e != null) {
        LOG.debug("dropping {} from the table: no Pong", node.endpoint());
        table.remove(node.id()).ifPresent(this::announce);
        updateSnapshot();
      }
    });
  }

  /** Adds a node whose endpoint was just proven; a full bucket pings its oldest node. */
  private void addVerified(Node node) {
    RoutingTable.AddResult r = table.add(node);
    switch (r.status()) {
      case ADDED -> {
        updateSnapshot();
        announce(node);
      }
      case UPDATED -> updateSnapshot();
      case BUCKET_FULL -> r.revalidate().ifPresent(oldest -> pingNow(oldest).whenComplete((n, e) -> {
        if (e != null) {
          // The silent node goes; the newest replacement (the newcomer) takes its place.
          table.remove(oldest.id()).ifPresent(this::announce);
          updateSnapshot();
        }
      }));
      default -> {}
    }
  }

  private void announce(Node node) {
    for (DiscoveryListener l : listeners) {
      try {
        l.onNodeFound(node);
      } catch (RuntimeException e) {
        LOG.warn("discovery listener failed on {}", node, e);
      }
    }
  }

  private void updateSnapshot() {
    snapshot = table.closest(key.nodeId(), Integer.MAX_VALUE);
  }

  // ---- helpers ----

  private boolean hasProof(NodeId id, InetAddress ip) {
    Bond b = bonds.get(id);
    return b != null && ip.equals(b.pongIp) && clock.millis() - b.pongAt <= config.bondExpiry().toMillis();
  }

  private boolean theyKnowUs(Node node) {
    Bond b = bonds.get(node.id());
    return b != null && node.endpoint().ip().equals(b.pingIp)
        && clock.millis() - b.pingAt <= config.bondExpiry().toMillis();
  }

  private Bond bond(NodeId id) {
    return bonds.computeIfAbsent(id, i -> new Bond());
  }

  private TokenBucket limiter(InetAddress ip) {
    return limiters.computeIfAbsent(ip, i -> new TokenBucket(config.packetRate(), config.packetBurst(), clock));
  }

  /**
   * Whether a node relayed in Neighbors is worth contacting: a real unicast address and
   * port, and no loopback or LAN address passed on by a node outside them, which could
   * make us probe a network we can reach but the sender cannot.
   */
  private static boolean plausible(Node n, Node relayer) {
    InetAddress ip = n.endpoint().ip();
    InetAddress via = relayer.endpoint().ip();
    if (n.endpoint().udpPort() == 0 || ip.isAnyLocalAddress() || ip.isMulticastAddress()) {
      return false;
    }
    if (ip.isLoopbackAddress() && !via.isLoopbackAddress()) {
      return false;
    }
    return !(ip.isSiteLocalAddress() || ip.isLinkLocalAddress())
        || via.isSiteLocalAddress() || via.isLinkLocalAddress() || via.isLoopbackAddress();
  }

  private static InetSocketAddress udpAddress(Node node) {
    return new InetSocketAddress(node.endpoint().ip(), node.endpoint().udpPort());
  }

  private long expiration() {
    return clock.instant().getEpochSecond() + EXPIRATION_SECONDS;
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
      }
    };
  }

  /**
   * An iterative lookup: ask the {@link #ALPHA} closest unasked nodes for neighbours of
   * the target, merge what they return, and stop when the closest {@link RoutingTable#K}
   * known have all been asked. Nodes learnt on the way are pinged, so those that answer
   * join the table.
   */
  private final class Lookup {
    private final PublicKey target;
    private final NodeId targetId;
    private final List<Node> known = new ArrayList<>();
    private final java.util.Set<NodeId> seen = new java.util.HashSet<>();
    private final java.util.Set<NodeId> asked = new java.util.HashSet<>();
    private final CompletableFuture<List<Node>> done = new CompletableFuture<>();
    private int inFlight;

    Lookup(PublicKey target) {
      this.target = target;
      this.targetId = NodeId.of(target);
    }

    CompletableFuture<List<Node>> start() {
      List<Node> initial = table.closest(targetId, RoutingTable.K);
      if (initial.isEmpty()) {
        initial = config.bootnodes().stream().map(Node::of).filter(n -> !n.id().equals(key.nodeId())).toList();
      }
      initial.forEach(n -> offer(n, false));
      step();
      return done;
    }

    private void offer(Node n, boolean learnt) {
      if (n.id().equals(key.nodeId()) || !seen.add(n.id())) {
        return;
      }
      known.add(n);
      known.sort((a, b) -> targetId.compareDistance(a.id(), b.id()));
      if (learnt && !table.contains(n.id())) {
        pingNow(n).exceptionally(e -> null);
      }
    }

    private void step() {
      if (done.isDone()) {
        return;
      }
      List<Node> closest = known.subList(0, Math.min(RoutingTable.K, known.size()));
      for (Node n : List.copyOf(closest)) {
        if (inFlight >= ALPHA) {
          break;
        }
        if (asked.add(n.id())) {
          inFlight++;
          findNodeNow(n, target).whenComplete((nodes, e) -> {
            inFlight--;
            if (nodes != null) {
              nodes.forEach(found -> offer(found, true));
            }
            step();
          });
        }
      }
      if (inFlight == 0) {
        done.complete(List.copyOf(known.subList(0, Math.min(RoutingTable.K, known.size()))));
      }
    }
  }
}
