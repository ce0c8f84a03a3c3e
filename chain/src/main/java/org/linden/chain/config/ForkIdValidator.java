package org.linden.chain.config;

import java.util.List;
import org.linden.chain.config.ForkIdValidation.Outcome;

/**
 * The EIP-2124 rules for accepting a remote node's fork identifier, against the local
 * chain's {@link ForkIdSchedule} and current head. Both sides of a connection reach the
 * same verdict, so a rejected node does not keep reconnecting.
 *
 * <ol>
 *   <li>Same {@code FORK_HASH} as ours: accept, unless the remote announces a next fork
 *       that our head has already passed without us having it (1a: the chains differ).
 *   <li>The remote hash is one we had earlier: it is syncing; accept if its
 *       {@code FORK_NEXT} is the fork that followed that state for us, otherwise it lacks
 *       a fork we passed (remote stale).
 *   <li>The remote hash is one we will reach through forks we already know: we are syncing,
 *       accept.
 *   <li>Otherwise reject.
 * </ol>
 */
public final class ForkIdValidator {
  /**
   * A {@code FORK_NEXT} above this is a timestamp, not a block number. It is the timestamp
   * of mainnet block 1; block numbers will not reach it for a very long time.
   */
  static final long TIMESTAMP_THRESHOLD = 1_438_269_973L;

  private final ForkIdSchedule schedule;

  public ForkIdValidator(ForkIdSchedule schedule) {
    this.schedule = schedule;
  }

  /** Judges {@code remote} while the local head has this number and timestamp. */
  public ForkIdValidation validate(ForkId remote, long headNumber, long headTimestamp) {
    List<Long> forks = schedule.forks();
    int n = forks.size();
    // Find the first fork the local head has not passed; a fork at 2^64-1 stands for "none".
    int i = 0;
    long head = headNumber;
    long fork = -1L;
    for (; i < n; i++) {
      head = schedule.isTimeFork(i) ? headTimestamp : headNumber;
      if (Long.compareUnsigned(head, forks.get(i)) < 0) {
        fork = forks.get(i);
        break;
      }
    }
    if (i == n) {
      head = schedule.timeForks().isEmpty() ? headNumber : headTimestamp;
    }
    if (schedule.checksum(i) == remote.hash()) {
      long next = remote.next();
      boolean passedLocally = next != 0 && (Long.compareUnsigned(head, next) >= 0
          || (Long.compareUnsigned(next, TIMESTAMP_THRESHOLD) > 0 && Long.compareUnsigned(headTimestamp, next) >= 0));
      if (passedLocally) {
        return ForkIdValidation.reject(Outcome.LOCAL_INCOMPATIBLE_OR_STALE, "rule 1a: same fork state, but the remote's"
            + " next fork at " + Long.toUnsignedString(next) + " is already passed locally without that fork");
      }
      return ForkIdValidation.accept("rule 1: same fork state");
    }
    for (int j = 0; j < i; j++) {
      if (schedule.checksum(j) == remote.hash()) {
        long expected = forks.get(j);
        if (expected != remote.next()) {
          return ForkIdValidation.reject(Outcome.REMOTE_STALE, "rule 2: remote is in an earlier fork state and"
              + " announces next fork " + Long.toUnsignedString(remote.next()) + " instead of "
              + Long.toUnsignedString(expected));
        }
        return ForkIdValidation.accept("rule 2: remote is syncing through forks we passed");
      }
    }
    for (int j = i + 1; j <= n; j++) {
      if (schedule.checksum(j) == remote.hash()) {
        return ForkIdValidation.accept("rule 3: we are syncing towards the remote's fork state");
      }
    }
    return ForkIdValidation.reject(Outcome.LOCAL_INCOMPATIBLE_OR_STALE, "rule 4: fork hash "
        + remote.hashBytes().toHex() + " is not in this chain's history or known future (next local fork "
        + (fork == -1L ? "none" : Long.toUnsignedString(fork)) + ")");
  }
}
