package org.linden.evm;

import java.util.List;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** What the EVM can see of the transaction: ORIGIN, GASPRICE and BLOBHASH. */
public record TxContext(Address origin, UInt256 gasPrice, List<Hash> blobHashes) {
  public TxContext {
    blobHashes = List.copyOf(blobHashes);
  }
}
