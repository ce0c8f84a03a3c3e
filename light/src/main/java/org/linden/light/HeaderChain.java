package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.linden.chain.block.BlockHeader;
import org.linden.types.Hash;

/**
 * The verified headers, keyed by number. Starts from one trusted header (the anchor) and
 * verifies any later header by {@link SkipRule} from the closest verified header below it,
 * bisecting when needed, so catching up costs work per validator change rather than per
 * block. The highest verified header is persisted after each advance.
 */
public final class HeaderChain {
  private final UpstreamPool upstreams;
  private final Hash anchorHash;
  private final HeadStore store;
  private final NavigableMap<Long, BlockHeader> verified = new ConcurrentSkipListMap<>();
  private final AtomicLong headersFetched = new AtomicLong();

  /**
   * @param anchor the trusted header (checkpoint or genesis)
   * @param store where the highest verified header is kept, or null to keep nothing
   */
  public HeaderChain(UpstreamPool upstreams, BlockHeader anchor, HeadStore store) {
    this.upstreams = upstreams;
    this.anchorHash = anchor.hash();
    this.store = store;
    verified.put(anchor.number(), anchor);
    if (store != null) {
      store.load(anchorHash).filter(h -> h.number() > anchor.number()).ifPresent(h -> verified.put(h.number(), h));
    }
  }

  /** Fetches the checkpoint header by hash and checks that its fields hash to it. */
  public static BlockHeader fetchCheckpoint(UpstreamPool upstreams, Hash checkpoint) {
    return upstreams.query(u -> {
      JsonNode block = u.call("eth_getBlockByHash", checkpoint.toHex(), false);
      if (block.isNull()) {
        throw new VerificationException("the server does not know checkpoint " + checkpoint);
      }
      BlockHeader h = HeaderJson.parse(block);
      if (!h.hash().equals(checkpoint)) {
        throw new VerificationException("the header served for checkpoint " + checkpoint + " hashes to " + h.hash());
      }
      return h;
    });
  }

  /** The highest verified header. */
  public BlockHeader head() {
    return verified.lastEntry().getValue();
  }

  /** The anchor's number: nothing below it can be verified. */
  public long anchorNumber() {
    return verified.firstKey();
  }

  /** Headers fetched from upstreams so far (for the benchmarks). */
  public long headersFetched() {
    return headersFetched.get();
  }

  /** Number of headers kept verified. */
  public int size() {
    return verified.size();
  }

  /** Verifies the upstream's latest header and makes it the head. */
  public BlockHeader refreshHead() {
    return upstreams.query(u -> {
      long latest = JsonFields.quantity(u.call("eth_blockNumber").asText(), "eth_blockNumber");
      BlockHeader h = head();
      return latest <= h.number() ? h : verifyAt(u, latest);
    });
  }

  /** The verified header at {@code number}, or empty if the upstreams do not have that block. */
  public Optional<BlockHeader> at(long number) {
    BlockHeader known = verified.get(number);
    if (known != null) {
      return Optional.of(known);
    }
    if (number < anchorNumber()) {
      throw new VerificationException("block " + number + " is before the trusted block " + anchorNumber()
          + " and cannot be verified");
    }
    return upstreams.query(u -> {
      try {
        return Optional.of(verifyAt(u, number));
      } catch (MissingBlock e) {
        return Optional.<BlockHeader>empty();
      }
    });
  }

  /** The verified header with {@code hash}, or empty if the upstreams do not have it. */
  public Optional<BlockHeader> byHash(Hash hash) {
    return upstreams.query(u -> {
      JsonNode block = u.call("eth_getBlockByHash", hash.toHex(), false);
      if (block.isNull()) {
        return Optional.<BlockHeader>empty();
      }
      BlockHeader claimed = HeaderJson.parse(block);
      if (!claimed.hash().equals(hash)) {
        throw new VerificationException("the header served for " + hash + " hashes to " + claimed.hash());
      }
      BlockHeader canonical;
      try {
        canonical = verified.containsKey(claimed.number()) ? verified.get(claimed.number()) : verifyAt(u, claimed.number());
      } catch (MissingBlock e) {
        throw new VerificationException("block " + hash + " is not on the verified chain");
      }
      if (!canonical.hash().equals(hash)) {
        throw new VerificationException("block " + hash + " is not the verified block " + claimed.number());
      }
      return Optional.of(canonical);
    });
  }

  /** Thrown inside a query when the upstream has no block at a height. */
  private static final class MissingBlock extends RuntimeException {
    MissingBlock(long number) {
      super("no block " + number, null, false, false);
    }
  }

  private BlockHeader fetch(Upstream u, long number) {
    headersFetched.incrementAndGet();
    JsonNode block = u.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
    if (block.isNull()) {
      throw new MissingBlock(number);
    }
    BlockHeader h = HeaderJson.parse(block);
    if (h.number() != number) {
      throw new VerificationException("asked for block " + number + ", got block " + h.number());
    }
    return h;
  }

  /** Verifies the header at {@code number} through {@code u}, bisecting as needed. */
  private BlockHeader verifyAt(Upstream u, long number) {
    Map.Entry<Long, BlockHeader> floor = verified.floorEntry(number);
    BlockHeader trusted = floor.getValue();
    if (trusted.number() == number) {
      return trusted;
    }
    Deque<BlockHeader> pending = new ArrayDeque<>();
    pending.push(fetch(u, number));
    while (!pending.isEmpty()) {
      BlockHeader candidate = pending.peek();
      switch (SkipRule.check(trusted, candidate)) {
        case SkipRule.Accepted a -> {
          pending.pop();
          accept(candidate);
          trusted = candidate;
        }
        case SkipRule.Bisect b -> pending.push(fetch(u, trusted.number() + (candidate.number() - trusted.number()) / 2));
        case SkipRule.Rejected r -> throw new VerificationException(r.reason());
      }
    }
    return trusted;
  }

  private void accept(BlockHeader header) {
    BlockHeader previousHead = head();
    verified.put(header.number(), header);
    if (store != null && header.number() > previousHead.number()) {
      store.save(anchorHash, header);
    }
  }
}
