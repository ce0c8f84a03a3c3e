package org.linden.rpc.eth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linden.rpc.RpcException;
import org.linden.types.Hash;

/**
 * The filters installed with {@code eth_newFilter}, {@code eth_newBlockFilter} and
 * {@code eth_newPendingTransactionFilter}. Each collects the changes since its last
 * poll: new block hashes, pending transaction hashes, or matching logs (including logs
 * removed by a reorg).
 *
 * <p>Polling clients come and go without saying so, hence three bounds: a filter not
 * polled within the timeout is uninstalled (checked lazily on every operation and
 * event, so no timer thread is needed); the number of filters is capped; and a filter
 * whose backlog grows past its cap is dropped, and its next poll says so, rather than
 * silently losing changes.
 */
final class FilterManager {
  enum Kind { LOGS, BLOCKS, PENDING_TRANSACTIONS }

  /** What {@link #changes} returns: block or transaction hashes, or log entries. */
  record Changes(Kind kind, List<Hash> hashes, List<LogEntry> logs) {}

  private static final class Installed {
    final Kind kind;
    final LogFilter filter;
    Instant lastPoll;
    List<Object> backlog = new ArrayList<>();
    boolean overflowed;

    Installed(Kind kind, LogFilter filter, Instant now) {
      this.kind = kind;
      this.filter = filter;
      this.lastPoll = now;
    }
  }

  private final InstantSource clock;
  private final Duration timeout;
  private final int maxFilters;
  private final int maxBacklog;
  private final Map<String, Installed> filters = new HashMap<>();

  FilterManager(InstantSource clock, Duration timeout, int maxFilters, int maxBacklog) {
    this.clock = clock;
    this.timeout = timeout;
    this.maxFilters = maxFilters;
    this.maxBacklog = maxBacklog;
  }

  synchronized String install(Kind kind, LogFilter filter) {
    Instant now = clock.instant();
    expire(now);
    if (filters.size() >= maxFilters) {
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "too many filters installed: the limit is " + maxFilters
          + "; uninstall unused filters or let them expire");
    }
    String id;
    do {
      id = RandomIds.next();
    } while (filters.containsKey(id));
    filters.put(id, new Installed(kind, filter, now));
    return id;
  }

  synchronized boolean uninstall(String id) {
    expire(clock.instant());
    return filters.remove(id) != null;
  }

  /** The changes since the last poll, which they are taken from; restarts the filter's timeout. */
  synchronized Changes changes(String id) {
    Instant now = clock.instant();
    expire(now);
    Installed f = require(id);
    if (f.overflowed) {
      filters.remove(id);
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "filter " + id + " fell more than " + maxBacklog
          + " changes behind (the filter backlog limit) and was uninstalled; install a new filter and poll it sooner");
    }
    f.lastPoll = now;
    List<Object> taken = f.backlog;
    f.backlog = new ArrayList<>();
    List<Hash> hashes = new ArrayList<>();
    List<LogEntry> logs = new ArrayList<>();
    for (Object o : taken) {
      if (o instanceof LogEntry e) {
        logs.add(e);
      } else {
        hashes.add((Hash) o);
      }
    }
    return new Changes(f.kind, hashes, logs);
  }

  /**
   * The criteria of log filter {@code id}, for {@code eth_getFilterLogs}. Restarts the
   * timeout too: a client that only ever re-reads a filter's logs is still using it.
   */
  synchronized LogFilter logFilter(String id) {
    Instant now = clock.instant();
    expire(now);
    Installed f = require(id);
    if (f.kind != Kind.LOGS) {
      throw RpcException.server("filter not found: " + id + " is not a log filter");
    }
    f.lastPoll = now;
    return f.filter;
  }

  synchronized boolean hasLogFilters() {
    return filters.values().stream().anyMatch(f -> f.kind == Kind.LOGS);
  }

  synchronized boolean isEmpty() {
    return filters.isEmpty();
  }

  /** A block joined the canonical chain; {@code logs} are all of its logs. */
  synchronized void blockAdded(Hash blockHash, List<LogEntry> logs) {
    expire(clock.instant());
    for (Installed f : filters.values()) {
      if (f.kind == Kind.BLOCKS) {
        add(f, blockHash);
      } else if (f.kind == Kind.LOGS) {
        addLogs(f, logs);
      }
    }
  }

  /** Logs of a block that a reorg took off the canonical chain, flagged as removed. */
  synchronized void logsRemoved(List<LogEntry> logs) {
    expire(clock.instant());
    for (Installed f : filters.values()) {
      if (f.kind == Kind.LOGS) {
        addLogs(f, logs);
      }
    }
  }

  synchronized void pendingTransaction(Hash hash) {
    expire(clock.instant());
    for (Installed f : filters.values()) {
      if (f.kind == Kind.PENDING_TRANSACTIONS) {
        add(f, hash);
      }
    }
  }

  private void addLogs(Installed f, List<LogEntry> logs) {
    for (LogEntry e : logs) {
      if (f.filter.acceptsBlock(e.blockNumber(), e.blockHash()) && f.filter.matches(e.log())) {
        add(f, e);
      }
    }
  }

  private void add(Installed f, Object change) {
    if (f.overflowed) {
      return;
    }
    if (f.backlog.size() >= maxBacklog) {
      // Drop the backlog now to free memory; the next poll reports the loss.
      f.overflowed = true;
      f.backlog = new ArrayList<>();
      return;
    }
    f.backlog.add(change);
  }

  private Installed require(String id) {
    Installed f = filters.get(id);
    if (f == null) {
      throw RpcException.server("filter not found");
    }
    return f;
  }

  private void expire(Instant now) {
    Instant cutoff = now.minus(timeout);
    filters.values().removeIf(f -> f.lastPoll.isBefore(cutoff));
  }
}
