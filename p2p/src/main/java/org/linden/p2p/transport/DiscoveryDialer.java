package org.linden.p2p.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.linden.p2p.discovery.DiscoveryListener;
import org.linden.p2p.discovery.DiscoveryService;
import org.linden.p2p.discovery.Node;
import org.linden.p2p.identity.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills outbound slots from discovery. Each node that enters the discovery table and
 * listens on TCP is dialled at once while the peer manager wants more outbound peers.
 * While it still wants more, the dialler also seeks on a timer: it dials table nodes it
 * is not connected to (each at most once per {@link #DIAL_HISTORY}) and runs a lookup
 * for a random target. The lookup matters most right after start: nodes that bootstrap
 * from the same bootnode at the same moment miss each other in their first lookup, and
 * the table's own refresh comes only every half hour. A round that meets no new node
 * doubles the wait before the next, up to {@code maxInterval}, so a small network that
 * can never fill the slots is not flooded with lookups.
 *
 * <pre>{@code
 * DiscoveryDialer dialer = DiscoveryDialer.start(server, discovery, Duration.ofSeconds(5), Duration.ofMinutes(1));
 * }</pre>
 */
public final class DiscoveryDialer implements DiscoveryListener, AutoCloseable {
  /** How long a node is not dialled again after an attempt. */
  static final Duration DIAL_HISTORY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryDialer.class);

  private final P2pServer server;
  private final DiscoveryService discovery;
  private final long minIntervalMillis;
  private final long maxIntervalMillis;
  private final ScheduledExecutorService timer;
  /** When each node was last dialled, in nanoTime; touched only under this object's lock. */
  private final Map<NodeId, Long> dialledAt = new HashMap<>();
  private long intervalMillis;
  private int tableSizeAtLastRound = -1;

  private DiscoveryDialer(P2pServer server, DiscoveryService discovery, Duration minInterval, Duration maxInterval) {
    if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
      throw new IllegalArgumentException("need 0 < minInterval <= maxInterval");
    }
    this.server = server;
    this.discovery = discovery;
    this.minIntervalMillis = minInterval.toMillis();
    this.maxIntervalMillis = maxInterval.toMillis();
    this.intervalMillis = minIntervalMillis;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "p2p-seek");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Listens to {@code discovery} and starts seeking; the first round runs after
   * {@code minInterval}, when the bootstrap lookup has had its chance.
   */
  public static DiscoveryDialer start(P2pServer server, DiscoveryService discovery, Duration minInterval,
      Duration maxInterval) {
    DiscoveryDialer dialer = new DiscoveryDialer(server, discovery, minInterval, maxInterval);
    discovery.addListener(dialer);
    dialer.scheduleNext();
    return dialer;
  }

  @Override
  public void onNodeFound(Node node) {
    if (server.peers().wantsOutbound()) {
      dial(node);
    }
  }

  /** One seeking round; runs on the timer thread. */
  private void seek() {
    try {
      if (!server.peers().wantsOutbound()) {
        intervalMillis = minIntervalMillis;
        tableSizeAtLastRound = -1;
        return;
      }
      List<Node> known = discovery.nodes();
      for (Node node : known) {
        if (!server.peers().wantsOutbound()) {
          break;
        }
        dial(node);
      }
      int size = known.size();
      intervalMillis = size > tableSizeAtLastRound ? minIntervalMillis : Math.min(maxIntervalMillis, intervalMillis * 2);
      tableSizeAtLastRound = size;
      discovery.lookupRandom().whenComplete((nodes, error) -> {
        if (error != null) {
          LOG.debug("seeking lookup failed: {}", error.toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("seeking peers failed", e);
    } finally {
      scheduleNext();
    }
  }

  private void scheduleNext() {
    try {
      timer.schedule(this::seek, intervalMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void dial(Node node) {
    if (node.endpoint().tcpPort() == 0 || server.peers().peer(node.id()).isPresent() || !firstDialInAWhile(node.id())) {
      return;
    }
    server.connect(node.toEnode()).whenComplete((peer, error) -> {
      if (error != null) {
        LOG.debug("dialling discovered {} failed: {}", node.endpoint(), error.getMessage());
      }
    });
  }

  private synchronized boolean firstDialInAWhile(NodeId id) {
    long now = System.nanoTime();
    long history = DIAL_HISTORY.toNanos();
    dialledAt.values().removeIf(at -> now - at > history);
    if (dialledAt.containsKey(id)) {
      return false;
    }
    dialledAt.put(id, now);
    return true;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
