package org.linden.evm;

import java.util.List;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/** A log entry emitted by LOG0..LOG4. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
  }
}
