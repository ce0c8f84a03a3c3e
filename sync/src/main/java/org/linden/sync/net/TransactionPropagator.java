package org.linden.sync.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionType;
import org.linden.sync.download.Clock;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.GetPooledTransactions;
import org.linden.sync.eth.NewPooledTransactionHashes;
import org.linden.sync.eth.PooledTransactions;
import org.linden.sync.eth.Transactions;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Spreads pool transactions: each new pending transaction goes in full to the square root
 * of the peers and by hash (with type and size) to the rest, never to a peer known to have
 * it; announced hashes we lack are fetched from the announcer, and what peers send goes to
 * the pool. A transaction is marked known to its sender before it enters the pool, so the
 * pool's announcement of it never goes back to the sender. Runs on the protocol's event loop;
 * adding to the pool (signature recovery) runs on the worker executor.
 */
final class TransactionPropagator {
  /** Hashes per announcement and per request; go-ethereum asks for at most 256 at once. */
  private static final int BATCH = 256;
  /** A requested hash not delivered in this long may be asked of another announcer. */
  private static final long FETCH_TIMEOUT_MILLIS = 10_000;
  /** Blob transactions are too large to push; they are only announced. */
  private static final int MAX_PUSHED_SIZE = 128 * 1024;

  private final PoolAccess pool;
  private final Supplier<Collection<EthSession>> sessions;
  private final Executor workers;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Transaction> fresh = new ConcurrentLinkedQueue<>();
  /** Hashes being fetched, with when they were asked for. */
  private final Map<Hash, Long> fetching = new HashMap<>();
  private final Map<Long, List<Hash>> requested = new HashMap<>();
  private final ResponseHandler answers = this::onResponse;
  private long nextRequestId = 1;

  TransactionPropagator(PoolAccess pool, Supplier<Collection<EthSession>> sessions, Executor workers, Clock clock) {
    this.pool = pool;
    this.sessions = sessions;
    this.workers = workers;
    this.clock = clock;
  }

  /** From any thread: the pool has a new pending transaction. */
  void onPending(Transaction tx) {
    fresh.add(tx);
  }

  /** Sends what became pending since the last call; called on every tick. */
  void flush() {
    List<Transaction> txs = new ArrayList<>();
    for (Transaction tx; (tx = fresh.poll()) != null; ) {
      txs.add(tx);
    }
    expireFetches();
    if (txs.isEmpty()) {
      return;
    }
    List<EthSession> peers = new ArrayList<>(sessions.get().stream().filter(EthSession::isReady).toList());
    Collections.shuffle(peers);
    int full = (int) Math.ceil(Math.sqrt(peers.size()));
    for (int i = 0; i < peers.size(); i++) {
      send(peers.get(i), txs, i < full);
    }
  }

  private void send(EthSession peer, List<Transaction> txs, boolean full) {
    List<Transaction> pushed = new ArrayList<>();
    List<Hash> hashes = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    java.io.ByteArrayOutputStream types = new java.io.ByteArrayOutputStream();
    for (Transaction tx : txs) {
      Hash hash = tx.hash();
      if (peer.knownTransactions.contains(hash)) {
        continue;
      }
      peer.knownTransactions.add(hash);
      int size = pool.networkForm(hash).map(Bytes::size).orElse(tx.encoded().size());
      if (full && tx.type() != TransactionType.BLOB && size <= MAX_PUSHED_SIZE) {
        pushed.add(tx);
        if (pushed.size() == BATCH) {
          peer.send(new Transactions(pushed));
          pushed.clear();
        }
      } else {
        hashes.add(hash);
        sizes.add((long) size);
        types.write(tx.type().code());
        if (hashes.size() == BATCH) {
          peer.send(new NewPooledTransactionHashes(Bytes.wrap(types.toByteArray()), sizes, hashes));
          hashes.clear();
          sizes.clear();
          types.reset();
        }
      }
    }
    if (!pushed.isEmpty()) {
      peer.send(new Transactions(pushed));
    }
    if (!hashes.isEmpty()) {
      peer.send(new NewPooledTransactionHashes(Bytes.wrap(types.toByteArray()), sizes, hashes));
    }
  }

  void onAnnounced(EthSession from, NewPooledTransactionHashes message) {
    List<Hash> wanted = new ArrayList<>();
    long now = clock.millis();
    for (Hash h : message.hashes()) {
      from.knownTransactions.add(h);
      if (!fetching.containsKey(h) && !pool.contains(h)) {
        fetching.put(h, now);
        wanted.add(h);
      }
    }
    for (int i = 0; i < wanted.size(); i += BATCH) {
      List<Hash> batch = List.copyOf(wanted.subList(i, Math.min(wanted.size(), i + BATCH)));
      long id = nextRequestId++;
      requested.put(id, batch);
      from.requester(answers).send(new GetPooledTransactions(id, batch));
    }
  }

  private void onResponse(EthSession from, EthMessage message) {
    if (!(message instanceof PooledTransactions p)) {
      return;
    }
    List<Hash> asked = requested.remove(p.requestId());
    if (asked != null) {
      asked.forEach(fetching::remove);
    }
    List<Bytes> txs = p.transactions();
    workers.execute(() -> txs.forEach(pool::add));
  }

  /** Full transactions a peer pushed; added on a worker, each marked known to the sender first. */
  void onTransactions(EthSession from, Transactions message) {
    workers.execute(() -> {
      for (Transaction tx : message.transactions()) {
        from.knownTransactions.add(tx.hash());
        pool.add(tx.encoded());
      }
    });
  }

  private void expireFetches() {
    long now = clock.millis();
    fetching.values().removeIf(at -> now - at > FETCH_TIMEOUT_MILLIS);
    if (requested.size() > 1024) {
      requested.clear(); // answers that never came; their hashes have expired above
    }
  }
}
