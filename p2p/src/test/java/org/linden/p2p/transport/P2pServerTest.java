package org.linden.p2p.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.testing.Await;
import org.linden.p2p.testing.MutableClock;
import org.linden.types.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class P2pServerTest {
  static final P2pConfig LOCAL = P2pConfig.defaults().withListen("127.0.0.1", 0);

  record TestNode(String name, NodeKey key, P2pServer server, ToyProtocol toy, RecordingListener events) {
    Peer peerOf(TestNode other) {
      return server.peers().peer(other.key.nodeId()).orElseThrow(() -> new AssertionError(name + " has no peer " + other.name));
    }

    boolean hasPeer(TestNode other) {
      return server.peers().peer(other.key.nodeId()).isPresent();
    }
  }

  private final List<TestNode> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(n -> n.server().close());
  }

  TestNode node(String name, P2pConfig config, Clock clock, int... toyVersions) {
    NodeKey key = NodeKey.random();
    ToyProtocol toy = new ToyProtocol();
    List<Protocol> protocols = new ArrayList<>();
    for (int v : toyVersions.length == 0 ? new int[] {1} : toyVersions) {
      protocols.add(toy.version(v));
    }
    P2pServer server = new P2pServer(key, config.withClientId("test-" + name), protocols, clock);
    RecordingListener events = new RecordingListener();
    server.peers().addListener(events);
    server.start();
    TestNode n = new TestNode(name, key, server, toy, events);
    nodes.add(n);
    return n;
  }

  TestNode node(String name) {
    return node(name, LOCAL, Clock.systemUTC());
  }

  static Peer connect(TestNode from, TestNode to) throws Exception {
    Peer peer = from.server().connect(to.server().enode()).get(20, TimeUnit.SECONDS);
    Await.until(to.name() + " sees " + from.name(), () -> to.hasPeer(from));
    return peer;
  }

  static PeerConnectException failure(CompletableFuture<Peer> attempt) {
    Throwable t = catchThrowable(() -> attempt.get(20, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    assertThat(t.getCause()).isInstanceOf(PeerConnectException.class);
    return (PeerConnectException) t.getCause();
  }

  @Test
  void threeServersConnectInBothDirectionsAndNegotiateTheHighestSharedVersion() throws Exception {
    TestNode a = node("a", LOCAL, Clock.systemUTC(), 1, 2);
    TestNode b = node("b", LOCAL, Clock.systemUTC(), 1);
    TestNode c = node("c", LOCAL, Clock.systemUTC(), 1, 2);

    Peer aToB = connect(a, b);
    connect(c, a);
    connect(b, c);

    assertThat(aToB.nodeId()).isEqualTo(b.key().nodeId());
    assertThat(aToB.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(aToB.clientId()).isEqualTo("test-b");
    assertThat(aToB.remoteAddress().getPort()).isEqualTo(b.server().port());
    assertThat(b.peerOf(a).direction()).isEqualTo(Direction.INBOUND);
    assertThat(b.peerOf(a).clientId()).isEqualTo("test-a");
    assertThat(a.peerOf(c).direction()).isEqualTo(Direction.INBOUND);
    assertThat(c.peerOf(b).direction()).isEqualTo(Direction.INBOUND);

    // a offers toy/1 and toy/2, b only toy/1: they agree on 1; a and c agree on 2.
    assertThat(aToB.capability(ToyProtocol.NAME)).contains(new Capability(ToyProtocol.NAME, 1));
    assertThat(a.peerOf(c).capability(ToyProtocol.NAME)).contains(new Capability(ToyProtocol.NAME, 2));
    Await.until("c's toy protocol told of a", () -> c.toy().connected.stream()
        .anyMatch(x -> x.peer().nodeId().equals(a.key().nodeId()) && x.capability().version() == 2));
    assertThat(a.events().connected).hasSize(2);
    assertThat(a.server().peers().peers()).hasSize(2);
  }

  @Test
  void toyProtocolMessagesTravelBothWays() throws Exception {
    TestNode a = node("a");
    TestNode b = node("b");
    Peer aToB = connect(a, b);

    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i % 7);
    }
    aToB.send(ToyProtocol.NAME, ToyProtocol.ECHO_REQUEST, Bytes.of((byte) 0xc1, (byte) 0x05));
    aToB.send(ToyProtocol.NAME, ToyProtocol.ECHO_REQUEST, Bytes.wrap(big));

    Await.until("both echoes at a", () -> a.toy().received.size() == 2);
    assertThat(a.toy().received).extracting(ToyProtocol.Received::code).containsOnly(ToyProtocol.ECHO_REPLY);
    assertThat(a.toy().received.get(0).payload()).isEqualTo(Bytes.of((byte) 0xc1, (byte) 0x05));
    assertThat(a.toy().received.get(1).payload()).isEqualTo(Bytes.wrap(big));
    assertThat(b.toy().received).extracting(ToyProtocol.Received::code).containsExactly(0, 0);

    PeerStats stats = aToB.stats();
    assertThat(stats.messagesOut()).isGreaterThanOrEqualTo(3); // Hello and two requests
    assertThat(stats.messagesIn()).isGreaterThanOrEqualTo(3);
    // Snappy is on between two v5 peers: the repetitive 100 kB went out much smaller.
    assertThat(stats.bytesOut()).isLessThan(big.length / 2);
    assertThat(stats.bytesIn()).isPositive();
  }

  @Test
  void sendRejectsUnknownProtocolsAndCodes() throws Exception {
    TestNode a = node("a");
    TestNode b = node("b");
    Peer aToB = connect(a, b);
    assertThat(catchThrowable(() -> aToB.send("eth", 0, Bytes.EMPTY))).isInstanceOf(IllegalArgumentException.class);
    assertThat(catchThrowable(() -> aToB.send(ToyProtocol.NAME, 3, Bytes.EMPTY))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pingIsAnsweredWithPong() throws Exception {
    TestNode a = node("a");
    TestNode b = node("b");
    Peer aToB = connect(a, b);
    Duration rtt = aToB.ping().get(20, TimeUnit.SECONDS);
    assertThat(rtt).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(b.peerOf(a).ping().get(20, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void disconnectCarriesItsReasonToBothSides() throws Exception {
    TestNode a = node("a");
    TestNode b = node("b");
    Peer aToB = connect(a, b);
    aToB.disconnect(DisconnectReason.USELESS_PEER);

    Await.until("b hears the reason", () -> b.events().sawDisconnect(a.key().nodeId(), DisconnectReason.USELESS_PEER, true));
    Await.until("a records it", () -> a.events().sawDisconnect(b.key().nodeId(), DisconnectReason.USELESS_PEER, false));
    Await.until("toy handler told", () -> b.toy().disconnected.contains(DisconnectReason.USELESS_PEER));
    assertThat(aToB.isConnected()).isFalse();
    assertThat(a.server().peers().peers()).isEmpty();
    Await.until("b has no peers", () -> b.server().peers().peers().isEmpty());
  }

  @Test
  void aFullServerRefusesWithTooManyPeers() throws Exception {
    TestNode full = node("full", LOCAL.withPeerLimits(1, 0), Clock.systemUTC());
    TestNode first = node("first");
    TestNode second = node("second");
    connect(first, full);

    PeerConnectException refused = failure(second.server().connect(full.server().enode()));
    assertThat(refused.reason()).contains(DisconnectReason.TOO_MANY_PEERS);
    assertThat(refused.byRemote()).isTrue();
    assertThat(full.server().peers().peers()).hasSize(1);
  }

  @Test
  void outboundSlotsAreKeptApartFromInboundOnes() throws Exception {
    TestNode dialer = node("dialer", LOCAL.withPeerLimits(2, 1), Clock.systemUTC());
    TestNode one = node("one");
    TestNode two = node("two");
    assertThat(dialer.server().peers().wantsOutbound()).isTrue();
    connect(dialer, one);
    assertThat(dialer.server().peers().wantsOutbound()).isFalse();
    // The inbound slot is still free for a node that dials us.
    connect(two, dialer);
    PeerConnectException refused = failure(node("three").server().connect(dialer.server().enode()));
    assertThat(refused.reason()).contains(DisconnectReason.TOO_MANY_PEERS);
  }

  /** Two nodes, the first with the smaller node id. */
  private TestNode[] ordered() {
    TestNode x = node("x");
    TestNode y = node("y");
    return x.key().nodeId().compareTo(y.key().nodeId()) < 0 ? new TestNode[] {x, y} : new TestNode[] {y, x};
  }

  @Test
  void selfAndDuplicateConnectionsAreRefused() throws Exception {
    TestNode[] pair = ordered();
    TestNode a = pair[0];
    TestNode b = pair[1];

    PeerConnectException self = failure(a.server().connect(a.server().enode()));
    assertThat(self.reason()).contains(DisconnectReason.SELF_CONNECTION);
    // Past the local check, the handshake itself reveals that we reached ourselves.
    PeerConnectException selfOnWire = failure(a.server().dial(a.key().publicKey(),
        new java.net.InetSocketAddress("127.0.0.1", a.server().port())));
    assertThat(selfOnWire.reason()).contains(DisconnectReason.SELF_CONNECTION);

    Peer kept = connect(a, b);
    PeerConnectException again = failure(a.server().connect(b.server().enode()));
    assertThat(again.reason()).contains(DisconnectReason.ALREADY_CONNECTED);
    PeerConnectException reverse = failure(b.server().connect(a.server().enode()));
    assertThat(reverse.reason()).contains(DisconnectReason.ALREADY_CONNECTED);
    // A duplicate slips past b's local check when dialled directly. Both ends keep the
    // connection dialled by the smaller id (a's), so the new one is refused and the first stays.
    CompletableFuture<Peer> onWire = b.server().dial(a.key().publicKey(),
        new java.net.InetSocketAddress("127.0.0.1", a.server().port()));
    assertThat(onWire.get(20, TimeUnit.SECONDS)).as("the dial answers with the connection kept").isSameAs(b.peerOf(a));
    assertThat(a.peerOf(b)).isSameAs(kept);
    assertThat(kept.isConnected()).isTrue();
    assertThat(a.server().peers().peers()).hasSize(1);
    assertThat(b.server().peers().peers()).hasSize(1);
  }

  @Test
  void aDuplicateDialledByTheSmallerIdReplacesTheConnection() throws Exception {
    TestNode[] pair = ordered();
    TestNode small = pair[0];
    TestNode large = pair[1];
    Peer first = connect(large, small);
    Peer second = small.server().dial(large.key().publicKey(),
        new java.net.InetSocketAddress("127.0.0.1", large.server().port())).get(20, TimeUnit.SECONDS);
    Await.until("the first connection closes", () -> !first.isConnected());
    Await.until("the large node keeps the connection the small one dialled",
        () -> large.hasPeer(small) && large.peerOf(small).direction() == Direction.INBOUND);
    assertThat(small.peerOf(large)).isSameAs(second);
    assertThat(second.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(second.isConnected()).isTrue();
    // Whichever end swapped first reports it locally; the other hears the Disconnect.
    Await.until("the large node reports the replaced peer gone", () -> large.events().disconnected.stream()
        .anyMatch(g -> g.id().equals(small.key().nodeId()) && g.reason() == DisconnectReason.ALREADY_CONNECTED));
  }

  /**
   * Two nodes that dial each other at the same moment each see one connection of each
   * direction; without a rule both ends can refuse the later one each sees, and nothing is
   * left. Repeated, because the interleaving differs from one try to the next.
   */
  @Test
  void simultaneousDialsLeaveExactlyOneConnection() throws Exception {
    for (int i = 0; i < 30; i++) {
      TestNode[] pair = ordered();
      TestNode small = pair[0];
      TestNode large = pair[1];
      CompletableFuture<Peer> fromSmall = small.server().connect(large.server().enode());
      CompletableFuture<Peer> fromLarge = large.server().connect(small.server().enode());
      Peer atSmall = fromSmall.get(20, TimeUnit.SECONDS);
      // The large node's own dial loses: refused by the small node, or swapped after its Hello.
      try {
        assertThat(fromLarge.get(20, TimeUnit.SECONDS).nodeId()).isEqualTo(small.key().nodeId());
      } catch (ExecutionException e) {
        assertThat(((PeerConnectException) e.getCause()).reason()).contains(DisconnectReason.ALREADY_CONNECTED);
      }
      int round = i;
      Await.until("round " + round + ": both keep the connection the smaller id dialled",
          () -> small.hasPeer(large) && large.hasPeer(small)
              && small.peerOf(large).direction() == Direction.OUTBOUND
              && large.peerOf(small).direction() == Direction.INBOUND,
          () -> "small " + small.server().peers().peers() + ", large " + large.server().peers().peers());
      assertThat(atSmall).isSameAs(small.peerOf(large));
      assertThat(atSmall.isConnected()).isTrue();
      small.server().close();
      large.server().close();
      nodes.clear();
    }
  }

  @Test
  void anOversizedMessageDropsAndBansTheSender() throws Exception {
    TestNode small = node("small", LOCAL.withMaxMessageSize(1024), Clock.systemUTC());
    TestNode big = node("big");
    Peer bigToSmall = connect(big, small);

    bigToSmall.send(ToyProtocol.NAME, ToyProtocol.ECHO_REQUEST, Bytes.wrap(new byte[1000]));
    Await.until("the small echo", () -> big.toy().received.size() == 1);
    byte[] random = new byte[4096];
    new java.util.Random(1).nextBytes(random); // incompressible, so the frame is large too
    bigToSmall.send(ToyProtocol.NAME, ToyProtocol.ECHO_REQUEST, Bytes.wrap(random));

    Await.until("big is dropped", () -> big.events().sawDisconnect(small.key().nodeId(), DisconnectReason.PROTOCOL_BREACH, true));
    assertThat(small.server().peers().isBanned(big.key().nodeId())).isTrue();
    assertThat(small.toy().received).hasSize(1);
    PeerConnectException banned = failure(small.server().connect(big.server().enode()));
    assertThat(banned.reason()).contains(DisconnectReason.USELESS_PEER);
  }

  @Test
  void aPeerOverItsMessageRateIsDropped() throws Exception {
    // A clock that never moves refills nothing: exactly the burst is allowed.
    TestNode strict = node("strict", LOCAL.withMessageRate(1, 5), MutableClock.startingNow());
    TestNode chatty = node("chatty");
    Peer toStrict = connect(chatty, strict);
    for (int i = 0; i < 20; i++) {
      toStrict.send(ToyProtocol.NAME, ToyProtocol.ECHO_REPLY, Bytes.EMPTY);
    }
    Await.until("chatty is dropped", () -> chatty.events().sawDisconnect(strict.key().nodeId(), DisconnectReason.PROTOCOL_BREACH, true));
    // Hello took one token, so four toy messages got through.
    assertThat(strict.toy().received).hasSizeLessThanOrEqualTo(4);
    assertThat(strict.server().peers().isBanned(chatty.key().nodeId())).isTrue();
  }

  @Test
  void aHandlerViolationDisconnectsWithItsReasonAndBans() throws Exception {
    TestNode a = node("a");
    TestNode b = node("b");
    Peer aToB = connect(a, b);
    aToB.send(ToyProtocol.NAME, ToyProtocol.FORBIDDEN, Bytes.EMPTY);
    Await.until("a is dropped", () -> a.events().sawDisconnect(b.key().nodeId(), DisconnectReason.SUBPROTOCOL_ERROR, true));
    assertThat(b.server().peers().isBanned(a.key().nodeId())).isTrue();
  }

  @Test
  void aSilentPeerTimesOutAndAnActiveOneIsPinged() throws Exception {
    MutableClock clock = MutableClock.startingNow();
    TestNode watcher = node("watcher", LOCAL, clock);
    TestNode other = node("other");
    connect(other, watcher);
    Peer peer = watcher.peerOf(other);

    // Past the ping interval but inside the idle timeout: a keepalive Ping goes out.
    long before = peer.stats().messagesOut();
    clock.advance(Duration.ofSeconds(16));
    watcher.server().runMaintenance();
    Await.until("keepalive ping answered", () -> peer.stats().messagesIn() >= 2 && peer.stats().messagesOut() > before);
    assertThat(peer.isConnected()).isTrue();

    clock.advance(Duration.ofMinutes(5));
    watcher.server().runMaintenance();
    Await.until("other hears the timeout", () -> other.events().sawDisconnect(watcher.key().nodeId(), DisconnectReason.PING_TIMEOUT, true));
  }

  @Test
  void closingTheServerTellsPeersItQuits() throws Exception {
    TestNode a = node("a");
    TestNode b = node("b");
    connect(a, b);
    a.server().close();
    nodes.remove(a);
    Await.until("b hears quitting", () -> b.events().sawDisconnect(a.key().nodeId(), DisconnectReason.CLIENT_QUITTING, true),
        () -> "b saw " + b.events().disconnected);
  }

}
