package org.linden.p2p.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.rlpx.DisconnectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may be connected: slots per direction, one connection per node id, never
 * ourselves, no banned node. A connection asks for a slot once the handshake has proven
 * the remote id ({@link #admit}), becomes a peer after Hello ({@link #activate}) and
 * gives the slot back when it closes ({@link #release}). Listeners hear about peers that
 * were activated. Thread-safe: connections live on several I/O threads.
 */
public final class PeerManager {
  private static final Logger LOG = LoggerFactory.getLogger(PeerManager.class);
  private final NodeId self;
  private final P2pConfig config;
  private final Clock clock;
  private final Map<NodeId, PeerConnection> reserved = new HashMap<>();
  private final Map<NodeId, PeerConnection> active = new HashMap<>();
  private final Map<NodeId, Instant> bans = new HashMap<>();
  private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();

  PeerManager(NodeId self, P2pConfig config, Clock clock) {
    this.self = self;
    this.config = config;
    this.clock = clock;
  }

  public void addListener(PeerListener listener) {
    listeners.add(listener);
  }

  public void removeListener(PeerListener listener) {
    listeners.remove(listener);
  }

  /** The active peers (Hello done). */
  public synchronized List<Peer> peers() {
    return List.copyOf(active.values());
  }

  public synchronized Optional<Peer> peer(NodeId id) {
    return Optional.ofNullable(active.get(id));
  }

  public synchronized int count(Direction direction) {
    return (int) active.values().stream().filter(p -> p.direction() == direction).count()
        + (int) reserved.values().stream().filter(p -> p.direction() == direction).count();
  }

  /** Whether an automatic dialler should open another outbound connection. */
  public synchronized boolean wantsOutbound() {
    return count(Direction.OUTBOUND) < config.maxOutbound() && active.size() + reserved.size() < config.maxPeers();
  }

  /** Refuses {@code id} for {@code duration} and drops it if it is connected. */
  public void ban(NodeId id, Duration duration) {
    PeerConnection connected;
    synchronized (this) {
      bans.put(id, clock.instant().plus(duration));
      connected = active.get(id);
    }
    if (connected != null) {
      connected.disconnect(DisconnectReason.USELESS_PEER);
    }
  }

  public synchronized boolean isBanned(NodeId id) {
    Instant until = bans.get(id);
    if (until == null) {
      return false;
    }
    if (!clock.instant().isBefore(until)) {
      bans.remove(id);
      return false;
    }
    return true;
  }

  /**
   * Why {@code id} may not be dialled now, if there is a reason. Only the total limit
   * counts here: a dial someone asked for explicitly is not held to the outbound share.
   */
  synchronized Optional<DisconnectReason> checkDial(NodeId id) {
    if (id.equals(self)) {
      return Optional.of(DisconnectReason.SELF_CONNECTION);
    }
    if (isBanned(id)) {
      return Optional.of(DisconnectReason.USELESS_PEER);
    }
    if (active.containsKey(id) || reserved.containsKey(id)) {
      return Optional.of(DisconnectReason.ALREADY_CONNECTED);
    }
    if (active.size() + reserved.size() >= config.maxPeers()) {
      return Optional.of(DisconnectReason.TOO_MANY_PEERS);
    }
    return Optional.empty();
  }

  /**
   * Takes a slot for a connection whose remote id the handshake proved, or says why not.
   * When both ends dialled each other at once, each end holds one connection of each
   * direction; both keep the one dialled by the smaller node id (evicting the other if it
   * came first), so the two ends agree and one connection survives instead of none.
   */
  Optional<DisconnectReason> admit(PeerConnection connection) {
    NodeId id = connection.nodeId();
    PeerConnection evicted = null;
    boolean evictedWasActive = false;
    synchronized (this) {
      PeerConnection existing = active.containsKey(id) ? active.get(id) : reserved.get(id);
      if (existing != null && existing.direction() != connection.direction() && dialledBySmallerId(connection)
          && !isBanned(id)) {
        evictedWasActive = active.remove(id, existing);
        reserved.remove(id, existing);
        evicted = existing;
        // A swap leaves the number of peers as it was, so the per-direction shares are not checked.
        reserved.put(id, connection);
      } else {
        Optional<DisconnectReason> refusal = checkDial(id);
        if (refusal.isEmpty() && connection.direction() == Direction.INBOUND
            && count(Direction.INBOUND) >= config.maxInbound()) {
          refusal = Optional.of(DisconnectReason.TOO_MANY_PEERS);
        }
        if (refusal.isPresent()) {
          return refusal;
        }
        reserved.put(id, connection);
      }
    }
    if (evicted != null) {
      LOG.debug("{} and {} dialled each other; keeping {}", self, id, connection);
      evicted.disconnect(DisconnectReason.ALREADY_CONNECTED);
      if (evictedWasActive) {
        tellDisconnected(evicted, DisconnectReason.ALREADY_CONNECTED, false);
      }
    }
    return Optional.empty();
  }

  private boolean dialledBySmallerId(PeerConnection connection) {
    boolean weAreSmaller = self.compareTo(connection.nodeId()) < 0;
    return weAreSmaller == (connection.direction() == Direction.OUTBOUND);
  }

  /** The connection to {@code id} that holds a slot, whether Hello is done or not. */
  synchronized Optional<PeerConnection> connectionTo(NodeId id) {
    PeerConnection c = active.get(id);
    return Optional.ofNullable(c != null ? c : reserved.get(id));
  }

  /**
   * Turns a reserved slot into a peer and tells the listeners; false when the connection
   * lost its slot meanwhile (to the remote's simultaneous dial).
   */
  boolean activate(PeerConnection connection) {
    synchronized (this) {
      if (reserved.get(connection.nodeId()) != connection) {
        return false;
      }
      reserved.remove(connection.nodeId());
      active.put(connection.nodeId(), connection);
    }
    for (PeerListener l : listeners) {
      try {
        l.onConnected(connection);
      } catch (RuntimeException e) {
        LOG.warn("peer listener failed on connect of {}", connection, e);
      }
    }
    return true;
  }

  /** Frees the connection's slot; if it was a peer, tells the listeners it left. */
  void release(PeerConnection connection, DisconnectReason reason, boolean byRemote) {
    boolean wasActive;
    synchronized (this) {
      reserved.remove(connection.nodeId(), connection);
      wasActive = active.remove(connection.nodeId(), connection);
    }
    if (wasActive) {
      tellDisconnected(connection, reason, byRemote);
    }
  }

  private void tellDisconnected(PeerConnection connection, DisconnectReason reason, boolean byRemote) {
    for (PeerListener l : listeners) {
      try {
        l.onDisconnected(connection, reason, byRemote);
      } catch (RuntimeException e) {
        LOG.warn("peer listener failed on disconnect of {}", connection, e);
      }
    }
  }

  /** All connections holding a slot, for shutdown. */
  synchronized List<PeerConnection> connections() {
    List<PeerConnection> all = new ArrayList<>(active.values());
    all.addAll(reserved.values());
    return all;
  }
}
