package org.linden.sync.download;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linden.chain.block.BlockHeader;
import org.linden.sync.EthPeer;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.GetBlockHeaders;
import org.linden.types.Hash;

/**
 * Downloads the headers between the local head and a trusted target (its number and hash,
 * from the consensus layer or a chosen peer's announcement), from the best peer, in batches
 * walking down from the target. Each header must hash to what its child names as parent, so
 * nothing but the target's own ancestry can be accepted, whatever peers send; the pluggable
 * {@link HeaderValidator} adds the chain's rules. A peer sending a header that does not link
 * or does not validate is reported and dropped; one that times out or has nothing is passed
 * over for another.
 *
 * <p>A pure state machine like {@link BodyDownloader}: driven by calls, time from the
 * injected clock, not thread-safe.
 */
public final class HeaderDownloader {
  private final BlockHeader localHead;
  private final long targetNumber;
  private final DownloadConfig config;
  private final Clock clock;
  private final PeerReporter reporter;
  private final HeaderValidator validator;

  private final Map<String, PeerRecord> peers = new LinkedHashMap<>();
  private final Map<String, Long> peerHeads = new LinkedHashMap<>();
  /** Peers passed over (timeout or empty answer) until every peer has been. */
  private final Set<String> passedOver = new HashSet<>();
  /** Downloaded headers, descending from the target. */
  private final List<BlockHeader> collected = new ArrayList<>();
  private long expectedNumber;
  private Hash expectedHash;
  private long nextRequestId = 1;
  private long inFlightId = -1;
  private String inFlightPeer;
  private long inFlightSentAt;
  private int inFlightCount;
  private String failure;

  public HeaderDownloader(BlockHeader localHead, long targetNumber, Hash targetHash, DownloadConfig config, Clock clock,
      PeerReporter reporter, HeaderValidator validator) {
    if (targetNumber <= localHead.number()) {
      throw new IllegalArgumentException("target " + targetNumber + " is not above the local head " + localHead.number());
    }
    this.localHead = localHead;
    this.targetNumber = targetNumber;
    this.config = config;
    this.clock = clock;
    this.reporter = reporter;
    this.validator = validator;
    this.expectedNumber = targetNumber;
    this.expectedHash = targetHash;
  }

  /** A peer and the head number it announced; only peers at or above the next wanted header are asked. */
  public void addPeer(EthPeer peer, long headNumber) {
    peers.putIfAbsent(peer.id(), new PeerRecord(peer));
    peerHeads.put(peer.id(), headNumber);
    tick();
  }

  public void removePeer(String peerId) {
    if (peers.remove(peerId) != null) {
      peerHeads.remove(peerId);
      if (peerId.equals(inFlightPeer)) {
        inFlightId = -1;
      }
      tick();
    }
  }

  public boolean isDone() {
    return expectedNumber == localHead.number() && failure == null;
  }

  /** Why the download cannot finish (the target does not descend from the local head), if so. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The headers above the local head up to the target, ascending; complete once {@link #isDone()}. */
  public List<BlockHeader> headers() {
    List<BlockHeader> out = new ArrayList<>(collected);
    Collections.reverse(out);
    return out;
  }

  /** Headers still to fetch. */
  public long remaining() {
    return expectedNumber - localHead.number();
  }

  public void tick() {
    if (isDone() || failure != null) {
      return;
    }
    if (inFlightId != -1 && clock.millis() - inFlightSentAt >= config.requestTimeoutMillis()) {
      PeerRecord p = peers.get(inFlightPeer);
      inFlightId = -1;
      if (p != null) {
        p.recordTimeout();
        passedOver.add(p.id());
        if (p.consecutiveTimeouts >= config.maxTimeouts()) {
          drop(p.id(), "did not answer " + p.consecutiveTimeouts + " header requests in time");
        }
      }
    }
    if (inFlightId == -1) {
      request();
    }
  }

  private void request() {
    Optional<PeerRecord> best = bestPeer();
    if (best.isEmpty() && !passedOver.isEmpty()) {
      passedOver.clear();
      best = bestPeer();
    }
    if (best.isEmpty()) {
      return;
    }
    PeerRecord p = best.get();
    int count = (int) Math.min(config.headerBatch(), expectedNumber - localHead.number());
    inFlightId = nextRequestId++;
    inFlightPeer = p.id();
    inFlightSentAt = clock.millis();
    inFlightCount = count;
    p.peer.send(GetBlockHeaders.byNumber(inFlightId, expectedNumber, count, 0, true));
  }

  /** The usable peer with the highest head that has the next header; ties go to the fastest. */
  private Optional<PeerRecord> bestPeer() {
    return peers.values().stream()
        .filter(p -> !passedOver.contains(p.id()) && peerHeads.get(p.id()) >= expectedNumber)
        .max(Comparator.comparingLong((PeerRecord p) -> peerHeads.get(p.id()))
            .thenComparingDouble(p -> p.throughput));
  }

  public void onBlockHeaders(String peerId, BlockHeaders message) {
    if (message.requestId() != inFlightId || !peerId.equals(inFlightPeer)) {
      return; // late or unsolicited
    }
    inFlightId = -1;
    PeerRecord p = peers.get(peerId);
    List<BlockHeader> got = message.headers();
    if (got.size() > inFlightCount) {
      drop(peerId, "sent " + got.size() + " headers for " + inFlightCount + " requested");
      tick();
      return;
    }
    if (got.isEmpty()) {
      passedOver.add(peerId);
      tick();
      return;
    }
    Optional<String> wrong = verify(got);
    if (wrong.isPresent()) {
      drop(peerId, wrong.get());
      tick();
      return;
    }
    if (p != null) {
      p.recordAnswer(got.size(), clock.millis() - inFlightSentAt);
    }
    collected.addAll(got);
    BlockHeader lowest = got.get(got.size() - 1);
    expectedNumber = lowest.number() - 1;
    expectedHash = lowest.parentHash();
    if (expectedNumber == localHead.number()) {
      if (!expectedHash.equals(localHead.hash())) {
        failure = "the target's ancestor at " + expectedNumber + " is " + expectedHash + ", not the local head "
            + localHead.hash();
      } else {
        validator.check(localHead, lowest).ifPresent(reason -> failure = "block " + lowest.number()
            + " cannot follow the local head: " + reason);
      }
      return;
    }
    tick();
  }

  /** The batch descends one by one from the expected header, each the parent of the one before. */
  private Optional<String> verify(List<BlockHeader> got) {
    Hash want = expectedHash;
    long number = expectedNumber;
    BlockHeader child = collected.isEmpty() ? null : collected.get(collected.size() - 1);
    for (BlockHeader h : got) {
      if (h.number() != number) {
        return Optional.of("header " + h.number() + " where " + number + " was expected");
      }
      if (!h.hash().equals(want)) {
        return Optional.of("header " + number + " has hash " + h.hash() + ", its child names " + want);
      }
      if (child != null) {
        Optional<String> bad = validator.check(h, child);
        if (bad.isPresent()) {
          return Optional.of("header " + child.number() + " is invalid: " + bad.get());
        }
      }
      child = h;
      want = h.parentHash();
      number--;
    }
    return Optional.empty();
  }

  private void drop(String peerId, String reason) {
    if (peers.remove(peerId) != null) {
      peerHeads.remove(peerId);
      passedOver.remove(peerId);
      reporter.misbehaved(peerId, reason);
    }
  }
}
