package org.linden.node.metrics;

import java.util.function.BooleanSupplier;

/**
 * What {@code /health} and {@code /ready} answer. Alive means the process answers at all;
 * ready means the node serves requests and, once sync installs its status, is in sync.
 */
public final class Readiness {
  private final BooleanSupplier serving;
  private volatile BooleanSupplier synced = () -> true;

  public Readiness(BooleanSupplier serving) {
    this.serving = serving;
  }

  /** Makes readiness also wait for {@code source} to say the node is in sync. */
  public void syncedWhen(BooleanSupplier source) {
    synced = source;
  }

  public boolean ready() {
    return serving.getAsBoolean() && synced.getAsBoolean();
  }
}
