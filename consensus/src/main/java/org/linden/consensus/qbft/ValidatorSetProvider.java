package org.linden.consensus.qbft;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.linden.chain.block.BlockHeader;
import org.linden.types.Hash;

/**
 * The validator set of each height, replayed from the headers: the genesis extraData names
 * the first set, and every block's vote (cast by its proposer) is tallied, resetting at
 * epoch boundaries. Tallies are cached by block hash, so following the chain costs one
 * step per block; side branches are replayed from their own headers.
 */
public final class ValidatorSetProvider {
  private static final int CACHE_SIZE = 2048;

  private final Function<Hash, Optional<BlockHeader>> headers;
  private final long epochLength;
  private final Map<Hash, VoteTally> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, VoteTally> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  /** {@code headers} finds any stored header (canonical or not) by hash. */
  public ValidatorSetProvider(Function<Hash, Optional<BlockHeader>> headers, long epochLength) {
    this.headers = headers;
    this.epochLength = epochLength;
  }

  /** The validators that decide the block after {@code parent}. */
  public ValidatorSet validatorsAfter(BlockHeader parent) {
    return tallyAfter(parent).validators();
  }

  /**
   * The tally after {@code header}: its validator set decides the next block.
   *
   * @throws IllegalStateException if an ancestor is missing or its extraData is malformed
   */
  public synchronized VoteTally tallyAfter(BlockHeader header) {
    Deque<BlockHeader> todo = new ArrayDeque<>();
    BlockHeader h = header;
    VoteTally tally;
    while (true) {
      VoteTally cached = cache.get(h.hash());
      if (cached != null) {
        tally = cached;
        break;
      }
      if (h.number() == 0) {
        tally = VoteTally.initial(new ValidatorSet(QbftExtraData.of(h).validators()));
        cache.put(h.hash(), tally);
        break;
      }
      todo.push(h);
      Hash parentHash = h.parentHash();
      h = headers.apply(parentHash).orElseThrow(() -> new IllegalStateException("missing header " + parentHash));
    }
    while (!todo.isEmpty()) {
      BlockHeader next = todo.pop();
      QbftExtraData extra = QbftExtraData.of(next);
      var author = tally.validators().proposer(next.number(), extra.round());
      tally = tally.apply(author, extra.vote().orElse(null), next.number() % epochLength == 0);
      cache.put(next.hash(), tally);
    }
    return tally;
  }
}
