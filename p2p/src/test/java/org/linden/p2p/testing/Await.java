package org.linden.p2p.testing;

import java.util.function.BooleanSupplier;

/** Bounded polling for conditions that become true on other threads. */
public final class Await {
  private static final long LIMIT_MILLIS = 20_000;

  private Await() {}

  /** Polls {@code condition} until it holds; fails naming {@code what} if it never does. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, () -> "");
  }

  /** As {@link #until(String, BooleanSupplier)}, adding {@code detail} (read at failure) to the message. */
  public static void until(String what, BooleanSupplier condition, java.util.function.Supplier<String> detail) {
    long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for: " + what + "\n" + detail.get());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what);
      }
    }
  }
}
