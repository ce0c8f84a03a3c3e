package org.linden.consensus.qbft;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.linden.chain.block.Block;
import org.linden.types.Hash;

/** A node's state for the height it is deciding; discarded once the height is committed. */
final class HeightState {
  /** The latest prepared certificate: kept across rounds, reported in round changes. */
  record Prepared(int round, Block block, Hash digest, List<SignedPayload<PreparePayload>> prepares) {}

  final long height;
  int round;
  /** Whether the block period has passed and round 0's timer runs. */
  boolean roundZeroStarted;
  Prepared prepared;
  final TreeMap<Integer, RoundState> rounds = new TreeMap<>();
  /** Ids of messages already handled at this height, for duplicate suppression. */
  final Set<Hash> seen = new HashSet<>();

  HeightState(long height) {
    this.height = height;
  }

  RoundState round(int r) {
    return rounds.computeIfAbsent(r, k -> new RoundState());
  }
}
