package org.linden.rpc.qbft;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.types.Address;

/** What the {@code qbft} namespace needs from a node running QBFT. */
public interface QbftNode {
  /** Records this validator's vote to add ({@code add}) or remove {@code recipient}; it is cast in the blocks it proposes. */
  void proposeVote(Address recipient, boolean add);

  /** Forgets this validator's pending vote about {@code recipient}. */
  void discardVote(Address recipient);

  /** This validator's pending votes: recipient to add (true) or remove (false). */
  Map<Address, Boolean> pendingVotes();

  /** The validators that decided block {@code number} (the genesis set for 0); empty past the head. */
  Optional<List<Address>> validatorsOfBlock(long number);

  /** The head's number, for the {@code latest} tag. */
  long headNumber();

  /**
   * The proposer, round and committers of block {@code number}, recovered from its commit
   * seals; empty past the head or for a block without seals (the genesis).
   */
  default java.util.Optional<BlockSeals> sealsOfBlock(long number) {
    return java.util.Optional.empty();
  }
}
