package org.linden.p2p.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.linden.p2p.discovery.DiscoveryConfig;
import org.linden.p2p.discovery.DiscoveryService;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.testing.Await;
import org.junit.jupiter.api.Test;

class DiscoveryDialerTest {
  @Test
  void nodesFoundByDiscoveryAreDialled() {
    NodeKey bootKey = NodeKey.random();
    NodeKey dialerKey = NodeKey.random();
    List<Protocol> toy = List.of(new ToyProtocol().version(1));
    try (P2pServer bootServer = new P2pServer(bootKey, P2pServerTest.LOCAL, toy);
        P2pServer dialerServer = new P2pServer(dialerKey, P2pServerTest.LOCAL, toy)) {
      int bootTcp = bootServer.start();
      int dialerTcp = dialerServer.start();
      try (DiscoveryService boot = new DiscoveryService(bootKey,
              DiscoveryConfig.defaults().withListen("127.0.0.1", 0, bootTcp));
          DiscoveryService dialer = new DiscoveryService(dialerKey, DiscoveryConfig.defaults()
              .withListen("127.0.0.1", 0, dialerTcp))) {
        boot.start();
        dialer.addListener(new DiscoveryDialer(dialerServer));
        dialer.start();
        dialer.ping(boot.self());
        Await.until("the dialer connects to the node it discovered",
            () -> dialerServer.peers().peer(bootKey.nodeId()).isPresent());
        assertThat(dialerServer.peers().peer(bootKey.nodeId()).orElseThrow().direction()).isEqualTo(Direction.OUTBOUND);
      }
    }
  }
}
