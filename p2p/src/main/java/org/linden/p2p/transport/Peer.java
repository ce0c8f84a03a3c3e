package org.linden.p2p.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.linden.crypto.PublicKey;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.rlpx.SharedCapability;
import org.linden.types.Bytes;

/**
 * A connected node, as sub-protocols and listeners see it. Every method may be called
 * from any thread; sends are queued to the connection's I/O thread in call order.
 */
public interface Peer {
  /** The remote static public key, proven by the RLPx handshake. */
  PublicKey publicKey();

  /** keccak256 of {@link #publicKey()}. */
  NodeId nodeId();

  /** The client name from the remote Hello (empty before Hello). */
  String clientId();

  InetSocketAddress remoteAddress();

  Direction direction();

  /** The sub-protocols running on this connection with their wire id ranges. */
  List<SharedCapability> capabilities();

  /** The negotiated version of protocol {@code name}, if it runs on this connection. */
  default Optional<Capability> capability(String name) {
    return capabilities().stream().map(SharedCapability::capability).filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Sends message {@code code} (relative to the protocol) of the negotiated version of
   * protocol {@code protocolName}. Returns false, sending nothing, if the connection is
   * closed or closing.
   *
   * @throws IllegalArgumentException if the protocol does not run on this connection or
   *     the code is outside its range
   */
  boolean send(String protocolName, int code, Bytes payload);

  /** Sends Disconnect with {@code reason} and closes the connection. */
  void disconnect(DisconnectReason reason);

  /** Sends a base-protocol Ping; completes with the round trip when the Pong arrives. */
  CompletableFuture<Duration> ping();

  boolean isConnected();

  PeerStats stats();
}
