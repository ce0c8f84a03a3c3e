package org.linden.consensus.qbft;

import java.util.List;
import org.linden.types.Address;

/**
 * The validators of one height, sorted by address so that every node derives the same
 * proposer order from the same set.
 */
public record ValidatorSet(List<Address> validators) {
  public ValidatorSet {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set cannot be empty");
    }
    List<Address> sorted = validators.stream().sorted().distinct().toList();
    if (sorted.size() != validators.size()) {
      throw new IllegalArgumentException("duplicate validator in " + validators);
    }
    validators = sorted;
  }

  /** A set from addresses in any order. */
  public static ValidatorSet of(Address... validators) {
    return new ValidatorSet(List.of(validators));
  }

  public int size() {
    return validators.size();
  }

  public boolean contains(Address address) {
    return validators.contains(address);
  }

  /**
   * The number of distinct validators whose agreement makes a decision: ceil(2n/3).
   * Any two quorums then share at least one honest validator when at most f = (n-1)/3
   * are faulty, which is what makes two different commits at one height impossible.
   */
  public int quorum() {
    return (2 * size() + 2) / 3;
  }

  /** f + 1: enough round changes that at least one of them comes from an honest node. */
  public int roundChangeTrigger() {
    return (size() - 1) / 3 + 1;
  }

  /**
   * The proposer of {@code round} at {@code height}: round-robin over the sorted set,
   * offset by height so the first proposer rotates from block to block, and by round so
   * a silent proposer is skipped after a round change.
   */
  public Address proposer(long height, int round) {
    long index = Math.floorMod(height + round, (long) size());
    return validators.get((int) index);
  }
}
