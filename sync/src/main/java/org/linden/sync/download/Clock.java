package org.linden.sync.download;

/** Milliseconds from an arbitrary origin; injected so that tests run on simulated time. */
@FunctionalInterface
public interface Clock {
  long millis();

  /** The system's monotonic clock. */
  static Clock system() {
    return () -> System.nanoTime() / 1_000_000;
  }
}
