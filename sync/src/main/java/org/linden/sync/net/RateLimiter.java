package org.linden.sync.net;

import org.linden.sync.download.Clock;

/** A token bucket: {@code rate} tokens per second, holding at most {@code burst}. Thread-safe. */
final class RateLimiter {
  private final double rate;
  private final int burst;
  private final Clock clock;
  private double tokens;
  private long last;

  RateLimiter(double rate, int burst, Clock clock) {
    this.rate = rate;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.millis();
  }

  /** Takes one token if there is one. */
  synchronized boolean tryAcquire() {
    long now = clock.millis();
    tokens = Math.min(burst, tokens + (now - last) * rate / 1000.0);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
