package org.linden.p2p.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.linden.crypto.PublicKey;
import org.linden.p2p.TokenBucket;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.rlpx.Capabilities;
import org.linden.p2p.rlpx.Disconnect;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.rlpx.Hello;
import org.linden.p2p.rlpx.MessageCodec;
import org.linden.p2p.rlpx.P2pMessage;
import org.linden.p2p.rlpx.Ping;
import org.linden.p2p.rlpx.Pong;
import org.linden.p2p.rlpx.RawMessage;
import org.linden.p2p.rlpx.RlpxException;
import org.linden.p2p.rlpx.SharedCapability;
import org.linden.types.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection after the wire layer: the Hello exchange, admission, the base protocol
 * (Ping, Pong, Disconnect) and dispatch of sub-protocol messages by wire id. It is the
 * {@link Peer} handed to protocols once Hello is done.
 *
 * <p>All state changes happen on the channel's event loop; the methods of {@link Peer}
 * hop onto it.
 */
final class PeerConnection extends SimpleChannelInboundHandler<RawMessage> implements Peer {
  private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

  private enum State { HANDSHAKE, HELLO, ACTIVE, CLOSING }

  private final ServerContext server;
  private final Direction direction;
  private final ByteCounter bytes;
  private final TokenBucket rate;
  private final long createdAt;
  final CompletableFuture<Peer> ready = new CompletableFuture<>();
  private final AtomicLong messagesIn = new AtomicLong();
  private final AtomicLong messagesOut = new AtomicLong();
  private final ArrayDeque<PendingPing> pings = new ArrayDeque<>();

  private Channel channel;
  private MessageCodec codec;
  private volatile State state = State.HANDSHAKE;
  private volatile PublicKey remoteKey;
  private volatile NodeId nodeId;
  private volatile Hello remoteHello;
  private volatile List<SharedCapability> shared = List.of();
  private boolean admitted;
  private boolean activated;
  private long lastReceived;
  private long lastPingSent;
  private DisconnectReason closeReason;
  private boolean closedByRemote;

  private record PendingPing(long sentAt, CompletableFuture<Duration> result) {}

  PeerConnection(ServerContext server, Direction direction, ByteCounter bytes) {
    super(RawMessage.class);
    this.server = server;
    this.direction = direction;
    this.bytes = bytes;
    this.rate = new TokenBucket(server.config().messageRate(), server.config().messageBurst(), server.clock());
    this.createdAt = server.clock().millis();
  }

  // ---- Netty events ----

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    server.connections().add(this);
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (!(event instanceof HandshakeCompleted done)) {
      super.userEventTriggered(ctx, event);
      return;
    }
    if (state != State.HANDSHAKE) {
      return;
    }
    codec = done.codec();
    remoteKey = done.remoteId();
    nodeId = NodeId.of(remoteKey);
    var refusal = server.manager().admit(this);
    if (refusal.isPresent()) {
      LOG.debug("refusing {}: {}", this, refusal.get());
      disconnectNow(refusal.get());
      return;
    }
    admitted = true;
    state = State.HELLO;
    write(server.localHello());
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RawMessage message) {
    if (state == State.CLOSING) {
      return;
    }
    messagesIn.incrementAndGet();
    lastReceived = server.clock().millis();
    if (!rate.tryTake()) {
      violation(DisconnectReason.PROTOCOL_BREACH, "more than " + server.config().messageRate() + " messages per second");
      return;
    }
    if (message.code() < P2pMessage.BASE_PROTOCOL_LENGTH) {
      onBaseMessage(message);
    } else {
      onProtocolMessage(message);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (c instanceof RlpxException e) {
      violation(DisconnectReason.PROTOCOL_BREACH, e.getMessage());
    } else if (c instanceof IOException) {
      LOG.debug("{}: socket error: {}", this, c.toString());
      closeReason = closeReason == null ? DisconnectReason.TCP_ERROR : closeReason;
      channel.close();
    } else {
      LOG.warn("{}: unexpected error, disconnecting", this, c);
      disconnectNow(DisconnectReason.SUBPROTOCOL_ERROR);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    server.connections().remove(this);
    state = State.CLOSING;
    if (closeReason == null) {
      closeReason = DisconnectReason.TCP_ERROR;
      closedByRemote = true;
    }
    LOG.debug("{} closed: {} ({})", this, closeReason, closedByRemote ? "remote" : "local");
    if (admitted) {
      server.manager().release(this, closeReason, closedByRemote);
    }
    for (PendingPing p : pings) {
      p.result().completeExceptionally(new PeerConnectException(closeReason, closedByRemote, "connection closed"));
    }
    pings.clear();
    if (activated) {
      for (SharedCapability s : shared) {
        Protocol p = server.protocols().get(s.capability());
        try {
          p.handler().onDisconnect(this, closeReason, closedByRemote);
        } catch (RuntimeException e) {
          LOG.warn("{}: protocol {} failed on disconnect", this, s.capability(), e);
        }
      }
    }
    ready.completeExceptionally(new PeerConnectException(closeReason, closedByRemote,
        "connection to " + remoteAddress() + " closed before Hello: " + closeReason + (closedByRemote ? " (remote)" : " (local)")));
    super.channelInactive(ctx);
  }

  // ---- messages ----

  private void onBaseMessage(RawMessage message) {
    P2pMessage decoded;
    try {
      decoded = P2pMessage.decode(message.code(), message.payload());
    } catch (RlpxException e) {
      if (message.code() > P2pMessage.PONG) {
        return; // Unknown base-protocol ids are reserved for later versions: ignore them.
      }
      violation(DisconnectReason.PROTOCOL_BREACH, e.getMessage());
      return;
    }
    switch (decoded) {
      case Hello hello -> onHello(hello);
      case Disconnect d -> {
        LOG.debug("{} disconnected us: {}", this, d.reason());
        state = State.CLOSING;
        closeReason = d.reason();
        closedByRemote = true;
        channel.close();
      }
      case Ping ignored -> write(Pong.INSTANCE);
      case Pong ignored -> {
        PendingPing p = pings.pollFirst();
        if (p != null) {
          p.result().complete(Duration.ofMillis(server.clock().millis() - p.sentAt()));
        }
      }
    }
  }

  private void onHello(Hello hello) {
    if (state != State.HELLO) {
      violation(DisconnectReason.PROTOCOL_BREACH, "second Hello");
      return;
    }
    if (!hello.nodeId().equals(remoteKey)) {
      disconnectNow(DisconnectReason.UNEXPECTED_IDENTITY);
      return;
    }
    remoteHello = hello;
    // From here on both Hellos are out, so every message, a Disconnect too, is compressed.
    if (Hello.snappyBetween(server.localHello(), hello)) {
      codec.enableSnappy();
    }
    List<SharedCapability> negotiated = Capabilities.negotiate(server.messageCounts(), hello.capabilities());
    if (!server.protocols().isEmpty() && negotiated.isEmpty()) {
      LOG.debug("{} shares no protocol with us: {}", this, hello.capabilities());
      disconnectNow(DisconnectReason.USELESS_PEER);
      return;
    }
    shared = negotiated;
    if (!server.manager().activate(this)) {
      // The slot went to the connection the remote dialled at the same moment.
      disconnectNow(DisconnectReason.ALREADY_CONNECTED);
      return;
    }
    state = State.ACTIVE;
    activated = true;
    lastPingSent = server.clock().millis();
    for (SharedCapability s : negotiated) {
      Protocol p = server.protocols().get(s.capability());
      try {
        p.handler().onConnect(this, s.capability());
      } catch (ProtocolViolationException e) {
        violation(e.reason(), e.getMessage());
        return;
      } catch (RuntimeException e) {
        LOG.warn("{}: protocol {} failed on connect", this, s.capability(), e);
        disconnectNow(DisconnectReason.SUBPROTOCOL_ERROR);
        return;
      }
    }
    ready.complete(this);
  }

  private void onProtocolMessage(RawMessage message) {
    if (state != State.ACTIVE) {
      violation(DisconnectReason.PROTOCOL_BREACH, "protocol message 0x" + Integer.toHexString(message.code()) + " before Hello");
      return;
    }
    SharedCapability owner = Capabilities.owner(shared, message.code()).orElse(null);
    if (owner == null) {
      violation(DisconnectReason.PROTOCOL_BREACH, "message id 0x" + Integer.toHexString(message.code()) + " belongs to no shared protocol");
      return;
    }
    Protocol p = server.protocols().get(owner.capability());
    try {
      p.handler().onMessage(this, message.code() - owner.offset(), Bytes.wrap(message.payload()));
    } catch (ProtocolViolationException e) {
      violation(e.reason(), owner.capability() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{}: protocol {} failed on message {}", this, owner.capability(), message.code() - owner.offset(), e);
      disconnectNow(DisconnectReason.SUBPROTOCOL_ERROR);
    }
  }

  /** Bad input: drop the peer and refuse its id for a while. Debug level: peers misbehave. */
  private void violation(DisconnectReason reason, String detail) {
    LOG.debug("{}: {}; disconnecting with {}", this, detail, reason);
    // Banned before the Disconnect leaves, so that whoever sees it sees the ban too.
    if (nodeId != null) {
      server.manager().ban(nodeId, server.config().banDuration());
    }
    disconnectNow(reason);
  }

  private void write(P2pMessage message) {
    messagesOut.incrementAndGet();
    channel.writeAndFlush(new RawMessage(message.code(), message.encode()));
  }

  /**
   * Sends Disconnect if frames are up, then half-closes: the peer sees our reason and
   * our end of the stream, and we keep reading (and dropping) until it closes or the
   * grace period ends. Closing at once could reset the socket while the peer still had
   * unread data in flight, and a reset can swallow the Disconnect.
   */
  private void disconnectNow(DisconnectReason reason) {
    if (state == State.CLOSING) {
      return;
    }
    state = State.CLOSING;
    closeReason = reason;
    closedByRemote = false;
    if (codec == null || !channel.isActive()) {
      channel.close();
      return;
    }
    messagesOut.incrementAndGet();
    channel.writeAndFlush(new RawMessage(P2pMessage.DISCONNECT, new Disconnect(reason).encode())).addListener(f -> {
      if (channel instanceof SocketChannel socket && f.isSuccess()) {
        socket.shutdownOutput();
      }
      long grace = server.config().disconnectGrace().toMillis();
      channel.eventLoop().schedule(() -> channel.close(), grace, TimeUnit.MILLISECONDS);
    });
  }

  /** Timeouts and keepalive; runs on the event loop, driven by the server's maintenance. */
  void maintain() {
    long now = server.clock().millis();
    switch (state) {
      case HANDSHAKE, HELLO -> {
        if (now - createdAt > server.config().handshakeTimeout().toMillis()) {
          LOG.debug("{}: handshake timed out", this);
          disconnectNow(DisconnectReason.PING_TIMEOUT);
        }
      }
      case ACTIVE -> {
        if (now - lastReceived > server.config().idleTimeout().toMillis()) {
          LOG.debug("{}: nothing received for {} ms", this, now - lastReceived);
          disconnectNow(DisconnectReason.PING_TIMEOUT);
        } else if (now - lastPingSent >= server.config().pingInterval().toMillis()) {
          lastPingSent = now;
          pings.addLast(new PendingPing(now, new CompletableFuture<>()));
          write(Ping.INSTANCE);
        }
      }
      case CLOSING -> {}
    }
  }

  Channel channel() {
    return channel;
  }

  // ---- Peer ----

  @Override
  public PublicKey publicKey() {
    return remoteKey;
  }

  @Override
  public NodeId nodeId() {
    return nodeId;
  }

  @Override
  public String clientId() {
    Hello h = remoteHello;
    return h == null ? "" : h.clientId();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return channel == null ? null : (InetSocketAddress) channel.remoteAddress();
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public List<SharedCapability> capabilities() {
    return shared;
  }

  @Override
  public boolean send(String protocolName, int code, Bytes payload) {
    SharedCapability cap = shared.stream().filter(s -> s.capability().name().equals(protocolName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("protocol " + protocolName + " does not run with " + this));
    if (code < 0 || code >= cap.messageCount()) {
      throw new IllegalArgumentException("message code " + code + " is outside " + cap.capability() + "'s "
          + cap.messageCount() + " codes");
    }
    if (state != State.ACTIVE) {
      return false;
    }
    messagesOut.incrementAndGet();
    channel.writeAndFlush(new RawMessage(cap.offset() + code, payload.toArray()));
    return true;
  }

  @Override
  public void disconnect(DisconnectReason reason) {
    channel.eventLoop().execute(() -> disconnectNow(reason));
  }

  @Override
  public CompletableFuture<Duration> ping() {
    CompletableFuture<Duration> result = new CompletableFuture<>();
    channel.eventLoop().execute(() -> {
      if (state != State.ACTIVE) {
        result.completeExceptionally(new IllegalStateException("peer is not connected"));
        return;
      }
      long now = server.clock().millis();
      lastPingSent = now;
      pings.addLast(new PendingPing(now, result));
      write(Ping.INSTANCE);
    });
    return result;
  }

  @Override
  public boolean isConnected() {
    return state == State.ACTIVE;
  }

  @Override
  public PeerStats stats() {
    return new PeerStats(bytes.in.get(), bytes.out.get(), messagesIn.get(), messagesOut.get());
  }

  @Override
  public String toString() {
    NodeId id = nodeId;
    String shortId = id == null ? "?" : id.toString().substring(0, 8);
    return "Peer[" + shortId + " " + remoteAddress() + " " + direction.name().toLowerCase() + "]";
  }
}
