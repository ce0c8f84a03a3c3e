package org.linden.p2p.discovery;

import java.time.Duration;
import java.util.List;
import org.linden.p2p.identity.Enode;

/**
 * Settings of the discovery v4 service. Start from {@link #defaults()}.
 *
 * @param host address to bind the UDP socket to, and to advertise
 * @param port UDP port; 0 picks a free one
 * @param tcpPort the RLPx port advertised in Pings and the node record (0: none)
 * @param bootnodes nodes to bond with first and ask for neighbours
 * @param refreshInterval how often a lookup for a random target refills the table
 * @param revalidateInterval how often the least recently seen node of a bucket is pinged
 * @param bondExpiry how long a Pong proves a node's endpoint; FindNode and ENRRequest
 *     are answered only for nodes with such a proof, so nobody can aim replies at a
 *     spoofed address
 * @param requestTimeout how long to wait for a reply
 * @param packetRate packets per second accepted from one IP address on average
 * @param packetBurst packets accepted from one IP address at once
 */
public record DiscoveryConfig(
    String host,
    int port,
    int tcpPort,
    List<Enode> bootnodes,
    Duration refreshInterval,
    Duration revalidateInterval,
    Duration bondExpiry,
    Duration requestTimeout,
    double packetRate,
    int packetBurst) {
  public DiscoveryConfig {
    bootnodes = List.copyOf(bootnodes);
    if (port < 0 || port > 65535 || tcpPort < 0 || tcpPort > 65535) {
      throw new IllegalArgumentException("ports must be in 0..65535");
    }
    if (packetRate < 0 || packetBurst < 1) {
      throw new IllegalArgumentException("packetRate must be >= 0 and packetBurst >= 1");
    }
  }

  /**
   * 127.0.0.1:30303, TCP 30303, no bootnodes, refresh every 30 min, revalidate every 10 s,
   * bonds for 12 h, 1 s reply timeout, 50 packets/s per IP with bursts of 200.
   */
  public static DiscoveryConfig defaults() {
    return new DiscoveryConfig("127.0.0.1", 30303, 30303, List.of(), Duration.ofMinutes(30), Duration.ofSeconds(10),
        Duration.ofHours(12), Duration.ofSeconds(1), 50, 200);
  }

  public DiscoveryConfig withListen(String newHost, int newPort, int newTcpPort) {
    return new DiscoveryConfig(newHost, newPort, newTcpPort, bootnodes, refreshInterval, revalidateInterval,
        bondExpiry, requestTimeout, packetRate, packetBurst);
  }

  public DiscoveryConfig withBootnodes(List<Enode> newBootnodes) {
    return new DiscoveryConfig(host, port, tcpPort, newBootnodes, refreshInterval, revalidateInterval, bondExpiry,
        requestTimeout, packetRate, packetBurst);
  }

  public DiscoveryConfig withPacketRate(double newRate, int newBurst) {
    return new DiscoveryConfig(host, port, tcpPort, bootnodes, refreshInterval, revalidateInterval, bondExpiry,
        requestTimeout, newRate, newBurst);
  }

  public DiscoveryConfig withIntervals(Duration newRefresh, Duration newRevalidate) {
    return new DiscoveryConfig(host, port, tcpPort, bootnodes, newRefresh, newRevalidate, bondExpiry, requestTimeout,
        packetRate, packetBurst);
  }
}
