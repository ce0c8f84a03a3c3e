package org.linden.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.p2p.discovery.RoutingTable.Status;
import org.linden.p2p.identity.NodeId;
import org.linden.types.Bytes;

class RoutingTableTest {
  private static final NodeId SELF = NodeId.fromHex("00".repeat(32));
  private static final PublicKey ANY_KEY = new PublicKey(Bytes.wrap(new byte[64]));

  /** A node whose id is {@code prefix} (hex) padded with zero bytes. */
  private static Node node(String hexPrefix) {
    String hex = hexPrefix + "0".repeat(64 - hexPrefix.length());
    return new Node(NodeId.fromHex(hex), ANY_KEY, endpoint(30303));
  }

  /** The {@code i}-th node at log distance 256 from SELF (top bit set). */
  private static Node far(int i) {
    return node(String.format("80%04x", i));
  }

  /** A node at log distance {@code d} from SELF. */
  private static Node atDistance(int d, Endpoint e) {
    String hex = String.format("%064x", java.math.BigInteger.ONE.shiftLeft(d - 1));
    return new Node(NodeId.fromHex(hex), ANY_KEY, e);
  }

  private static Endpoint endpoint(int port) {
    return new Endpoint(InetAddress.getLoopbackAddress(), port, port);
  }

  @Test
  void nodesGoToTheBucketOfTheirLogDistance() {
    RoutingTable t = new RoutingTable(SELF);
    assertThat(t.add(node("80")).status()).isEqualTo(Status.ADDED);
    assertThat(t.add(node("01")).status()).isEqualTo(Status.ADDED);
    assertThat(t.add(node("00".repeat(31) + "03")).status()).isEqualTo(Status.ADDED);
    assertThat(t.bucket(256)).containsExactly(node("80"));
    assertThat(t.bucket(249)).containsExactly(node("01"));
    assertThat(t.bucket(2)).containsExactly(node("00".repeat(31) + "03"));
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.add(new Node(SELF, ANY_KEY, endpoint(1))).status()).isEqualTo(Status.SELF);
    assertThat(t.size()).isEqualTo(3);
    assertThatThrownBy(() -> t.bucket(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seeingANodeAgainMovesItToTheTailAndUpdatesItsEndpoint() {
    RoutingTable t = new RoutingTable(SELF);
    t.add(far(1));
    t.add(far(2));
    t.add(far(3));
    assertThat(t.add(far(1).withEndpoint(endpoint(40404))).status()).isEqualTo(Status.UPDATED);
    assertThat(t.bucket(256)).extracting(Node::id).containsExactly(far(2).id(), far(3).id(), far(1).id());
    assertThat(t.get(far(1).id()).orElseThrow().endpoint().udpPort()).isEqualTo(40404);
  }

  @Test
  void fullBucketKeepsOldNodesAndAsksToRevalidateTheLeastRecentlySeen() {
    RoutingTable t = new RoutingTable(SELF);
    IntStream.range(0, RoutingTable.K).forEach(i -> assertThat(t.add(far(i)).status()).isEqualTo(Status.ADDED));
    RoutingTable.AddResult r = t.add(far(100));
    assertThat(r.status()).isEqualTo(Status.BUCKET_FULL);
    assertThat(r.revalidate()).contains(far(0));
    assertThat(t.contains(far(100).id())).isFalse();
    assertThat(t.replacements(256)).containsExactly(far(100));

    // far(0) answered the ping: it is seen again and moves to the tail; far(1) is next.
    t.add(far(0));
    assertThat(t.add(far(101)).revalidate()).contains(far(1));
    assertThat(t.replacements(256)).containsExactly(far(100), far(101));

    // far(1) did not answer: the freshest replacement takes its place at the tail.
    assertThat(t.remove(far(1).id())).contains(far(101));
    assertThat(t.contains(far(101).id())).isTrue();
    assertThat(t.bucket(256)).hasSize(RoutingTable.K).last().isEqualTo(far(101));
    assertThat(t.replacements(256)).containsExactly(far(100));
    assertThat(t.leastRecentlySeen()).containsExactly(far(2));
  }

  @Test
  void replacementListIsBoundedAndDropsTheOldest() {
    RoutingTable t = new RoutingTable(SELF);
    IntStream.range(0, RoutingTable.K).forEach(i -> t.add(far(i)));
    IntStream.range(100, 100 + RoutingTable.MAX_REPLACEMENTS + 3).forEach(i -> t.add(far(i)));
    List<Node> replacements = t.replacements(256);
    assertThat(replacements).hasSize(RoutingTable.MAX_REPLACEMENTS);
    assertThat(replacements.get(0)).isEqualTo(far(103));
    assertThat(replacements.get(replacements.size() - 1)).isEqualTo(far(100 + RoutingTable.MAX_REPLACEMENTS + 2));
  }

  @Test
  void removingWithoutReplacementsJustShrinksTheBucket() {
    RoutingTable t = new RoutingTable(SELF);
    t.add(far(1));
    assertThat(t.remove(far(1).id())).isEmpty();
    assertThat(t.size()).isZero();
    assertThat(t.remove(far(1).id())).isEmpty();
  }

  @Test
  void limitsNodesFromOnePublicSubnet() throws Exception {
    RoutingTable t = new RoutingTable(SELF);
    Endpoint a = new Endpoint(InetAddress.getByName("203.0.113.1"), 30303, 30303);
    Endpoint b = new Endpoint(InetAddress.getByName("203.0.113.2"), 30303, 30303);
    Endpoint c = new Endpoint(InetAddress.getByName("203.0.113.3"), 30303, 30303);
    Endpoint other = new Endpoint(InetAddress.getByName("198.51.100.1"), 30303, 30303);
    assertThat(t.add(far(1).withEndpoint(a)).status()).isEqualTo(Status.ADDED);
    assertThat(t.add(far(2).withEndpoint(b)).status()).isEqualTo(Status.ADDED);
    assertThat(t.add(far(3).withEndpoint(c)).status()).isEqualTo(Status.SUBNET_LIMIT);
    assertThat(t.add(far(3).withEndpoint(other)).status()).isEqualTo(Status.ADDED);
    // Across buckets the table takes TABLE_SUBNET_LIMIT nodes of one /24 in all.
    for (int i = 0; i < RoutingTable.TABLE_SUBNET_LIMIT - 2; i++) {
      Endpoint e = new Endpoint(InetAddress.getByName("203.0.113." + (10 + i)), 1, 1);
      assertThat(t.add(atDistance(100 + i, e)).status()).isEqualTo(Status.ADDED);
    }
    Endpoint e = new Endpoint(InetAddress.getByName("203.0.113.99"), 1, 1);
    assertThat(t.add(atDistance(120, e)).status()).isEqualTo(Status.SUBNET_LIMIT);
    // Loopback and private addresses are exempt.
    for (int i = 10; i < 10 + RoutingTable.K; i++) {
      assertThat(t.add(node(String.format("40%04x", i))).status()).isEqualTo(Status.ADDED);
    }
  }

  @Test
  void closestSortsByXorDistanceToTheTarget() {
    RoutingTable t = new RoutingTable(SELF);
    Node a = node("f0");
    Node b = node("f1");
    Node c = node("0f");
    Node d = node("70");
    Node e = node("ff");
    for (Node n : List.of(a, b, c, d, e)) {
      t.add(n);
    }
    NodeId target = NodeId.fromHex("f1" + "00".repeat(31));
    assertThat(t.closest(target, 3)).containsExactly(b, a, e);
    assertThat(t.closest(target, 10)).containsExactly(b, a, e, d, c);
    assertThat(t.closest(SELF, 2)).containsExactly(c, d);
  }

  @Test
  void convertsToAndFromEnodeUrls() {
    PrivateKey key = PrivateKey.random();
    String url = "enode://" + key.publicKey().bytes().toUnprefixedHex() + "@127.0.0.1:30303?discport=30301";
    Node n = Node.of(org.linden.p2p.identity.Enode.parse(url));
    assertThat(n.endpoint()).isEqualTo(new Endpoint(InetAddress.getLoopbackAddress(), 30301, 30303));
    assertThat(n.id()).isEqualTo(NodeId.of(key.publicKey()));
    assertThat(n.toEnode().toString()).isEqualTo(url);
  }

  @Test
  void worksWithRealKeys() {
    PrivateKey selfKey = PrivateKey.random();
    RoutingTable t = new RoutingTable(NodeId.of(selfKey.publicKey()));
    for (int i = 0; i < 200; i++) {
      Node n = Node.of(PrivateKey.random().publicKey(), endpoint(30000 + i));
      t.add(n);
      int d = NodeId.logDistance(t.self(), n.id());
      assertThat(t.bucket(d).size()).isLessThanOrEqualTo(RoutingTable.K);
    }
    NodeId target = NodeId.of(PrivateKey.random().publicKey());
    List<Node> closest = t.closest(target, 16);
    assertThat(closest).hasSize(16);
    for (int i = 1; i < closest.size(); i++) {
      assertThat(target.compareDistance(closest.get(i - 1).id(), closest.get(i).id())).isNegative();
    }
  }
}
