package org.linden.chain.config;

/**
 * The verdict of {@link ForkIdValidator} on a remote fork identifier, with the rule that
 * decided it in words, for logs and disconnect messages.
 *
 * @param outcome accept, or which side is at fault
 * @param reason which EIP-2124 rule applied and why
 */
public record ForkIdValidation(Outcome outcome, String reason) {
  /** What to do with the remote node. */
  public enum Outcome {
    /** Same fork state, or one side is syncing towards the other: connect. */
    ACCEPTED,
    /** The remote node is behind on forks that it does not know of: it needs a software update. */
    REMOTE_STALE,
    /** The chains differ, or the remote passed a fork this node does not know of. */
    LOCAL_INCOMPATIBLE_OR_STALE
  }

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }

  static ForkIdValidation accept(String reason) {
    return new ForkIdValidation(Outcome.ACCEPTED, reason);
  }

  static ForkIdValidation reject(Outcome outcome, String reason) {
    return new ForkIdValidation(outcome, reason);
  }
}
