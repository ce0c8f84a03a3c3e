package org.linden.sync.download;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.sync.EthPeer;
import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.GetBlockBodies;
import org.linden.sync.eth.GetReceipts;
import org.linden.sync.eth.Receipts;
import org.linden.types.Hash;

/**
 * Fetches the bodies (and optionally receipts) of a verified header chain from many peers at
 * once, in the BitTorrent manner: the range is cut into pieces of consecutive blocks, idle
 * peers are given the lowest pieces not yet fetched, faster peers get more requests in
 * flight, a request that times out goes to another peer, and every answer is checked against
 * the headers before it is kept. A peer whose data does not match is reported and dropped.
 * Blocks are handed to the sink strictly in order.
 *
 * <p>A pure state machine: it acts only when called ({@link #addPeer}, the {@code on...}
 * deliveries, {@link #tick}), reads time from the injected {@link Clock}, and is not
 * thread-safe; the caller serialises calls (one sync thread or event loop).
 */
public final class BodyDownloader {
  private enum Kind { BODIES, RECEIPTS }

  /** One outstanding request for part of a piece. */
  private record Request(int piece, Kind kind, String peerId, long sentAt, int[] blocks) {}

  private final List<BlockHeader> headers;
  private final DownloadConfig config;
  private final Clock clock;
  private final PeerReporter reporter;
  private final Consumer<List<DownloadedBlock>> sink;

  private final BlockBody[] bodies;
  private final List<Receipt>[] receipts;
  private final int pieceCount;
  /** Per piece and kind: a request is outstanding. */
  private final boolean[][] requested;
  /** Per piece: peers that could not serve it (timeout, empty answer); they are tried last. */
  private final List<Set<String>> triedBy = new ArrayList<>();
  private final List<Set<String>> servedBy = new ArrayList<>();
  private final Map<String, PeerRecord> peers = new LinkedHashMap<>();
  private final Map<Long, Request> inFlight = new HashMap<>();
  private long nextRequestId = 1;
  private int nextBlock;
  private final long startedAt;

  /**
   * @param headers the verified headers to fetch, consecutive and ascending
   * @param sink receives blocks in order, in batches, as soon as they are complete
   */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of lists, one per block
  public BodyDownloader(List<BlockHeader> headers, DownloadConfig config, Clock clock, PeerReporter reporter,
      Consumer<List<DownloadedBlock>> sink) {
    this.headers = List.copyOf(headers);
    this.config = config;
    this.clock = clock;
    this.reporter = reporter;
    this.sink = sink;
    this.bodies = new BlockBody[headers.size()];
    this.receipts = new List[headers.size()];
    this.pieceCount = (headers.size() + config.pieceSize() - 1) / config.pieceSize();
    this.requested = new boolean[pieceCount][2];
    for (int p = 0; p < pieceCount; p++) {
      triedBy.add(new HashSet<>());
      servedBy.add(new HashSet<>());
    }
    // A header that commits to nothing needs no download.
    for (int i = 0; i < headers.size(); i++) {
      BlockHeader h = headers.get(i);
      if (BodyVerifier.hasEmptyBody(h)) {
        bodies[i] = BodyVerifier.emptyBody(h);
      }
      if (config.fetchReceipts() && h.receiptsRoot().equals(BlockRoots.EMPTY_TRIE_ROOT)) {
        receipts[i] = List.of();
      }
    }
    this.startedAt = clock.millis();
  }

  public void addPeer(EthPeer peer) {
    peers.putIfAbsent(peer.id(), new PeerRecord(peer));
    tick();
  }

  /** The peer is gone (disconnected); its requests go to others. */
  public void removePeer(String peerId) {
    if (peers.remove(peerId) != null) {
      releaseRequestsOf(peerId);
      tick();
    }
  }

  public boolean isDone() {
    return nextBlock == headers.size();
  }

  /** Handles timeouts and hands out work; call on a timer and after deliveries. */
  public void tick() {
    // Blocks whose headers commit to empty bodies need no download: hand them out even when
    // no piece ever arrives (a chain of empty blocks has no pieces at all).
    handOut();
    long now = clock.millis();
    for (Iterator<Map.Entry<Long, Request>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      Request r = it.next().getValue();
      if (now - r.sentAt() < config.requestTimeoutMillis()) {
        continue;
      }
      it.remove();
      requested[r.piece()][r.kind().ordinal()] = false;
      triedBy.get(r.piece()).add(r.peerId());
      PeerRecord p = peers.get(r.peerId());
      if (p != null) {
        p.inFlight--;
        p.recordTimeout();
      }
    }
    for (PeerRecord p : List.copyOf(peers.values())) {
      if (p.consecutiveTimeouts >= config.maxTimeouts()) {
        drop(p.id(), "did not answer " + p.consecutiveTimeouts + " requests in time");
      }
    }
    assign();
  }

  public void onBlockBodies(String peerId, BlockBodies message) {
    Request r = claim(peerId, message.requestId(), Kind.BODIES);
    if (r == null) {
      return;
    }
    List<BlockBody> got = message.bodies();
    if (got.size() > r.blocks().length) {
      drop(peerId, "sent " + got.size() + " bodies for " + r.blocks().length + " requested");
      return;
    }
    for (int k = 0; k < got.size(); k++) {
      Optional<String> wrong = BodyVerifier.checkBody(headers.get(r.blocks()[k]), got.get(k));
      if (wrong.isPresent()) {
        drop(peerId, "bad body: " + wrong.get());
        return;
      }
    }
    for (int k = 0; k < got.size(); k++) {
      bodies[r.blocks()[k]] = got.get(k);
    }
    delivered(r, got.size());
  }

  public void onReceipts(String peerId, Receipts message) {
    Request r = claim(peerId, message.requestId(), Kind.RECEIPTS);
    if (r == null) {
      return;
    }
    List<List<Receipt>> got = message.receipts();
    if (got.size() > r.blocks().length) {
      drop(peerId, "sent receipts of " + got.size() + " blocks for " + r.blocks().length + " requested");
      return;
    }
    for (int k = 0; k < got.size(); k++) {
      Optional<String> wrong = BodyVerifier.checkReceipts(headers.get(r.blocks()[k]), got.get(k));
      if (wrong.isPresent()) {
        drop(peerId, "bad receipts: " + wrong.get());
        return;
      }
    }
    for (int k = 0; k < got.size(); k++) {
      receipts[r.blocks()[k]] = got.get(k);
    }
    delivered(r, got.size());
  }

  /** The outstanding request this answers, removed from the books; null for a late or unsolicited answer. */
  private Request claim(String peerId, long requestId, Kind kind) {
    Request r = inFlight.get(requestId);
    if (r == null || !r.peerId().equals(peerId) || r.kind() != kind) {
      return null;
    }
    inFlight.remove(requestId);
    requested[r.piece()][kind.ordinal()] = false;
    PeerRecord p = peers.get(peerId);
    if (p != null) {
      p.inFlight--;
    }
    return r;
  }

  private void delivered(Request r, int count) {
    PeerRecord p = peers.get(r.peerId());
    if (count == 0) {
      // The peer does not have these blocks; ask someone else first.
      triedBy.get(r.piece()).add(r.peerId());
    } else if (p != null) {
      p.recordAnswer(count, clock.millis() - r.sentAt());
      servedBy.get(r.piece()).add(r.peerId());
    }
    handOut();
    assign();
  }

  private void handOut() {
    List<DownloadedBlock> ready = new ArrayList<>();
    while (nextBlock < headers.size() && bodies[nextBlock] != null
        && (!config.fetchReceipts() || receipts[nextBlock] != null)) {
      Block block = new Block(headers.get(nextBlock), bodies[nextBlock]);
      ready.add(new DownloadedBlock(block, config.fetchReceipts() ? receipts[nextBlock] : null));
      bodies[nextBlock] = null;
      receipts[nextBlock] = null;
      nextBlock++;
    }
    if (!ready.isEmpty()) {
      sink.accept(ready);
    }
  }

  private void drop(String peerId, String reason) {
    if (peers.remove(peerId) == null) {
      return;
    }
    releaseRequestsOf(peerId);
    reporter.misbehaved(peerId, reason);
  }

  private void releaseRequestsOf(String peerId) {
    for (Iterator<Request> it = inFlight.values().iterator(); it.hasNext(); ) {
      Request r = it.next();
      if (r.peerId().equals(peerId)) {
        requested[r.piece()][r.kind().ordinal()] = false;
        it.remove();
      }
    }
  }

  /** Gives every peer work up to its capacity, fastest peers first, lowest pieces first. */
  private void assign() {
    if (isDone() || peers.isEmpty()) {
      return;
    }
    double best = peers.values().stream().mapToDouble(p -> p.throughput).max().orElse(0);
    List<PeerRecord> order = new ArrayList<>(peers.values());
    order.sort(Comparator.comparingDouble((PeerRecord p) -> p.throughput).reversed());
    for (PeerRecord p : order) {
      while (p.inFlight < p.capacity(config.maxInFlightPerPeer(), best)) {
        if (!assignOne(p)) {
          break;
        }
      }
    }
  }

  private boolean assignOne(PeerRecord p) {
    int first = nextBlock / config.pieceSize();
    int last = Math.min(pieceCount, first + config.maxPiecesAhead());
    // Prefer pieces this peer has not failed; fall back to any when everyone has failed them.
    for (boolean allowRetried : new boolean[] {false, true}) {
      for (int piece = first; piece < last; piece++) {
        if (allowRetried && !everyoneTried(piece)) {
          continue;
        }
        if (!allowRetried && triedBy.get(piece).contains(p.id())) {
          continue;
        }
        for (Kind kind : Kind.values()) {
          if (kind == Kind.RECEIPTS && !config.fetchReceipts()) {
            continue;
          }
          if (requested[piece][kind.ordinal()]) {
            continue;
          }
          int[] missing = missing(piece, kind);
          if (missing.length > 0) {
            if (allowRetried) {
              triedBy.get(piece).clear();
            }
            send(p, piece, kind, missing);
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean everyoneTried(int piece) {
    return triedBy.get(piece).containsAll(peers.keySet());
  }

  private int[] missing(int piece, Kind kind) {
    int from = piece * config.pieceSize();
    int to = Math.min(headers.size(), from + config.pieceSize());
    return java.util.stream.IntStream.range(Math.max(from, nextBlock), to)
        .filter(i -> kind == Kind.BODIES ? bodies[i] == null : receipts[i] == null)
        .toArray();
  }

  private void send(PeerRecord p, int piece, Kind kind, int[] blocks) {
    long id = nextRequestId++;
    List<Hash> hashes = java.util.Arrays.stream(blocks).mapToObj(i -> headers.get(i).hash()).toList();
    inFlight.put(id, new Request(piece, kind, p.id(), clock.millis(), blocks));
    requested[piece][kind.ordinal()] = true;
    p.inFlight++;
    p.peer.send(kind == Kind.BODIES ? new GetBlockBodies(id, hashes) : new GetReceipts(id, hashes));
  }

  public Progress progress() {
    long first = headers.isEmpty() ? 0 : headers.get(0).number();
    long target = headers.isEmpty() ? 0 : headers.get(headers.size() - 1).number();
    long highest = nextBlock == 0 ? first - 1 : headers.get(nextBlock - 1).number();
    double seconds = (clock.millis() - startedAt) / 1000.0;
    double rate = seconds > 0 ? nextBlock / seconds : 0;
    OptionalLong eta = rate > 0 ? OptionalLong.of((long) ((headers.size() - nextBlock) / rate * 1000)) : OptionalLong.empty();
    return new Progress(highest, target, rate, eta);
  }

  public PieceStats stats() {
    Map<String, Integer> perPeer = new HashMap<>();
    for (Set<String> s : servedBy) {
      for (String id : s) {
        perPeer.merge(id, 1, Integer::sum);
      }
    }
    int several = (int) servedBy.stream().filter(s -> s.size() > 1).count();
    return new PieceStats(perPeer, several);
  }

  /** Ids of the peers still in use. */
  public Set<String> peerIds() {
    return Set.copyOf(peers.keySet());
  }
}
