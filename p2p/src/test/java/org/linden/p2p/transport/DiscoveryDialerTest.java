package org.linden.p2p.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.linden.p2p.discovery.DiscoveryConfig;
import org.linden.p2p.discovery.DiscoveryService;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.testing.Await;
import org.junit.jupiter.api.Test;

class DiscoveryDialerTest {
  private static final List<Protocol> TOY = List.of(new ToyProtocol().version(1));
  /** Long enough that no timer round runs during a test that relies on the listener alone. */
  private static final Duration NEVER = Duration.ofHours(1);

  private static DiscoveryService discovery(NodeKey key, int tcp) {
    return new DiscoveryService(key, DiscoveryConfig.defaults().withListen("127.0.0.1", 0, tcp));
  }

  @Test
  void nodesFoundByDiscoveryAreDialled() {
    NodeKey bootKey = NodeKey.random();
    NodeKey dialerKey = NodeKey.random();
    try (P2pServer bootServer = new P2pServer(bootKey, P2pServerTest.LOCAL, TOY);
        P2pServer dialerServer = new P2pServer(dialerKey, P2pServerTest.LOCAL, TOY)) {
      int bootTcp = bootServer.start();
      int dialerTcp = dialerServer.start();
      try (DiscoveryService boot = discovery(bootKey, bootTcp);
          DiscoveryService dialer = discovery(dialerKey, dialerTcp);
          DiscoveryDialer seeker = DiscoveryDialer.start(dialerServer, dialer, NEVER, NEVER)) {
        boot.start();
        dialer.start();
        dialer.ping(boot.self());
        Await.until("the dialer connects to the node it discovered",
            () -> dialerServer.peers().peer(bootKey.nodeId()).isPresent());
        assertThat(dialerServer.peers().peer(bootKey.nodeId()).orElseThrow().direction()).isEqualTo(Direction.OUTBOUND);
      }
    }
  }

  /**
   * The race of two nodes bootstrapping from one bootnode together, made certain: the
   * seeker knows only the bootnode, and the bootnode meets the third node afterwards. Only a
   * later lookup can bring the two together.
   */
  @Test
  void nodesTheBootnodeMeetsLaterAreFoundBySeeking() {
    NodeKey bootKey = NodeKey.random();
    NodeKey seekerKey = NodeKey.random();
    NodeKey lateKey = NodeKey.random();
    try (P2pServer bootServer = new P2pServer(bootKey, P2pServerTest.LOCAL, TOY);
        P2pServer seekerServer = new P2pServer(seekerKey, P2pServerTest.LOCAL, TOY);
        P2pServer lateServer = new P2pServer(lateKey, P2pServerTest.LOCAL, TOY)) {
      int bootTcp = bootServer.start();
      int seekerTcp = seekerServer.start();
      int lateTcp = lateServer.start();
      try (DiscoveryService boot = discovery(bootKey, bootTcp);
          DiscoveryService seeker = discovery(seekerKey, seekerTcp);
          DiscoveryService late = discovery(lateKey, lateTcp)) {
        boot.start();
        seeker.start();
        late.start();
        seeker.ping(boot.self()).join();
        boot.ping(late.self()).join();
        assertThat(seeker.nodes()).extracting(n -> n.id()).containsExactly(bootKey.nodeId());
        assertThat(boot.nodes()).extracting(n -> n.id()).contains(lateKey.nodeId());
        try (DiscoveryDialer dialer = DiscoveryDialer.start(seekerServer, seeker, Duration.ofMillis(100),
            Duration.ofMillis(400))) {
          Await.until("the seeker finds and dials the node the bootnode met later",
              () -> seekerServer.peers().peer(lateKey.nodeId()).isPresent());
          assertThat(seekerServer.peers().peer(bootKey.nodeId())).as("table nodes are dialled too").isPresent();
        }
      }
    }
  }

  @Test
  void intervalsMustBePositiveAndOrdered() {
    NodeKey key = NodeKey.random();
    try (P2pServer server = new P2pServer(key, P2pServerTest.LOCAL, TOY);
        DiscoveryService discovery = discovery(key, 0)) {
      assertThatThrownBy(() -> DiscoveryDialer.start(server, discovery, Duration.ZERO, NEVER))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> DiscoveryDialer.start(server, discovery, NEVER, Duration.ofSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
