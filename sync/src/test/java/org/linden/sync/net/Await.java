package org.linden.sync.net;

import java.util.function.BooleanSupplier;

/** Bounded polling for a condition that other threads bring about. */
final class Await {
  private static final long LIMIT_MILLIS = 60_000;

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what);
      }
    }
  }
}
