package org.linden.p2p;

import java.time.Clock;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code ratePerSecond}; each
 * event takes one. Time comes from the clock passed in, so a test can freeze or move it.
 * Not thread-safe: each owner (a connection, the discovery loop) uses its own from one
 * thread.
 */
public final class TokenBucket {
  private final double ratePerMilli;
  private final double burst;
  private final Clock clock;
  private double tokens;
  private long lastMillis;

  public TokenBucket(double ratePerSecond, int burst, Clock clock) {
    if (ratePerSecond < 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be >= 0 and burst >= 1");
    }
    this.ratePerMilli = ratePerSecond / 1000.0;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastMillis = clock.millis();
  }

  /** Takes one token if there is one; false means the caller is over its rate. */
  public boolean tryTake() {
    long now = clock.millis();
    if (now > lastMillis) {
      tokens = Math.min(burst, tokens + (now - lastMillis) * ratePerMilli);
      lastMillis = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
