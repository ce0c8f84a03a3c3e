package org.linden.node.p2p;

import java.nio.file.Path;
import java.util.List;
import org.linden.p2p.identity.Enode;

/**
 * How the node takes part in the peer-to-peer network.
 *
 * @param host the address to listen on (TCP for RLPx, UDP for discovery) and to advertise
 * @param port the RLPx TCP port; 0 picks a free one
 * @param discoveryPort the discovery UDP port; -1 for the same as the TCP port
 * @param discovery whether discovery v4 runs; without it only bootnodes and static peers are dialled
 * @param bootnodes nodes to bond with and dial first
 * @param maxPeers most connected peers, both directions together; 0 turns networking off
 * @param nodeKeyFile the node key file; null for {@code nodekey} in the data directory
 */
public record NetworkSettings(String host, int port, int discoveryPort, boolean discovery, List<Enode> bootnodes,
    int maxPeers, Path nodeKeyFile) {
  public NetworkSettings {
    bootnodes = List.copyOf(bootnodes);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--p2p.port must be in 0..65535, got " + port);
    }
    if (discoveryPort < -1 || discoveryPort > 65535) {
      throw new IllegalArgumentException("--discovery.port must be in 0..65535, got " + discoveryPort);
    }
    if (maxPeers < 0) {
      throw new IllegalArgumentException("--maxpeers must not be negative, got " + maxPeers);
    }
  }

  /** Networking off: no listener, no discovery (the dev chain's default). */
  public static NetworkSettings off() {
    return new NetworkSettings("127.0.0.1", 0, -1, false, List.of(), 0, null);
  }

  public boolean enabled() {
    return maxPeers > 0;
  }
}
