package org.linden.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.consensus.qbft.Vote;
import org.linden.types.Address;

/**
 * The validator changes a generated chain votes for: every {@code every} blocks one change
 * starts, alternately adding a validator with a fresh key and removing the longest-serving
 * one, so the set keeps its size within one and is replaced, member by member, many times
 * over a long chain. Until the change takes effect every proposer casts the vote, as
 * validators asked to vote (qbft_proposeValidatorVote) do; a change that is still pending
 * at the next start delays the next one.
 */
final class VotePlan {
  /** A change as it took effect: the validators after block {@code block} gained or lost {@code validator}. */
  record Change(long block, Address validator, boolean added) {}

  private final long every;
  private final Supplier<Address> fresh;
  /** Current validators, longest-serving first. */
  private final Deque<Address> seniority = new ArrayDeque<>();
  private Vote pending;
  private long started;

  /**
   * @param every blocks between the starts of two changes; 0 for no changes
   * @param fresh the address of a new validator (whose key the caller keeps)
   */
  VotePlan(ValidatorSet genesis, long every, Supplier<Address> fresh) {
    this.every = every;
    this.fresh = fresh;
    seniority.addAll(genesis.validators());
  }

  /** The vote the proposer of block {@code number} casts, if any. */
  Optional<Vote> voteAt(long number) {
    if (pending == null && every > 0 && number % every == 0) {
      pending = started++ % 2 == 0 ? new Vote(fresh.get(), true) : new Vote(seniority.peekFirst(), false);
    }
    return Optional.ofNullable(pending);
  }

  /** The validators the changes so far leave, as a set. */
  ValidatorSet members() {
    return new ValidatorSet(java.util.List.copyOf(seniority));
  }

  /** Tells the plan the validators after block {@code number}; returns the change that took effect there, if any. */
  Optional<Change> after(long number, ValidatorSet validators) {
    if (pending == null || validators.contains(pending.recipient()) != pending.add()) {
      return Optional.empty();
    }
    if (pending.add()) {
      seniority.addLast(pending.recipient());
    } else {
      seniority.remove(pending.recipient());
    }
    Change done = new Change(number, pending.recipient(), pending.add());
    pending = null;
    return Optional.of(done);
  }
}
