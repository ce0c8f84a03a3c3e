package org.linden.p2p.transport;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.Hello;

/** What every connection of one server shares; {@code connections} holds every open socket. */
record ServerContext(
    NodeKey key,
    P2pConfig config,
    Clock clock,
    Map<Capability, Protocol> protocols,
    Map<Capability, Integer> messageCounts,
    Hello localHello,
    PeerManager manager,
    Set<PeerConnection> connections) {
  static ServerContext of(NodeKey key, P2pConfig config, Clock clock, List<Protocol> protocols, PeerManager manager) {
    Map<Capability, Protocol> byCapability = new java.util.LinkedHashMap<>();
    for (Protocol p : protocols) {
      if (byCapability.put(p.capability(), p) != null) {
        throw new IllegalArgumentException("protocol " + p.capability() + " registered twice");
      }
    }
    Map<Capability, Integer> counts = new java.util.HashMap<>();
    byCapability.forEach((c, p) -> counts.put(c, p.messageCount()));
    Hello hello = Hello.of(config.clientId(), List.copyOf(byCapability.keySet()), key.publicKey());
    return new ServerContext(key, config, clock, Map.copyOf(byCapability), Map.copyOf(counts), hello, manager,
        ConcurrentHashMap.newKeySet());
  }
}
