package org.linden.sync.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.execution.BlockValidationException;
import org.linden.sync.download.BodyDownloader;
import org.linden.sync.download.Clock;
import org.linden.sync.download.DownloadedBlock;
import org.linden.sync.download.HeaderDownloader;
import org.linden.sync.download.HeaderValidator;
import org.linden.sync.download.PeerReporter;
import org.linden.sync.download.PieceStats;
import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.BlockHeaders;
import org.linden.types.Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local chain at the best peer's head. When a peer announces a head above ours,
 * its head becomes the trusted target: {@link HeaderDownloader} fetches the headers down to
 * our head from the peers that have them, then {@link BodyDownloader} fetches the bodies in
 * chunks from every peer that has the range, and the blocks are imported strictly in order
 * on the import thread. A block that fails import condemns the header chain, so the peer
 * whose head was the target is dropped and sync starts again from the others. After
 * catching up it keeps following: every announcement above our head starts the next round.
 *
 * <p>Everything except the imports runs on the protocol's event loop, which calls
 * {@link #tick()} on a timer; only {@link #status()} may be called from other threads.
 */
public final class SyncManager {
  /** A sync longer than this many blocks waits briefly for peers before it starts. */
  static final long LONG_SYNC_BLOCKS = 128;
  /** Enough peers to start a long sync at once. */
  static final int GATHER_PEERS = 3;
  /** The longest a long sync waits for {@link #GATHER_PEERS}. */
  static final long GATHER_MILLIS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(SyncManager.class);
  /** Targets that did not descend from our chain, remembered so they are not tried again and again. */
  private static final int MAX_FAILED_TARGETS = 256;

  private final EthConfig config;
  private final Clock clock;
  private final Supplier<BlockHeader> localHead;
  private final Supplier<Collection<EthSession>> sessions;
  private final BlockImporter importer;
  private final Executor importThread;
  private final Executor loop;
  private final HeaderValidator validator;
  private final PeerReporter penalty;

  private final AtomicInteger queuedBlocks = new AtomicInteger();
  private final Set<Hash> failedTargets = new LinkedHashSet<>();
  private final Map<String, Integer> piecesServed = new HashMap<>();
  private Job job;
  /** When a long catch-up was first seen to be needed, while gathering peers; -1 otherwise. */
  private long behindSince = -1;
  private volatile SyncStatus status;
  private long startingBlock;
  private long sessionStartedAt;
  private long lastLogAt;

  /** One round of sync towards a target; a new round gets a new job, so stale answers find no owner. */
  private final class Job {
    final String targetPeer;
    final long targetNumber;
    final Hash targetHash;
    final HeaderDownloader headers;
    /** Peers given to the header downloader, with the head number they had then. */
    final Map<String, Long> headerPeers = new HashMap<>();
    final ResponseHandler headerAnswers;
    List<BlockHeader> chain;
    int nextChunk;
    BodyDownloader bodies;
    final Set<String> bodyPeers = new HashSet<>();
    ResponseHandler bodyAnswers;
    volatile boolean cancelled;
    long lastProgressAt;
    long lastProgressMark;

    Job(EthSession target, BlockHeader head) {
      this.targetPeer = target.id;
      this.targetNumber = target.headNumber();
      this.targetHash = target.headHash();
      this.headers = new HeaderDownloader(head, targetNumber, targetHash, config.download(), clock,
          (peer, reason) -> misbehaved(peer, reason), validator);
      this.headerAnswers = (s, m) -> {
        if (job == this && m instanceof BlockHeaders h) {
          headers.onBlockHeaders(s.id, h);
          advance();
        }
      };
      this.lastProgressAt = clock.millis();
    }
  }

  SyncManager(EthConfig config, Clock clock, Supplier<BlockHeader> localHead,
      Supplier<Collection<EthSession>> sessions, BlockImporter importer, Executor importThread, Executor loop,
      HeaderValidator validator, PeerReporter penalty) {
    this.config = config;
    this.clock = clock;
    this.localHead = localHead;
    this.sessions = sessions;
    this.importer = importer;
    this.importThread = importThread;
    this.loop = loop;
    this.validator = validator;
    this.penalty = penalty;
    long head = localHead.get().number();
    this.startingBlock = head;
    this.status = new SyncStatus(false, head, head, head, Map.of(), 0);
  }

  /** The current state; safe from any thread. */
  public SyncStatus status() {
    return status;
  }

  public boolean isSyncing() {
    return job != null;
  }

  /** The block the running sync aims at, or -1 when idle. */
  long targetNumber() {
    return job == null ? -1 : job.targetNumber;
  }

  /** A peer's head changed (Status, announcement, range update): maybe there is something to fetch. */
  void onPeerHead(EthSession session) {
    if (job == null) {
      maybeStart();
    } else {
      addPeers();
    }
    publish();
  }

  void onPeerGone(String peerId) {
    Job j = job;
    if (j != null) {
      j.headers.removePeer(peerId);
      j.headerPeers.remove(peerId);
      if (j.bodies != null) {
        j.bodies.removePeer(peerId);
        j.bodyPeers.remove(peerId);
      }
      if (!anyPeerCanServe(j)) {
        // Typically the target itself left, the only peer that far ahead: waiting for the stall
        // timeout would gain nothing, so aim at the best peer still here.
        LOG.info("sync to block {}: no peer left has the blocks it needs, picking a new target", j.targetNumber);
        end(j);
        // The peers were gathered for this catch-up already: no second wait.
        start(true);
        publish();
        return;
      }
      advance();
    }
  }

  /** Whether a ready peer's head reaches the lowest block the round still has to fetch. */
  private boolean anyPeerCanServe(Job j) {
    long needed;
    if (j.chain == null) {
      needed = localHead.get().number() + j.headers.remaining();
    } else if (j.bodies != null) {
      needed = firstOfChunk(j);
    } else {
      return true; // between chunks: advance() decides, and the stall check covers the rest
    }
    return sessions.get().stream().anyMatch(s -> s.isReady() && s.headNumber() >= needed);
  }

  void tick() {
    if (job == null) {
      maybeStart();
    } else {
      addPeers();
      job.headers.tick();
      if (job != null && job.bodies != null) {
        job.bodies.tick();
      }
      advance();
      checkStalled();
    }
    logProgress();
    publish();
  }

  /** Imports a complete block a peer pushed whose parent we have, outside any sync round. */
  void importAnnounced(EthSession from, Block block) {
    queuedBlocks.incrementAndGet();
    importThread.execute(() -> {
      try {
        importer.importBlock(block);
      } catch (BlockValidationException e) {
        loop.execute(() -> misbehaved(from.id, "announced invalid block " + block.number() + " " + block.hash()
            + ": " + e.getMessage()));
      } catch (RuntimeException e) {
        LOG.error("importing announced block {} {} failed", block.number(), block.hash(), e);
      } finally {
        queuedBlocks.decrementAndGet();
      }
    });
  }

  private void maybeStart() {
    start(false);
  }

  private void start(boolean peersGathered) {
    BlockHeader head = localHead.get();
    Optional<EthSession> best = sessions.get().stream()
        .filter(EthSession::isReady)
        .filter(s -> s.headNumber() > head.number() && !failedTargets.contains(s.headHash()))
        .max(Comparator.comparingLong(EthSession::headNumber));
    if (best.isEmpty() || queuedBlocks.get() > 0) {
      behindSince = -1;
      return;
    }
    EthSession target = best.get();
    if (!peersGathered && !gathered(target.headNumber() - head.number())) {
      return;
    }
    if (!status.syncing()) {
      startingBlock = head.number();
      sessionStartedAt = clock.millis();
      lastLogAt = sessionStartedAt;
    }
    job = new Job(target, head);
    LOG.debug("syncing from {} to block {} {} of {}", head.number(), job.targetNumber, job.targetHash, target);
    addPeers();
  }

  /**
   * Whether a sync of {@code gap} blocks may start now. A long catch-up first waits a few
   * seconds for more peers (discovery is usually still dialling), so the download spreads
   * over many of them instead of falling to whoever connected first; a short gap (following
   * the chain) starts at once.
   */
  private boolean gathered(long gap) {
    if (gap <= LONG_SYNC_BLOCKS) {
      return true;
    }
    long now = clock.millis();
    if (behindSince < 0) {
      behindSince = now;
    }
    long ready = sessions.get().stream().filter(EthSession::isReady).count();
    if (ready >= GATHER_PEERS || now - behindSince >= GATHER_MILLIS) {
      behindSince = -1;
      return true;
    }
    return false;
  }

  /** Gives the running downloaders every ready peer that can help and is not in use yet. */
  private void addPeers() {
    Job j = job;
    for (EthSession s : sessions.get()) {
      if (!s.isReady() || s.headNumber() < 0) {
        continue;
      }
      long peerHead = s.headNumber();
      Long known = j.headerPeers.put(s.id, peerHead);
      // Adding again with a higher head lets the header downloader ask a peer that has caught up.
      if (j.chain == null && (known == null || known != peerHead)) {
        j.headers.addPeer(s.requester(j.headerAnswers), peerHead);
      }
      if (j.bodies != null && s.headNumber() >= firstOfChunk(j) && j.bodyPeers.add(s.id)) {
        j.bodies.addPeer(s.requester(j.bodyAnswers));
      }
      if (job != j) {
        return;
      }
    }
  }

  private long firstOfChunk(Job j) {
    return j.chain.get((j.nextChunk - 1) * config.bodyChunk()).number();
  }

  /** Moves the round on: headers done → bodies chunk by chunk → imported → next round. */
  private void advance() {
    Job j = job;
    if (j == null) {
      return;
    }
    if (j.cancelled) {
      return;
    }
    if (j.chain == null) {
      Optional<String> failure = j.headers.failure();
      if (failure.isPresent()) {
        LOG.warn("sync target {} {} of peer {} does not extend our chain: {}", j.targetNumber, j.targetHash,
            shortId(j.targetPeer), failure.get());
        rememberFailed(j.targetHash);
        end(j);
        return;
      }
      if (!j.headers.isDone()) {
        return;
      }
      j.chain = j.headers.headers();
      j.lastProgressAt = clock.millis();
    }
    if (j.bodies != null && !j.bodies.isDone()) {
      return;
    }
    if (j.bodies != null) {
      collectStats(j.bodies.stats());
      j.bodies = null;
    }
    int from = j.nextChunk * config.bodyChunk();
    if (from < j.chain.size()) {
      // Wait for the previous chunk's blocks to be imported, which bounds the blocks held in memory.
      if (queuedBlocks.get() > config.bodyChunk()) {
        return;
      }
      startChunk(j, j.chain.subList(from, Math.min(j.chain.size(), from + config.bodyChunk())));
      return;
    }
    if (queuedBlocks.get() == 0) {
      LOG.debug("sync round to block {} done", j.targetNumber);
      end(j);
      maybeStart();
      if (job == null) {
        logSummary();
      }
    }
  }

  private void startChunk(Job j, List<BlockHeader> chunk) {
    j.nextChunk++;
    j.bodyPeers.clear();
    BodyDownloader[] holder = new BodyDownloader[1];
    j.bodyAnswers = (s, m) -> {
      if (job == j && j.bodies == holder[0] && m instanceof BlockBodies b) {
        holder[0].onBlockBodies(s.id, b);
        advance();
      }
    };
    holder[0] = new BodyDownloader(chunk, config.download(), clock, this::misbehaved, blocks -> enqueue(j, blocks));
    j.bodies = holder[0];
    addPeers();
  }

  private void enqueue(Job j, List<DownloadedBlock> blocks) {
    queuedBlocks.addAndGet(blocks.size());
    j.lastProgressAt = clock.millis();
    importThread.execute(() -> importBatch(j, blocks));
  }

  /** On the import thread: imports in order until one fails, which cancels the round. */
  private void importBatch(Job j, List<DownloadedBlock> blocks) {
    for (DownloadedBlock d : blocks) {
      try {
        if (!j.cancelled) {
          importer.importBlock(d.block());
        }
      } catch (BlockValidationException e) {
        j.cancelled = true;
        Block b = d.block();
        loop.execute(() -> importFailed(j, b, e.getMessage()));
      } catch (RuntimeException e) {
        j.cancelled = true;
        LOG.error("importing block {} {} failed", d.block().number(), d.block().hash(), e);
        loop.execute(() -> end(j));
      } finally {
        queuedBlocks.decrementAndGet();
      }
    }
    loop.execute(this::advance);
  }

  private void importFailed(Job j, Block block, String reason) {
    // Every body matched its header, so the fault is in the header chain the target vouched for.
    LOG.warn("block {} {} from the chain of peer {} is invalid: {}", block.number(), block.hash(),
        shortId(j.targetPeer), reason);
    rememberFailed(j.targetHash);
    end(j);
    misbehaved(j.targetPeer, "its chain has an invalid block " + block.number() + ": " + reason);
  }

  private void checkStalled() {
    Job j = job;
    if (j == null) {
      return;
    }
    long mark = j.headers.remaining() * 1_000_000L + (j.bodies == null ? 0 : j.bodies.progress().highestBlock());
    if (mark != j.lastProgressMark) {
      j.lastProgressMark = mark;
      j.lastProgressAt = clock.millis();
      return;
    }
    // Nobody has what the round needs (the target left, say): give up and pick a target again.
    if (clock.millis() - j.lastProgressAt > 6 * config.download().requestTimeoutMillis() && queuedBlocks.get() == 0) {
      LOG.info("sync to block {} made no progress, picking a new target", j.targetNumber);
      end(j);
    }
  }

  private void end(Job j) {
    if (job == j) {
      j.cancelled = true;
      if (j.bodies != null) {
        collectStats(j.bodies.stats());
      }
      job = null;
    }
  }

  private void rememberFailed(Hash target) {
    failedTargets.add(target);
    if (failedTargets.size() > MAX_FAILED_TARGETS) {
      failedTargets.remove(failedTargets.iterator().next());
    }
  }

  private void misbehaved(String peerId, String reason) {
    if (job != null) {
      job.headerPeers.remove(peerId);
      job.bodyPeers.remove(peerId);
    }
    penalty.misbehaved(peerId, reason);
  }

  private void collectStats(PieceStats stats) {
    stats.piecesServedByPeer().forEach((peer, n) -> piecesServed.merge(peer, n, Integer::sum));
  }

  private long highestPeerHead() {
    return sessions.get().stream().filter(EthSession::isReady).mapToLong(EthSession::headNumber).max().orElse(-1);
  }

  private void publish() {
    long current = localHead.get().number();
    long highest = Math.max(current, Math.max(highestPeerHead(), job == null ? -1 : job.targetNumber));
    Map<String, Integer> served = new HashMap<>(piecesServed);
    if (job != null && job.bodies != null) {
      job.bodies.stats().piecesServedByPeer().forEach((peer, n) -> served.merge(peer, n, Integer::sum));
    }
    status = new SyncStatus(job != null, startingBlock, current, highest, served, served.size());
  }

  private void logProgress() {
    if (job == null) {
      return;
    }
    long now = clock.millis();
    if (now - lastLogAt < config.progressLogMillis()) {
      return;
    }
    lastLogAt = now;
    SyncStatus s = status;
    double seconds = Math.max(0.001, (now - sessionStartedAt) / 1000.0);
    double rate = (s.currentBlock() - startingBlock) / seconds;
    long left = s.highestBlock() - s.currentBlock();
    String eta = rate > 0 ? (long) (left / rate) + " s" : "unknown";
    long peers = sessions.get().stream().filter(EthSession::isReady).count();
    LOG.info("Syncing: {} peers, block {}/{}, {} blocks/s, eta {}", peers, s.currentBlock(), s.highestBlock(),
        String.format("%.1f", rate), eta);
  }

  /** One line when we caught up: how far, how fast, and from how many peers. */
  private void logSummary() {
    publish();
    SyncStatus s = status;
    double seconds = Math.max(0.001, (clock.millis() - sessionStartedAt) / 1000.0);
    long blocks = s.currentBlock() - startingBlock;
    String line = "Sync done: block {}, {} blocks in {} s, pieces served by {} peers";
    Object[] args = {s.currentBlock(), blocks, String.format("%.1f", seconds), s.peersServingPieces()};
    // Following the chain block by block is routine; only a real catch-up is worth a line.
    if (blocks > 1) {
      LOG.info(line, args);
    } else {
      LOG.debug(line, args);
    }
  }

  private static String shortId(String id) {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}
