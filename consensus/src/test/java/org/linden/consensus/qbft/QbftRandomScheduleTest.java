package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random schedules for 1, 4 and 7 validators: message loss, duplication and reordering,
 * a partition that heals, and up to f faulty validators that either crash for good or
 * restart mid-round with their round state lost. Safety (one block per height, every
 * header verifying by seals) is checked on every commit; liveness is checked once the
 * partition has healed and loss has stopped. A failure names its seed, which replays the schedule exactly.
 */
class QbftRandomScheduleTest {
  private static final QbftConfig CONFIG = new QbftConfig(500, 100, 8, 10, 30, 1_000);
  /** Every crash, restart and partition happens before this simulated time. */
  private static final long FAULTS_END = 45_000;

  /**
   * Schedules per validator count (1,000 each, about 20 minutes on two cores);
   * {@code -Dlinden.qbftSchedules=N} runs more or fewer, e.g. 50 while iterating.
   */
  private static final int SCHEDULES = Integer.getInteger("linden.qbftSchedules", 1_000);

  static Stream<Arguments> schedules() {
    List<Arguments> out = new ArrayList<>();
    for (int n : new int[] {1, 4, 7}) {
      for (long seed = 0; seed < SCHEDULES; seed++) {
        out.add(Arguments.of(n, n * 1_000_000L + seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("schedules")
  void randomSchedule(int n, long seed) {
    SimNetwork net = new SimNetwork(n, seed, CONFIG);
    Random r = new Random(seed * 31 + 7);
    net.loss = r.nextDouble() * 0.15;
    net.duplication = r.nextDouble() * 0.3;
    net.maxDelay = 10 + r.nextInt(600);
    net.syncInterval = 2_000;
    int f = (n - 1) / 3;
    int faulty = f == 0 ? 0 : r.nextInt(f + 1);
    List<Integer> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(i);
    }
    java.util.Collections.shuffle(nodes, r);
    for (int k = 0; k < faulty; k++) {
      int node = nodes.get(k);
      long down = r.nextInt(20_000);
      net.at(down, () -> net.crashed[node] = true);
      if (r.nextBoolean()) {
        long up = down + 1 + r.nextInt(20_000);
        net.at(up, () -> net.restart(node));
      }
    }
    long healAt = 0;
    if (n > 1 && r.nextBoolean()) {
      long from = r.nextInt(10_000);
      healAt = from + r.nextInt(30_000);
      List<Integer> side = nodes.subList(0, 1 + r.nextInt(n - 1));
      net.at(from, () -> side.forEach(i -> net.group[i] = 1));
      net.at(healAt, net::heal);
    }
    // Links are lossy only while faults happen: QBFT runs over reliable connections and
    // does not retransmit, so with permanent loss and every live validator needed for a
    // quorum a round succeeds only by luck.
    net.at(FAULTS_END, () -> net.loss = 0);
    net.start();
    long target = 4;
    boolean done = net.runUntil(() -> net.now > FAULTS_END && net.minLiveHeight() >= target, FAULTS_END + 3_600_000);
    assertTrue(done, "no progress after faults ended: " + net.describe());
  }
}
