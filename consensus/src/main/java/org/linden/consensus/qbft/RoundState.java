package org.linden.consensus.qbft;

import java.util.LinkedHashMap;
import java.util.Map;
import org.linden.chain.block.Block;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * What one node has seen of one round. Messages are kept per author, first one wins, so
 * an author who sends two conflicting messages is counted once and never twice.
 */
final class RoundState {
  Proposal proposal;
  Block block;
  Hash digest;
  boolean proposed;
  boolean sentCommit;
  final Map<Address, SignedPayload<PreparePayload>> prepares = new LinkedHashMap<>();
  final Map<Address, SignedPayload<CommitPayload>> commits = new LinkedHashMap<>();
  final Map<Address, RoundChange> roundChanges = new LinkedHashMap<>();
}
