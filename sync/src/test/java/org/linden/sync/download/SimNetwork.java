package org.linden.sync.download;

import java.util.PriorityQueue;

/** Simulated time and a queue of events; nothing here reads a real clock. */
final class SimNetwork implements Clock {
  private record Event(long at, long seq, Runnable action) {}

  private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) ->
      a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  @Override
  public long millis() {
    return now;
  }

  void schedule(long delay, Runnable action) {
    events.add(new Event(now + delay, seq++, action));
  }

  /** Runs the next event, or jumps {@code idle} ms ahead when there is none. */
  void step(long idle) {
    Event e = events.poll();
    if (e == null) {
      now += idle;
      return;
    }
    now = Math.max(now, e.at);
    e.action.run();
  }
}
