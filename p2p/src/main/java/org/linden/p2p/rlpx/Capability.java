package org.linden.p2p.rlpx;

import java.util.Comparator;

/**
 * A sub-protocol a node advertises in Hello, e.g. eth/68.
 *
 * @param name short ASCII name
 * @param version protocol version
 */
public record Capability(String name, int version) implements Comparable<Capability> {
  private static final Comparator<Capability> ORDER =
      Comparator.comparing(Capability::name).thenComparingInt(Capability::version);

  public Capability {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a capability needs a name");
    }
    if (version < 0) {
      throw new IllegalArgumentException("negative capability version");
    }
  }

  @Override
  public int compareTo(Capability o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return name + "/" + version;
  }
}
