package org.linden.consensus.qbft;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.linden.types.Address;

/**
 * This validator's own pending votes (qbft_proposeValidatorVote): when it proposes a block
 * it puts one of them, still meaningful for the current set, into the block's extraData.
 * Thread-safe: the RPC adds and removes while the engine's thread picks.
 */
public final class VoteProposals {
  private final Map<Address, Boolean> votes = new LinkedHashMap<>();
  private int turn;

  public synchronized void propose(Address recipient, boolean add) {
    votes.put(recipient, add);
  }

  public synchronized void discard(Address recipient) {
    votes.remove(recipient);
  }

  public synchronized Map<Address, Boolean> pending() {
    return Map.copyOf(votes);
  }

  /**
   * A vote to cast in a block decided by {@code validators}: the pending ones that would
   * change the set, taken in turn so that several votes all get cast.
   */
  public synchronized Optional<Vote> next(ValidatorSet validators) {
    var useful = votes.entrySet().stream()
        .filter(e -> e.getValue() != validators.contains(e.getKey()))
        .map(e -> new Vote(e.getKey(), e.getValue()))
        .toList();
    if (useful.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(useful.get(Math.floorMod(turn++, useful.size())));
  }
}
