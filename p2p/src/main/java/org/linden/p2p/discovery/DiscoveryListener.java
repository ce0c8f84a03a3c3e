package org.linden.p2p.discovery;

/**
 * Told of every node that enters the routing table, which happens only once the node
 * answered our Ping from the endpoint it claims. A peer manager dials the ones whose
 * {@code endpoint().tcpPort()} is not 0. Called on the discovery thread; must not block.
 */
@FunctionalInterface
public interface DiscoveryListener {
  void onNodeFound(Node node);
}
