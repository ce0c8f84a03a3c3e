package org.linden.node;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a started node running until the process is told to stop (SIGINT, SIGTERM), then
 * closes it from a shutdown hook and prints one line saying so.
 */
final class Serving {
  private Serving() {}

  /**
   * Prints {@code startupLine} and blocks until the JVM shuts down; the node is closed and
   * the shutdown line printed by then.
   */
  static int untilStopped(LindenNode node, String name, String startupLine) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long head = node.chain().head().number();
      boolean temporary = node.isTemporary();
      node.close();
      System.out.println("Linden " + name + " stopped at block " + head
          + (temporary ? "; temporary data directory removed" : ""));
      System.out.flush();
      stopped.countDown();
    }, "linden-shutdown"));
    // Only now that a signal closes the node properly does the outside world learn it is up.
    System.out.println(startupLine);
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
