package org.linden.consensus.qbft;

import org.linden.chain.block.Block;

/** An input to {@link QbftEngine#handle}: everything that can change the engine's state. */
public sealed interface Event {
  /** A message from the network (decoded, not yet checked: the engine checks it). */
  record MessageReceived(QbftMessage message) implements Event {}

  /** The timer started by {@link Action.StartRoundTimer} for this height and round fired. */
  record RoundTimerExpired(long height, int round) implements Event {}

  /** The timer started by {@link Action.StartBlockTimer} for this height fired: time to propose. */
  record BlockTimerExpired(long height) implements Event {}

  /**
   * A block was imported from elsewhere (sync) at or beyond the current height. The engine
   * accepts it only if its commit seals verify, then starts the next height.
   */
  record NewChainHead(Block block) implements Event {}
}
