package org.linden.consensus.qbft;

import org.linden.chain.block.Block;

/** An output of {@link QbftEngine}: something the host does on the engine's behalf. */
public sealed interface Action {
  /** Send {@code message} to every other validator. The engine has already processed it itself. */
  record Broadcast(QbftMessage message) implements Action {}

  /**
   * Deliver {@link Event.RoundTimerExpired} for this height and round after {@code delayMillis}.
   * Earlier timers need not be cancelled: the engine ignores expiries of rounds it left.
   */
  record StartRoundTimer(long height, int round, long delayMillis) implements Action {}

  /**
   * Deliver {@link Event.BlockTimerExpired} for {@code height} after {@code delayMillis}:
   * the block period, after which round 0 starts and its proposer proposes. It also keeps
   * a single-validator network from committing heights in one unbounded burst.
   */
  record StartBlockTimer(long height, long delayMillis) implements Action {}

  /** Import {@code block}: it is final, and its header carries a quorum of commit seals. */
  record CommitBlock(Block block) implements Action {}

  /** {@code message} was refused; the host may penalise the peer that sent it. */
  record Rejected(QbftMessage message, String reason) implements Action {}

  /** An imported block was refused because its seals do not verify. */
  record RejectedBlock(Block block, String reason) implements Action {}
}
