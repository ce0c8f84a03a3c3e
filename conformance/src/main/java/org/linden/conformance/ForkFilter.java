package org.linden.conformance;

import java.util.Optional;
import org.linden.types.Fork;

/** Which forks to run: all, or the one named with {@code --fork}. */
public record ForkFilter(String name) {
  public static final ForkFilter ALL = new ForkFilter(null);

  /** Parses a fork name from the command line; unknown names are an error. */
  public static ForkFilter of(String name) {
    if (name == null) {
      return ALL;
    }
    if (Fork.fromName(name).isEmpty()) {
      throw new IllegalArgumentException("unknown fork '" + name + "'");
    }
    return new ForkFilter(name);
  }

  /** True if a case keyed by the fixture fork name {@code fixtureFork} should run. */
  public boolean includes(String fixtureFork) {
    if (name == null) {
      return true;
    }
    Optional<Fork> mine = Fork.fromName(name);
    Optional<Fork> theirs = Fork.fromName(fixtureFork);
    return theirs.isPresent() ? theirs.equals(mine) : fixtureFork.equalsIgnoreCase(name);
  }
}
