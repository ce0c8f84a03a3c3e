package org.linden.p2p.transport;

import org.linden.p2p.discovery.DiscoveryListener;
import org.linden.p2p.discovery.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills outbound slots from discovery: each node that enters the discovery table and
 * listens on TCP is dialled while the peer manager wants more outbound peers.
 *
 * <pre>{@code
 * discovery.addListener(new DiscoveryDialer(server));
 * }</pre>
 */
public final class DiscoveryDialer implements DiscoveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryDialer.class);

  private final P2pServer server;

  public DiscoveryDialer(P2pServer server) {
    this.server = server;
  }

  @Override
  public void onNodeFound(Node node) {
    if (node.endpoint().tcpPort() == 0 || !server.peers().wantsOutbound()) {
      return;
    }
    server.connect(node.toEnode()).whenComplete((peer, error) -> {
      if (error != null) {
        LOG.debug("dialling discovered {} failed: {}", node.endpoint(), error.getMessage());
      }
    });
  }
}
