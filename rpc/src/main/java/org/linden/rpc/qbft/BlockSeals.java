package org.linden.rpc.qbft;

import java.util.List;
import org.linden.types.Address;

/**
 * Who made a QBFT block: the proposer (the header's beneficiary, as QBFT writes it), the
 * round it was committed in, and the validators whose commit seals it carries.
 */
public record BlockSeals(long number, Address proposer, int round, List<Address> committers) {
  public BlockSeals {
    committers = List.copyOf(committers);
  }
}
