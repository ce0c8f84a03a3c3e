package org.linden.p2p.discovery;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.linden.p2p.identity.NodeId;

/**
 * The Kademlia table of discovery v4: one bucket of at most {@link #K} nodes per log
 * distance 1..256 from the local node id, each ordered from least to most recently seen.
 *
 * <p>A full bucket does not evict on its own: it keeps the newcomer as a replacement
 * candidate and names its least recently seen node, which the caller should ping. If that
 * node does not answer the caller {@link #remove}s it and the freshest replacement takes
 * its place. Preferring old, still-live nodes is what makes Kademlia hard to flood with
 * fresh fake identities.
 *
 * <p>A bucket holds at most {@link #BUCKET_SUBNET_LIMIT} nodes and the table at most
 * {@link #TABLE_SUBNET_LIMIT} from one IPv4 /24 or IPv6 /64 network, so that one
 * operator with a block of addresses cannot fill the table (an eclipse attack). Loopback,
 * private and link-local addresses are exempt so nodes on one host or LAN can all meet.
 *
 * <p>Not thread-safe: it belongs to the single discovery event loop.
 */
public final class RoutingTable {
  /** Bucket size. */
  public static final int K = 16;
  /** How many replacement candidates a bucket keeps. */
  public static final int MAX_REPLACEMENTS = 10;
  /** Most nodes of one public subnet in a bucket. */
  public static final int BUCKET_SUBNET_LIMIT = 2;
  /** Most nodes of one public subnet in the whole table. */
  public static final int TABLE_SUBNET_LIMIT = 10;

  private final NodeId self;
  private final Bucket[] buckets = new Bucket[NodeId.BITS];

  /** The outcome of {@link #add}. */
  public enum Status {
    /** The node was not in the table and went into its bucket. */
    ADDED,
    /** The node was already there; it is now the most recently seen of its bucket. */
    UPDATED,
    /** The bucket is full; the node became a replacement candidate. */
    BUCKET_FULL,
    /** The node is the local node, which the table never holds. */
    SELF,
    /** Too many nodes of the node's subnet are already in its bucket or the table. */
    SUBNET_LIMIT
  }

  /**
   * What {@link #add} did, and for {@link Status#BUCKET_FULL} the least recently seen
   * node of the bucket, which should be revalidated with a ping.
   */
  public record AddResult(Status status, Optional<Node> revalidate) {}

  public RoutingTable(NodeId self) {
    this.self = self;
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new Bucket();
    }
  }

  public NodeId self() {
    return self;
  }

  /** Adds a node just seen, or refreshes it (and its endpoint) if it is already present. */
  public AddResult add(Node node) {
    int distance = NodeId.logDistance(self, node.id());
    if (distance == 0) {
      return new AddResult(Status.SELF, Optional.empty());
    }
    Bucket b = buckets[distance - 1];
    if (b.entries.remove(node.id()) != null) {
      b.entries.put(node.id(), node);
      return new AddResult(Status.UPDATED, Optional.empty());
    }
    if (overSubnetLimit(b, node)) {
      return new AddResult(Status.SUBNET_LIMIT, Optional.empty());
    }
    if (b.entries.size() < K) {
      b.replacements.removeIf(r -> r.id().equals(node.id()));
      b.entries.put(node.id(), node);
      return new AddResult(Status.ADDED, Optional.empty());
    }
    b.replacements.removeIf(r -> r.id().equals(node.id()));
    b.replacements.addLast(node);
    if (b.replacements.size() > MAX_REPLACEMENTS) {
      b.replacements.removeFirst();
    }
    return new AddResult(Status.BUCKET_FULL, Optional.of(b.entries.values().iterator().next()));
  }

  /**
   * Removes a node (it failed revalidation or misbehaved). The most recently seen
   * replacement of its bucket, if any, takes its place and is returned.
   */
  public Optional<Node> remove(NodeId id) {
    int distance = NodeId.logDistance(self, id);
    if (distance == 0) {
      return Optional.empty();
    }
    Bucket b = buckets[distance - 1];
    b.replacements.removeIf(r -> r.id().equals(id));
    if (b.entries.remove(id) == null || b.replacements.isEmpty()) {
      return Optional.empty();
    }
    Node promoted = b.replacements.removeLast();
    b.entries.put(promoted.id(), promoted);
    return Optional.of(promoted);
  }

  public boolean contains(NodeId id) {
    int distance = NodeId.logDistance(self, id);
    return distance != 0 && buckets[distance - 1].entries.containsKey(id);
  }

  public Optional<Node> get(NodeId id) {
    int distance = NodeId.logDistance(self, id);
    return distance == 0 ? Optional.empty() : Optional.ofNullable(buckets[distance - 1].entries.get(id));
  }

  /** Up to {@code n} nodes of the table, closest to {@code target} first. */
  public List<Node> closest(NodeId target, int n) {
    Comparator<Node> byDistance = (a, b) -> target.compareDistance(a.id(), b.id());
    List<Node> all = new ArrayList<>();
    for (Bucket b : buckets) {
      all.addAll(b.entries.values());
    }
    all.sort(byDistance);
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  /** The nodes at log distance {@code distance} (1..256), least recently seen first. */
  public List<Node> bucket(int distance) {
    return List.copyOf(bucketAt(distance).entries.values());
  }

  /** The replacement candidates at log distance {@code distance}, oldest first. */
  public List<Node> replacements(int distance) {
    return List.copyOf(bucketAt(distance).replacements);
  }

  /** The number of nodes in the table, replacements not counted. */
  public int size() {
    int size = 0;
    for (Bucket b : buckets) {
      size += b.entries.size();
    }
    return size;
  }

  /** The least recently seen node of each non-empty bucket: the next ones to revalidate. */
  public List<Node> leastRecentlySeen() {
    List<Node> out = new ArrayList<>();
    for (Bucket b : buckets) {
      Iterator<Node> it = b.entries.values().iterator();
      if (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  private boolean overSubnetLimit(Bucket bucket, Node node) {
    InetAddress ip = node.endpoint().ip();
    if (ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isAnyLocalAddress()) {
      return false;
    }
    int inBucket = 0;
    int inTable = 0;
    for (Bucket b : buckets) {
      for (Node n : b.entries.values()) {
        if (sameSubnet(ip, n.endpoint().ip())) {
          inTable++;
          if (b == bucket) {
            inBucket++;
          }
        }
      }
    }
    return inBucket >= BUCKET_SUBNET_LIMIT || inTable >= TABLE_SUBNET_LIMIT;
  }

  /** Same IPv4 /24 or IPv6 /64. */
  private static boolean sameSubnet(InetAddress a, InetAddress b) {
    byte[] x = a.getAddress();
    byte[] y = b.getAddress();
    if (x.length != y.length) {
      return false;
    }
    int prefix = x.length == 4 ? 3 : 8;
    return Arrays.equals(x, 0, prefix, y, 0, prefix);
  }

  private Bucket bucketAt(int distance) {
    if (distance < 1 || distance > NodeId.BITS) {
      throw new IllegalArgumentException("log distance must be 1..256, got " + distance);
    }
    return buckets[distance - 1];
  }

  /** Insertion order of the map is "seen" order: re-inserting moves a node to the tail. */
  private static final class Bucket {
    final LinkedHashMap<NodeId, Node> entries = new LinkedHashMap<>();
    final ArrayDeque<Node> replacements = new ArrayDeque<>();
  }
}
