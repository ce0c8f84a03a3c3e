package org.linden.consensus.qbft;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.linden.types.Address;

/**
 * The validator set after some block together with the votes cast since the last epoch
 * boundary: each validator's latest vote per recipient. Immutable; {@link #apply} gives the
 * tally after one more block.
 */
public record VoteTally(ValidatorSet validators, Map<Address, Map<Address, Boolean>> votesByVoter) {
  public VoteTally {
    votesByVoter = Map.copyOf(votesByVoter);
  }

  public static VoteTally initial(ValidatorSet validators) {
    return new VoteTally(validators, Map.of());
  }

  /**
   * The tally after a block proposed by {@code author} carrying {@code vote} (may be null).
   * A vote that would change nothing (adding a member, dropping a non-member) is ignored;
   * when more than half of the validators agree, the change applies and every vote about
   * that recipient is forgotten. At an epoch boundary all pending votes are forgotten.
   */
  public VoteTally apply(Address author, Vote vote, boolean epochBoundary) {
    ValidatorSet before = validators;
    ValidatorSet set = before;
    Map<Address, Map<Address, Boolean>> votes = new HashMap<>();
    votesByVoter.forEach((voter, v) -> votes.put(voter, new HashMap<>(v)));
    if (vote != null && author != null && before.contains(author) && vote.add() != before.contains(vote.recipient())) {
      votes.computeIfAbsent(author, a -> new HashMap<>()).put(vote.recipient(), vote.add());
      long agreeing = votes.entrySet().stream()
          .filter(e -> before.contains(e.getKey()))
          .filter(e -> Boolean.valueOf(vote.add()).equals(e.getValue().get(vote.recipient())))
          .count();
      if (agreeing * 2 > before.size()) {
        TreeSet<Address> members = new TreeSet<>(before.validators());
        if (vote.add()) {
          members.add(vote.recipient());
        } else {
          members.remove(vote.recipient());
          votes.remove(vote.recipient());
        }
        if (!members.isEmpty()) {
          set = new ValidatorSet(members.stream().toList());
        }
        votes.values().forEach(v -> v.remove(vote.recipient()));
      }
    }
    if (epochBoundary) {
      votes.clear();
    }
    votes.values().removeIf(Map::isEmpty);
    Map<Address, Map<Address, Boolean>> frozen = new HashMap<>();
    votes.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new VoteTally(set, frozen);
  }
}
