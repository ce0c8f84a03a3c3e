package org.linden.rpc.eth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.rpc.RpcSession;
import org.linden.types.Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code eth_subscribe} subscriptions of WebSocket connections and the pushing of
 * their notifications, each a JSON-RPC message
 * {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":id,"result":…}}}.
 *
 * <p>A subscription belongs to the connection that made it: only that connection can
 * cancel it, and all of a connection's subscriptions go when it closes. Subscriptions are
 * capped per connection and in all. Notifications are built once per event and pushed
 * outside the lock, so a slow connection does not hold up subscribing on others.
 */
final class SubscriptionManager {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

  enum Kind { NEW_HEADS, LOGS, PENDING_TRANSACTIONS }

  private record Subscription(String id, Kind kind, LogFilter filter, boolean fullTransactions, RpcSession session) {}

  private final int maxPerConnection;
  private final int maxTotal;
  private final Map<String, Subscription> byId = new HashMap<>();
  // Identity: a session is one connection, whatever its equals says.
  private final Map<RpcSession, Set<String>> bySession = new IdentityHashMap<>();

  SubscriptionManager(int maxPerConnection, int maxTotal) {
    this.maxPerConnection = maxPerConnection;
    this.maxTotal = maxTotal;
  }

  String subscribe(RpcSession session, Kind kind, LogFilter filter, boolean fullTransactions) {
    String id;
    boolean firstOfSession;
    synchronized (this) {
      Set<String> mine = bySession.get(session);
      if (mine != null && mine.size() >= maxPerConnection) {
        throw new RpcException(RpcException.LIMIT_EXCEEDED, "too many subscriptions on this connection: the limit is "
            + maxPerConnection + " per connection");
      }
      if (byId.size() >= maxTotal) {
        throw new RpcException(RpcException.LIMIT_EXCEEDED, "too many subscriptions: the node's limit is " + maxTotal);
      }
      firstOfSession = mine == null;
      if (firstOfSession) {
        mine = new LinkedHashSet<>();
        bySession.put(session, mine);
      }
      do {
        id = RandomIds.next();
      } while (byId.containsKey(id));
      byId.put(id, new Subscription(id, kind, filter, fullTransactions, session));
      mine.add(id);
    }
    if (firstOfSession) {
      // Hooked once per connection, outside our lock: the server runs close hooks under
      // its own lock, which then takes ours.
      session.onClose(() -> closed(session));
    }
    return id;
  }

  /** Cancels {@code id} if {@code session} owns it. */
  synchronized boolean unsubscribe(RpcSession session, String id) {
    Subscription s = byId.get(id);
    if (s == null || s.session() != session) {
      return false;
    }
    byId.remove(id);
    bySession.get(session).remove(id);
    return true;
  }

  /** Drops every subscription of a closed connection. */
  synchronized void closed(RpcSession session) {
    Set<String> mine = bySession.remove(session);
    if (mine != null) {
      mine.forEach(byId::remove);
    }
  }

  synchronized boolean wants(Kind kind) {
    for (Subscription s : byId.values()) {
      if (s.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  /** Sends a new canonical head to every {@code newHeads} subscription. */
  void newHead(JsonNode header) {
    List<Subscription> targets = select(Kind.NEW_HEADS);
    if (!targets.isEmpty()) {
      String result = write(header);
      targets.forEach(s -> push(s, result));
    }
  }

  /** Sends each log (new or removed) to every {@code logs} subscription whose filter it matches. */
  void logs(List<LogEntry> logs) {
    List<Subscription> targets = select(Kind.LOGS);
    if (targets.isEmpty()) {
      return;
    }
    for (LogEntry e : logs) {
      String result = null;
      for (Subscription s : targets) {
        if (s.filter().acceptsBlock(e.blockNumber(), e.blockHash()) && s.filter().matches(e.log())) {
          if (result == null) {
            result = write(RpcJson.log(e));
          }
          push(s, result);
        }
      }
    }
  }

  /** Sends a new pending transaction: its hash, or the full object where asked and still available. */
  void pendingTransaction(Hash hash, Supplier<JsonNode> fullTransaction) {
    List<Subscription> targets = select(Kind.PENDING_TRANSACTIONS);
    String hashResult = null;
    String fullResult = null;
    for (Subscription s : targets) {
      if (s.fullTransactions()) {
        if (fullResult == null) {
          JsonNode tx = fullTransaction.get();
          if (tx == null) {
            continue;
          }
          fullResult = write(tx);
        }
        push(s, fullResult);
      } else {
        if (hashResult == null) {
          hashResult = "\"" + hash.toHex() + "\"";
        }
        push(s, hashResult);
      }
    }
  }

  private synchronized List<Subscription> select(Kind kind) {
    List<Subscription> out = new ArrayList<>();
    for (Subscription s : byId.values()) {
      if (s.kind() == kind) {
        out.add(s);
      }
    }
    return out;
  }

  private static void push(Subscription s, String resultJson) {
    // The id is our own hex string, so it needs no escaping.
    String message = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"" + s.id()
        + "\",\"result\":" + resultJson + "}}";
    try {
      s.session().push(message);
    } catch (RuntimeException e) {
      // The connection is going away; its close hook removes the subscription.
      LOG.debug("cannot notify subscription {}: {}", s.id(), e.toString());
    }
  }

  private static String write(JsonNode node) {
    try {
      return RpcDispatcher.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
