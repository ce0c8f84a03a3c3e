package org.linden.p2p.transport;

import java.time.Duration;

/**
 * Settings of the RLPx server. Start from {@link #defaults()} and change what differs.
 *
 * @param host address to listen on; 127.0.0.1 unless the node should be reachable
 * @param port TCP port; 0 picks a free one
 * @param clientId the name sent in Hello
 * @param maxPeers most connected peers, both directions together
 * @param maxOutbound most peers we dialled; the rest of {@code maxPeers} is for inbound
 *     connections, so neither side can take every slot
 * @param handshakeTimeout time from TCP connect to a finished Hello exchange
 * @param pingInterval how often a Ping is sent to an active peer
 * @param idleTimeout an active peer that sent nothing for this long is dropped
 * @param maxMessageSize largest message payload accepted, after decompression
 * @param messageRate messages per second a peer may send on average
 * @param messageBurst messages a peer may send at once above the rate
 * @param banDuration how long a node id is refused after a protocol violation
 * @param maintenanceInterval how often timeouts and keepalive are checked
 * @param disconnectGrace how long a Disconnect is given to reach the peer before the
 *     socket is closed anyway
 */
public record P2pConfig(
    String host,
    int port,
    String clientId,
    int maxPeers,
    int maxOutbound,
    Duration handshakeTimeout,
    Duration pingInterval,
    Duration idleTimeout,
    int maxMessageSize,
    double messageRate,
    int messageBurst,
    Duration banDuration,
    Duration maintenanceInterval,
    Duration disconnectGrace) {
  /** The devp2p frame size field is 24 bits, so no message can be larger. */
  public static final int MAX_MESSAGE_SIZE = 0xFFFFFF;

  public P2pConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535");
    }
    if (maxPeers < 0 || maxOutbound < 0 || maxOutbound > maxPeers) {
      throw new IllegalArgumentException("need 0 <= maxOutbound <= maxPeers");
    }
    if (maxMessageSize < 1 || maxMessageSize > MAX_MESSAGE_SIZE) {
      throw new IllegalArgumentException("maxMessageSize must be in 1.." + MAX_MESSAGE_SIZE);
    }
    if (messageRate < 0 || messageBurst < 1) {
      throw new IllegalArgumentException("messageRate must be >= 0 and messageBurst >= 1");
    }
  }

  /**
   * 127.0.0.1:30303, 25 peers of which 8 dialled, 5 s handshake, Ping every 15 s, drop
   * after 30 s of silence, 16 MiB messages, 500 messages/s with bursts of 2000, 15 min ban.
   */
  public static P2pConfig defaults() {
    return new P2pConfig("127.0.0.1", 30303, "Linden", 25, 8, Duration.ofSeconds(5), Duration.ofSeconds(15),
        Duration.ofSeconds(30), MAX_MESSAGE_SIZE, 500, 2000, Duration.ofMinutes(15), Duration.ofSeconds(1),
        Duration.ofSeconds(2));
  }

  public P2pConfig withListen(String newHost, int newPort) {
    return new P2pConfig(newHost, newPort, clientId, maxPeers, maxOutbound, handshakeTimeout, pingInterval,
        idleTimeout, maxMessageSize, messageRate, messageBurst, banDuration, maintenanceInterval, disconnectGrace);
  }

  public P2pConfig withClientId(String newClientId) {
    return new P2pConfig(host, port, newClientId, maxPeers, maxOutbound, handshakeTimeout, pingInterval,
        idleTimeout, maxMessageSize, messageRate, messageBurst, banDuration, maintenanceInterval, disconnectGrace);
  }

  public P2pConfig withPeerLimits(int newMaxPeers, int newMaxOutbound) {
    return new P2pConfig(host, port, clientId, newMaxPeers, newMaxOutbound, handshakeTimeout, pingInterval,
        idleTimeout, maxMessageSize, messageRate, messageBurst, banDuration, maintenanceInterval, disconnectGrace);
  }

  public P2pConfig withTimeouts(Duration newHandshake, Duration newPingInterval, Duration newIdle) {
    return new P2pConfig(host, port, clientId, maxPeers, maxOutbound, newHandshake, newPingInterval, newIdle,
        maxMessageSize, messageRate, messageBurst, banDuration, maintenanceInterval, disconnectGrace);
  }

  public P2pConfig withMaxMessageSize(int newMaxMessageSize) {
    return new P2pConfig(host, port, clientId, maxPeers, maxOutbound, handshakeTimeout, pingInterval, idleTimeout,
        newMaxMessageSize, messageRate, messageBurst, banDuration, maintenanceInterval, disconnectGrace);
  }

  public P2pConfig withMessageRate(double newRate, int newBurst) {
    return new P2pConfig(host, port, clientId, maxPeers, maxOutbound, handshakeTimeout, pingInterval, idleTimeout,
        maxMessageSize, newRate, newBurst, banDuration, maintenanceInterval, disconnectGrace);
  }

  public P2pConfig withBanDuration(Duration newBanDuration) {
    return new P2pConfig(host, port, clientId, maxPeers, maxOutbound, handshakeTimeout, pingInterval, idleTimeout,
        maxMessageSize, messageRate, messageBurst, newBanDuration, maintenanceInterval, disconnectGrace);
  }

  /** Inbound slots: what {@code maxOutbound} leaves of {@code maxPeers}. */
  public int maxInbound() {
    return maxPeers - maxOutbound;
  }
}
