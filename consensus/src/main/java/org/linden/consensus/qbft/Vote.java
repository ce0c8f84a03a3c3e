package org.linden.consensus.qbft;

import org.linden.types.Address;

/**
 * A proposer's vote, carried in a header's {@code extraData}, to add ({@code add}) or
 * remove a validator. Encoded as Besu does: RLP([recipient, 0xff to add | 0x00 to drop]).
 */
public record Vote(Address recipient, boolean add) {
  public Vote {
    if (recipient == null) {
      throw new IllegalArgumentException("a vote needs a recipient");
    }
  }
}
