package org.linden.sync.net;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests we sent one peer and have no answer to yet, by the id used on the wire. A
 * response whose id is not here, or whose kind does not fit the request, was not asked for.
 * Entries are kept well past the downloaders' timeouts, so that a late answer is still
 * recognised, then forgotten. Thread-safe: requests go out on the event loop, answers are
 * matched on the I/O thread.
 */
final class PendingRequests {
  /** One request: who gets the answer, under which id, and which message code answers it. */
  record Pending(ResponseHandler handler, long localId, int responseCode, long sentAt) {}

  private final Map<Long, Pending> byWireId = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  long register(ResponseHandler handler, long localId, int responseCode, long now) {
    long id = nextId.getAndIncrement();
    byWireId.put(id, new Pending(handler, localId, responseCode, now));
    return id;
  }

  /** Removes and returns the request that a response with this id and code answers, or null. */
  Pending claim(long wireId, int responseCode) {
    Pending p = byWireId.get(wireId);
    if (p == null || p.responseCode() != responseCode) {
      return null;
    }
    return byWireId.remove(wireId, p) ? p : null;
  }

  void forget(long wireId) {
    byWireId.remove(wireId);
  }

  /** Forgets requests older than {@code maxAgeMillis}. */
  void expire(long now, long maxAgeMillis) {
    byWireId.values().removeIf(p -> now - p.sentAt() > maxAgeMillis);
  }

  int size() {
    return byWireId.size();
  }
}
