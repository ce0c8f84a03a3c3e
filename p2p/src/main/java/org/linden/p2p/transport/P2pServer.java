package org.linden.p2p.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.linden.crypto.PublicKey;
import org.linden.p2p.identity.Enode;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.rlpx.DisconnectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RLPx endpoint of a node: listens for TCP connections, dials {@code enode://} URLs,
 * and runs every connection through handshake, Hello and the registered sub-protocols.
 *
 * <pre>{@code
 * P2pServer server = new P2pServer(nodeKey, P2pConfig.defaults().withListen("127.0.0.1", 30303),
 *     List.of(Protocol.of("eth", 68, 17, ethHandler)));
 * server.peers().addListener(listener);
 * server.start();
 * server.connect(Enode.parse("enode://...@127.0.0.1:30304")).join();
 * }</pre>
 *
 * <p>Timeouts and keepalive are checked by {@link #runMaintenance()}, which the server
 * schedules every {@link P2pConfig#maintenanceInterval()}; tests with their own clock may
 * call it directly.
 */
public final class P2pServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(P2pServer.class);

  private final ServerContext context;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private Channel listener;
  private ScheduledFuture<?> maintenance;

  public P2pServer(NodeKey key, P2pConfig config, List<Protocol> protocols) {
    this(key, config, protocols, Clock.systemUTC());
  }

  /** A server whose timeouts, rate limits and bans read {@code clock}. */
  public P2pServer(NodeKey key, P2pConfig config, List<Protocol> protocols, Clock clock) {
    PeerManager manager = new PeerManager(key.nodeId(), config, clock);
    this.context = ServerContext.of(key, config, clock, protocols, manager);
    this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  }

  /** Binds the listening socket and starts maintenance; returns the bound port. */
  public synchronized int start() {
    if (listener != null) {
      throw new IllegalStateException("already started");
    }
    P2pConfig config = context.config();
    ServerBootstrap b = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 128)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            // Sockets still in their handshake hold no slot yet; cap them so a flood of
            // half-open connections cannot tie up memory and CPU until their timeouts.
            if (context.connections().size() >= 2 * config.maxPeers() + 16) {
              LOG.debug("refusing {}: too many connections in progress", ch.remoteAddress());
              ch.close();
              return;
            }
            pipeline(ch, Direction.INBOUND, HandshakeHandler.recipient(context.key().privateKey(), config.maxMessageSize()));
          }
        });
    try {
      listener = b.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port())).syncUninterruptibly().channel();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot listen on " + config.host() + ": " + e.getMessage(), e);
    }
    long every = config.maintenanceInterval().toMillis();
    maintenance = boss.next().scheduleAtFixedRate(this::runMaintenance, every, every, TimeUnit.MILLISECONDS);
    LOG.info("RLPx listening on {} as {}", listener.localAddress(), enode());
    return port();
  }

  private PeerConnection pipeline(SocketChannel ch, Direction direction, HandshakeHandler handshake) {
    ByteCounter counter = new ByteCounter();
    PeerConnection connection = new PeerConnection(context, direction, counter);
    ch.pipeline().addLast("bytes", counter).addLast("rlpx-handshake", handshake).addLast("peer", connection);
    return connection;
  }

  /** The bound TCP port. */
  public int port() {
    if (listener == null) {
      throw new IllegalStateException("not started");
    }
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** This node's URL, with the bound address and port (discovery port assumed equal). */
  public Enode enode() {
    InetSocketAddress a = (InetSocketAddress) listener.localAddress();
    return Enode.of(context.key().publicKey(), a.getAddress(), a.getPort());
  }

  public PeerManager peers() {
    return context.manager();
  }

  /**
   * Dials {@code enode} (its TCP port). The future completes with the peer once Hello is
   * done, or fails with a {@link PeerConnectException}; it fails at once, without
   * dialling, for ourselves, a banned node, a node already connected or a full table.
   */
  public CompletableFuture<Peer> connect(Enode enode) {
    Optional<DisconnectReason> refusal = context.manager().checkDial(enode.nodeId());
    if (refusal.isPresent()) {
      return CompletableFuture.failedFuture(new PeerConnectException(refusal.get(), false,
          "not dialling " + enode + ": " + refusal.get()));
    }
    return dial(enode.publicKey(), new InetSocketAddress(enode.ip(), enode.tcpPort()));
  }

  /** Dials without the checks of {@link #connect}; the remote end still admits or refuses. */
  CompletableFuture<Peer> dial(PublicKey remote, InetSocketAddress address) {
    PeerConnection[] connection = new PeerConnection[1];
    Bootstrap b = new Bootstrap()
        .group(workers)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) context.config().handshakeTimeout().toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connection[0] = pipeline(ch, Direction.OUTBOUND,
                HandshakeHandler.initiator(context.key().privateKey(), remote, context.config().maxMessageSize()));
          }
        });
    ChannelFuture connecting = b.connect(address);
    CompletableFuture<Peer> result = new CompletableFuture<>();
    connecting.addListener(f -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(new PeerConnectException("cannot connect to " + address + ": " + f.cause(), f.cause()));
        return;
      }
      connection[0].ready.whenComplete((peer, error) -> {
        if (error == null) {
          result.complete(peer);
          return;
        }
        // Lost to the remote's simultaneous dial: the connection that was kept is the answer.
        Optional<PeerConnection> kept = error instanceof PeerConnectException e
            && e.reason().equals(Optional.of(DisconnectReason.ALREADY_CONNECTED))
            ? context.manager().connectionTo(NodeId.of(remote)).filter(c -> c != connection[0]) : Optional.empty();
        if (kept.isPresent()) {
          kept.get().ready.whenComplete((p, e) -> {
            if (e != null) {
              result.completeExceptionally(e);
            } else {
              result.complete(p);
            }
          });
        } else {
          result.completeExceptionally(error);
        }
      });
    });
    return result;
  }

  /** Checks handshake and idle timeouts and sends keepalive Pings, on each connection's thread. */
  public void runMaintenance() {
    for (PeerConnection c : context.connections()) {
      c.channel().eventLoop().execute(c::maintain);
    }
  }

  /** Disconnects every peer with {@link DisconnectReason#CLIENT_QUITTING} and closes the sockets. */
  @Override
  public synchronized void close() {
    if (maintenance != null) {
      maintenance.cancel(false);
    }
    List<PeerConnection> open = List.copyOf(context.connections());
    for (PeerConnection c : open) {
      c.disconnect(DisconnectReason.CLIENT_QUITTING);
    }
    if (listener != null) {
      listener.close().syncUninterruptibly();
    }
    // A closing event loop closes its sockets before it runs the tasks still queued, so a
    // Disconnect queued above could be lost. Wait until each peer has read it and hung up;
    // the grace period after which a disconnecting connection closes itself bounds this.
    long deadline = System.nanoTime() + context.config().disconnectGrace().toNanos()
        + TimeUnit.MILLISECONDS.toNanos(500);
    for (PeerConnection c : open) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      c.channel().closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS);
    }
    workers.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 1000, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
