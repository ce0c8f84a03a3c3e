package org.linden.sync.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.transport.Peer;
import org.linden.p2p.transport.Protocol;
import org.linden.p2p.transport.ProtocolHandler;
import org.linden.p2p.transport.ProtocolViolationException;
import org.linden.sync.download.Clock;
import org.linden.sync.download.HeaderValidator;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.BlockRangeUpdate;
import org.linden.sync.eth.EthCodec;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.GetBlockHeaders;
import org.linden.sync.eth.MalformedMessageException;
import org.linden.sync.eth.NewBlock;
import org.linden.sync.eth.NewBlockHashes;
import org.linden.sync.eth.NewPooledTransactionHashes;
import org.linden.sync.eth.Status;
import org.linden.sync.eth.Transactions;
import org.linden.sync.serve.EthRequestServer;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code eth} protocol on RLPx peers: the Status handshake, serving the peers' requests,
 * chain sync ({@link SyncManager}), and block and transaction propagation.
 *
 * <pre>{@code
 * EthProtocol eth = new EthProtocol(EthConfig.defaults(networkId), new BlockchainView(blockchain),
 *     PoolAccess.of(txPool), BlockImporter.of(blockchain), HeaderValidator.none());
 * P2pServer p2p = new P2pServer(nodeKey, p2pConfig, eth.protocols());
 * eth.start();
 * p2p.start();
 * ...
 * eth.syncStatus();          // for eth_syncing and metrics
 * p2p.close();
 * eth.close();
 * }</pre>
 *
 * <p>Threads: the transport calls this handler on each peer's I/O thread, where messages are
 * only decoded and checked (a malformed, unrequested or out-of-turn message throws
 * {@link ProtocolViolationException}, and the transport disconnects and bans the peer).
 * Requests are answered on a small worker pool, capped per peer in rate and concurrency;
 * everything else runs on one event loop thread, and blocks are imported on their own thread.
 */
public final class EthProtocol implements ProtocolHandler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EthProtocol.class);
  /** Message codes of eth/68 (0x00..0x10) and eth/69, which adds BlockRangeUpdate (0x11). */
  private static final int ETH68_MESSAGES = 17;
  private static final int ETH69_MESSAGES = 18;
  /** How long a peer whose data was wrong is refused. */
  private static final long BAN_MILLIS = 15 * 60_000;

  private final EthConfig config;
  private final LocalChain chain;
  private final PoolAccess pool;
  private final Clock clock;
  private final EthRequestServer server;
  private final StatusCheck statusCheck;
  private final ScheduledExecutorService loop;
  private final ExecutorService workers;
  private final ExecutorService importThread;
  private final Map<Peer, EthSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Long> banned = new ConcurrentHashMap<>();
  private final SyncManager sync;
  private final BlockPropagator blocks;
  private final TransactionPropagator transactions;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private volatile BlockHeader head;
  private volatile UInt256 headTd;
  private ScheduledFuture<?> ticker;

  /**
   * @param config network id, versions, limits
   * @param chain the local chain, read for Status and serving
   * @param pool the transaction pool
   * @param importer where downloaded and announced blocks are imported
   * @param validator header rules checked while downloading headers (beyond hash linkage);
   *     {@link HeaderValidator#none()} leaves them to import
   */
  public EthProtocol(EthConfig config, LocalChain chain, PoolAccess pool, BlockImporter importer,
      HeaderValidator validator) {
    this(config, chain, pool, importer, validator, Clock.system());
  }

  /** As above, with the clock the downloaders, timeouts and rate caps read. */
  public EthProtocol(EthConfig config, LocalChain chain, PoolAccess pool, BlockImporter importer,
      HeaderValidator validator, Clock clock) {
    this.config = config;
    this.chain = chain;
    this.pool = pool;
    this.clock = clock;
    this.server = new EthRequestServer(chain, pool, config.serveLimits());
    this.statusCheck = new StatusCheck(config.networkId(), chain);
    this.loop = Executors.newSingleThreadScheduledExecutor(named("eth-loop"));
    this.workers = Executors.newFixedThreadPool(2, named("eth-serve"));
    this.importThread = Executors.newSingleThreadExecutor(named("eth-import"));
    this.head = chain.head();
    this.headTd = chain.totalDifficulty(head.hash()).orElse(UInt256.ZERO);
    this.sync = new SyncManager(config, clock, () -> head, this::sessions, importer, importThread, loop, validator,
        this::misbehaved);
    this.blocks = new BlockPropagator(chain, sync, this::sessions);
    this.transactions = new TransactionPropagator(pool, this::sessions, workers, clock);
  }

  /** One {@link Protocol} per offered version, all handled here; pass them to the {@code P2pServer}. */
  public List<Protocol> protocols() {
    return config.versions().stream()
        .map(v -> Protocol.of(EthSession.PROTOCOL, v.number(),
            v.isAtLeast(EthVersion.ETH69) ? ETH69_MESSAGES : ETH68_MESSAGES, this))
        .toList();
  }

  /** Starts listening to the chain and the pool and ticking the sync; call before the server starts. */
  public synchronized void start() {
    if (ticker != null) {
      throw new IllegalStateException("already started");
    }
    subscriptions.add(chain.onNewHead(this::onLocalHead));
    subscriptions.add(pool.onPending(transactions::onPending));
    ticker = loop.scheduleWithFixedDelay(this::tick, config.tickMillis(), config.tickMillis(), TimeUnit.MILLISECONDS);
  }

  /** Where sync stands; safe from any thread. */
  public SyncStatus syncStatus() {
    return sync.status();
  }

  /** The block the running sync round aims at, or -1; asked on the protocol's loop, for tests. */
  long syncTarget() {
    return java.util.concurrent.CompletableFuture.supplyAsync(sync::targetNumber, loop).join();
  }

  /** Peers whose Status was accepted. */
  public int peerCount() {
    return (int) sessions.values().stream().filter(EthSession::isReady).count();
  }

  private Collection<EthSession> sessions() {
    return sessions.values();
  }

  // ---------------------------------------------------------------- transport callbacks (I/O threads)

  @Override
  public void onConnect(Peer peer, Capability negotiated) {
    EthVersion version = EthVersion.of(negotiated.version()).orElseThrow(() -> new ProtocolViolationException(
        DisconnectReason.INCOMPATIBLE_VERSION, "eth/" + negotiated.version() + " is not spoken here"));
    Long until = banned.get(peer.nodeId().toString());
    if (until != null && clock.millis() < until) {
      throw new ProtocolViolationException(DisconnectReason.USELESS_PEER, "sent bad data recently");
    }
    EthSession s = new EthSession(peer, version, config, clock);
    sessions.put(peer, s);
    s.send(statusCheck.ours(version, head, headTd));
    try {
      loop.schedule(() -> checkStatusArrived(s), config.statusTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  @Override
  public void onMessage(Peer peer, int code, org.linden.types.Bytes payload) {
    EthSession s = sessions.get(peer);
    if (s == null) {
      return; // the session ended while the message was on its way
    }
    EthMessage message;
    try {
      message = EthCodec.decode(s.version, code, payload);
    } catch (MalformedMessageException e) {
      throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, "malformed " + e.getMessage(), e);
    }
    if (s.status() == null) {
      if (!(message instanceof Status status)) {
        throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, message.name() + " before Status");
      }
      handshake(s, status);
      return;
    }
    if (message instanceof Status) {
      throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, "a second Status");
    } else if (message instanceof EthMessage.Request) {
      serve(s, message);
    } else if (message instanceof EthMessage.Response r) {
      deliver(s, message, r.requestId());
    } else if (message instanceof NewBlockHashes m) {
      onLoop(() -> blocks.onNewBlockHashes(s, m));
    } else if (message instanceof NewBlock m) {
      onLoop(() -> blocks.onNewBlock(s, m));
    } else if (message instanceof BlockRangeUpdate m) {
      onLoop(() -> blocks.onBlockRangeUpdate(s, m));
    } else if (message instanceof NewPooledTransactionHashes m) {
      onLoop(() -> transactions.onAnnounced(s, m));
    } else if (message instanceof Transactions m) {
      transactions.onTransactions(s, m);
    }
  }

  @Override
  public void onDisconnect(Peer peer, DisconnectReason reason, boolean byRemote) {
    EthSession s = sessions.remove(peer);
    if (s != null) {
      LOG.debug("eth peer {} left: {}{}", s, reason, byRemote ? " (remote)" : "");
      onLoop(() -> sync.onPeerGone(s.id));
    }
  }

  private void handshake(EthSession s, Status status) {
    statusCheck.check(status, s.version, head).ifPresent(refusal -> {
      throw new ProtocolViolationException(refusal.reason(), "Status refused: " + refusal.detail());
    });
    s.accept(status);
    LOG.debug("eth peer {} ready, head {}", s, status);
    onLoop(() -> ready(s));
  }

  private void serve(EthSession s, EthMessage request) {
    if (!s.serveLimiter.tryAcquire()) {
      throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, "more than "
          + config.serveRate() + " requests per second");
    }
    if (s.serving.incrementAndGet() > config.maxServing()) {
      s.serving.decrementAndGet();
      throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, "more than " + config.maxServing()
          + " requests at once");
    }
    try {
      workers.execute(() -> {
        try {
          server.answer(request, s.version).ifPresent(s::send);
        } catch (RuntimeException e) {
          LOG.warn("answering {} of {} failed", request.name(), s, e);
        } finally {
          s.serving.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      s.serving.decrementAndGet(); // shutting down
    }
  }

  private void deliver(EthSession s, EthMessage response, long wireId) {
    PendingRequests.Pending p = s.requests.claim(wireId, response.code());
    if (p == null) {
      throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, "unsolicited " + response.name()
          + " with request id " + Long.toUnsignedString(wireId));
    }
    EthMessage answer = RequestIds.withId(response, p.localId());
    onLoop(() -> p.handler().onResponse(s, answer));
  }

  // ---------------------------------------------------------------- event loop

  private void ready(EthSession s) {
    if (s.headNumber() < 0) {
      // An eth/68 Status names the head only by hash; its header gives the number.
      Hash wanted = s.headHash();
      s.requester((session, m) -> {
        if (m instanceof BlockHeaders h && h.headers().size() == 1 && h.headers().get(0).hash().equals(wanted)) {
          session.resolveHeadNumber(wanted, h.headers().get(0).number());
          sync.onPeerHead(session);
        }
      }).send(GetBlockHeaders.byHash(0, wanted, 1, 0, false));
    }
    sync.onPeerHead(s);
  }

  private void checkStatusArrived(EthSession s) {
    if (s.status() == null && s.peer.isConnected()) {
      LOG.debug("eth peer {} sent no Status in {} ms", s, config.statusTimeoutMillis());
      s.peer.disconnect(DisconnectReason.SUBPROTOCOL_ERROR);
    }
  }

  private void tick() {
    try {
      long now = clock.millis();
      long keep = Math.max(60_000, 6 * config.download().requestTimeoutMillis());
      for (EthSession s : sessions.values()) {
        s.requests.expire(now, keep);
      }
      banned.values().removeIf(until -> until <= now);
      sync.tick();
      transactions.flush();
    } catch (RuntimeException e) {
      LOG.error("eth tick failed", e);
    }
  }

  private void onLocalHead(Block block) {
    head = block.header();
    UInt256 td = chain.totalDifficulty(block.hash()).orElse(headTd);
    headTd = td;
    onLoop(() -> blocks.onLocalHead(block, td));
  }

  /** Drops a peer that sent data that cannot be right, and refuses it for a while. */
  private void misbehaved(String peerId, String reason) {
    banned.put(peerId, clock.millis() + BAN_MILLIS);
    for (EthSession s : sessions.values()) {
      if (s.id.equals(peerId)) {
        LOG.info("dropping peer {}: {}", s, reason);
        s.markMisbehaved();
        s.peer.disconnect(DisconnectReason.USELESS_PEER);
      }
    }
  }

  private void onLoop(Runnable task) {
    try {
      loop.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("eth event failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  /** Stops the timers and threads; close the {@code P2pServer} first so no peer is left. */
  @Override
  public synchronized void close() {
    for (AutoCloseable c : subscriptions) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("unsubscribing failed", e);
      }
    }
    subscriptions.clear();
    if (ticker != null) {
      ticker.cancel(false);
    }
    loop.shutdownNow();
    workers.shutdownNow();
    // A block being imported is let finish: its commit is one batch either way, but no half-run import is left.
    importThread.shutdown();
    try {
      importThread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
