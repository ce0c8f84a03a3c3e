package org.linden.light;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;

/**
 * Several upstreams with failover: a query runs against the current server; if that server
 * is unreachable or its answer fails verification, it gets a strike and the next server
 * runs the whole query again. The caller sees the last failure only when every server failed.
 */
public final class UpstreamPool {
  private final List<Upstream> upstreams;
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicIntegerArray strikes;

  public UpstreamPool(List<Upstream> upstreams) {
    if (upstreams.isEmpty()) {
      throw new IllegalArgumentException("at least one upstream is needed");
    }
    this.upstreams = List.copyOf(upstreams);
    this.strikes = new AtomicIntegerArray(upstreams.size());
  }

  /** Strikes against upstream {@code index}: answers that failed verification or never came. */
  public int strikes(int index) {
    return strikes.get(index);
  }

  public List<Upstream> upstreams() {
    return upstreams;
  }

  /**
   * Runs {@code query}, moving to the next server on a verification failure or an
   * unreachable server. A JSON-RPC error from a reachable server (e.g. a rejected
   * transaction) is the server's answer and is passed on unchanged.
   */
  public <T> T query(Function<Upstream, T> query) {
    RuntimeException last = null;
    int start = current.get();
    for (int i = 0; i < upstreams.size(); i++) {
      int index = (start + i) % upstreams.size();
      try {
        T result = query.apply(upstreams.get(index));
        current.set(index);
        return result;
      } catch (VerificationException e) {
        last = new VerificationException(upstreams.get(index).name() + ": " + e.getMessage(), e);
      } catch (UpstreamException e) {
        if (e.code() != 0) {
          throw e;
        }
        last = e;
      }
      strikes.incrementAndGet(index);
    }
    throw last;
  }
}
