package org.linden.p2p.rlpx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * devp2p capability negotiation: for each name both sides offer, the highest version
 * both support; the matches, in alphabetical order of name, get consecutive message-id
 * ranges from 0x10. Each side computes this independently from the two Hellos, so the
 * order and the counts must be exactly the same on both ends.
 */
public final class Capabilities {
  private Capabilities() {}

  /**
   * Matches our capabilities (each with the number of message ids its version uses)
   * against the remote's Hello list.
   */
  public static List<SharedCapability> negotiate(Map<Capability, Integer> localMessageCounts, List<Capability> remote) {
    // name -> best common capability, sorted by name.
    TreeMap<String, Capability> best = new TreeMap<>();
    for (Capability theirs : remote) {
      if (!localMessageCounts.containsKey(theirs)) {
        continue;
      }
      best.merge(theirs.name(), theirs, (a, b) -> a.version() >= b.version() ? a : b);
    }
    List<SharedCapability> shared = new ArrayList<>();
    int offset = P2pMessage.BASE_PROTOCOL_LENGTH;
    for (Capability c : best.values()) {
      int count = localMessageCounts.get(c);
      shared.add(new SharedCapability(c, offset, count));
      offset += count;
    }
    return List.copyOf(shared);
  }

  /** The shared capability that owns wire message id {@code id}, if any. */
  public static Optional<SharedCapability> owner(List<SharedCapability> shared, int id) {
    return shared.stream().filter(s -> s.owns(id)).findFirst();
  }
}
