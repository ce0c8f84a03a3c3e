package org.linden.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.linden.crypto.PublicKey;
import org.linden.p2p.discovery.Message.EnrRequest;
import org.linden.p2p.discovery.Message.EnrResponse;
import org.linden.p2p.discovery.Message.FindNode;
import org.linden.p2p.discovery.Message.Neighbors;
import org.linden.p2p.discovery.Message.Ping;
import org.linden.p2p.discovery.Message.Pong;
import org.linden.p2p.enr.Enr;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.testing.Await;
import org.linden.types.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryServiceTest {
  private final List<DiscoveryService> services = new ArrayList<>();
  private final List<DatagramSocket> sockets = new ArrayList<>();

  @AfterEach
  void stop() {
    services.forEach(DiscoveryService::close);
    sockets.forEach(DatagramSocket::close);
  }

  private DiscoveryService service(NodeKey key, DiscoveryConfig config) {
    DiscoveryService s = new DiscoveryService(key, config);
    services.add(s);
    s.start();
    return s;
  }

  private DiscoveryService service(int tcpPort, DiscoveryService... boots) {
    DiscoveryConfig config = DiscoveryConfig.defaults().withListen("127.0.0.1", 0, tcpPort)
        .withBootnodes(java.util.Arrays.stream(boots).map(b -> b.self().toEnode()).toList());
    return service(NodeKey.random(), config);
  }

  private static boolean knows(DiscoveryService s, DiscoveryService other) {
    return s.nodes().stream().anyMatch(n -> n.id().equals(other.self().id()));
  }

  @Test
  void threeServicesFindEachOtherThroughABootnode() throws Exception {
    DiscoveryService boot = service(30001);
    DiscoveryService x = service(30002, boot);
    List<Node> foundByX = new CopyOnWriteArrayList<>();
    x.addListener(foundByX::add);
    Await.until("boot bonds with x", () -> knows(boot, x) && knows(x, boot));
    DiscoveryService y = service(30003, boot);

    // y's first lookup asks boot, learns x and pings it; x pings back and keeps y.
    Await.until("y finds x", () -> knows(y, x));
    Await.until("x finds y", () -> knows(x, y));
    Await.until("x's listener hears of y", () -> foundByX.stream().anyMatch(n -> n.id().equals(y.self().id())));
    Node yAsSeenByX = x.nodes().stream().filter(n -> n.id().equals(y.self().id())).findFirst().orElseThrow();
    assertThat(yAsSeenByX.endpoint().tcpPort()).isEqualTo(30003);
    assertThat(yAsSeenByX.endpoint().udpPort()).isEqualTo(y.self().endpoint().udpPort());

    List<Node> closestToY = x.lookup(y.self().publicKey()).get(20, TimeUnit.SECONDS);
    assertThat(closestToY.get(0).id()).isEqualTo(y.self().id());
  }

  @Test
  void enrRequestReturnsTheSignedLocalRecord() throws Exception {
    DiscoveryService a = service(40001);
    DiscoveryService b = service(40002);
    Enr record = b.requestEnr(a.self()).get(20, TimeUnit.SECONDS);
    assertThat(record).isEqualTo(a.localRecord());
    assertThat(record.publicKey()).isEqualTo(a.self().publicKey());
    assertThat(record.tcp()).hasValue(40001);
    assertThat(record.udp()).hasValue(a.self().endpoint().udpPort());
  }

  /** A discovery client driven by hand from a plain socket. */
  private final class RawNode {
    final NodeKey key = NodeKey.random();
    final DatagramSocket socket;

    RawNode(DatagramSocket socket) {
      this.socket = socket;
    }

    Endpoint endpoint() {
      return new Endpoint(socket.getLocalAddress(), socket.getLocalPort(), 0);
    }

    Packet send(Message m, DiscoveryService to) throws IOException {
      Packet p = PacketCodec.encode(m, key.privateKey());
      byte[] bytes = p.bytes().toArray();
      socket.send(new DatagramPacket(bytes, bytes.length,
          new InetSocketAddress(to.self().endpoint().ip(), to.self().endpoint().udpPort())));
      return p;
    }

    void sendRaw(byte[] bytes, DiscoveryService to) throws IOException {
      socket.send(new DatagramPacket(bytes, bytes.length,
          new InetSocketAddress(to.self().endpoint().ip(), to.self().endpoint().udpPort())));
    }

    /** Pings and returns everything received up to and including the Pong. */
    List<Packet> pingAndCollect(DiscoveryService to) throws IOException {
      Packet ping = send(new Ping(Ping.VERSION, endpoint(), to.self().endpoint(), expiration(), OptionalLong.empty()), to);
      List<Packet> got = new ArrayList<>();
      while (true) {
        Packet p = receive();
        got.add(p);
        if (p.message() instanceof Pong pong && pong.pingHash().equals(ping.hash())) {
          return got;
        }
      }
    }

    Packet receive() throws IOException {
      byte[] buffer = new byte[2048];
      DatagramPacket d = new DatagramPacket(buffer, buffer.length);
      socket.receive(d);
      assertThat(d.getLength()).isLessThanOrEqualTo(PacketCodec.MAX_PACKET_SIZE);
      return PacketCodec.decodeIgnoringExpiration(Bytes.wrap(java.util.Arrays.copyOf(buffer, d.getLength())));
    }

    /** Answers the service's bonding Ping found among {@code packets}. */
    void answerPings(List<Packet> packets, DiscoveryService to) throws IOException {
      for (Packet p : packets) {
        if (p.message() instanceof Ping) {
          send(new Pong(to.self().endpoint(), p.hash(), expiration(), OptionalLong.empty()), to);
        }
      }
    }
  }

  private RawNode raw(String address) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
    socket.setSoTimeout(20_000);
    sockets.add(socket);
    return new RawNode(socket);
  }

  private static long expiration() {
    return Instant.now().getEpochSecond() + 20;
  }

  @Test
  void findNodeFromAnUnbondedEndpointIsIgnoredUntilItBonds() throws Exception {
    DiscoveryService s = service(50001);
    RawNode stranger = raw("127.0.0.1");
    PublicKey target = stranger.key.publicKey();

    stranger.send(new FindNode(target, expiration()), s);
    stranger.send(new EnrRequest(expiration()), s);
    // Packets are handled in order: anything answering the FindNode would come before this Pong.
    List<Packet> beforePong = stranger.pingAndCollect(s);
    assertThat(beforePong).noneMatch(p -> p.message() instanceof Neighbors || p.message() instanceof EnrResponse);

    // The service pinged back to bond; once answered, the stranger is a known node.
    Packet servicePing = beforePong.stream().filter(p -> p.message() instanceof Ping).findFirst()
        .orElseGet(() -> {
          try {
            return stranger.receive();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    assertThat(servicePing.message()).isInstanceOf(Ping.class);
    stranger.answerPings(List.of(servicePing), s);
    stranger.send(new FindNode(target, expiration()), s);
    Packet reply = stranger.receive();
    assertThat(reply.message()).isInstanceOf(Neighbors.class);
    assertThat(((Neighbors) reply.message()).nodes()).extracting(Node::id).contains(stranger.key.nodeId());
  }

  @Test
  void neighborsAreSplitIntoPacketsUnder1280Bytes() throws Exception {
    DiscoveryService s = service(50002);
    RawNode last = null;
    // Twenty identities from one socket each bond, so the table holds twenty nodes.
    DatagramSocket shared = raw("127.0.0.1").socket;
    for (int i = 0; i < 20; i++) {
      RawNode n = new RawNode(shared);
      List<Packet> got = n.pingAndCollect(s);
      if (got.stream().noneMatch(p -> p.message() instanceof Ping)) {
        got = List.of(n.receive());
      }
      n.answerPings(got, s);
      last = n;
    }
    RawNode asker = last;
    Await.until("all twenty in the table", () -> s.nodes().size() == 20);
    asker.send(new FindNode(asker.key.publicKey(), expiration()), s);
    Packet first = asker.receive();
    Packet second = asker.receive();
    assertThat(((Neighbors) first.message()).nodes()).hasSize(Neighbors.MAX_NODES);
    assertThat(((Neighbors) second.message()).nodes()).hasSize(RoutingTable.K - Neighbors.MAX_NODES);
    assertThat(first.bytes().size()).isLessThanOrEqualTo(PacketCodec.MAX_PACKET_SIZE);
  }

  @Test
  void packetsOverTheRateOfOneAddressAreDroppedAndGarbageIsIgnored() throws Exception {
    DiscoveryConfig strict = DiscoveryConfig.defaults().withListen("127.0.0.1", 0, 0).withPacketRate(0, 4);
    DiscoveryService s = service(NodeKey.random(), strict);
    RawNode noisy = raw("127.0.0.1");
    byte[] garbage = new byte[200];
    new SecureRandom().nextBytes(garbage);
    noisy.sendRaw(garbage, s); // one token, dropped as undecodable
    List<Packet> hashes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      hashes.add(noisy.send(new Ping(Ping.VERSION, noisy.endpoint(), s.self().endpoint(), expiration(), OptionalLong.empty()), s));
    }
    // Another loopback address has its own budget; its Pong shows the service went past the noise.
    RawNode quiet = raw("127.0.0.2");
    quiet.pingAndCollect(s);

    noisy.socket.setSoTimeout(200);
    int pongs = 0;
    try {
      while (true) {
        if (noisy.receive().message() instanceof Pong) {
          pongs++;
        }
      }
    } catch (SocketTimeoutException e) {
      // drained
    }
    assertThat(pongs).isEqualTo(3);
  }

  @Test
  void revalidationDropsANodeThatStoppedAnswering() throws Exception {
    DiscoveryService a = service(60001);
    DiscoveryService b = service(60002, a);
    Await.until("a and b bonded", () -> knows(a, b) && knows(b, a));
    a.close();
    services.remove(a);
    b.revalidate();
    Await.until("b forgets a", () -> !knows(b, a));
  }
}
