package org.linden.evm.state;

import java.util.Optional;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Read access to committed state: the three questions the EVM asks of a database. The
 * in-memory state of the tests and the persistent state of the node both answer them.
 */
public interface StateReader {
  /** The account, or empty if it does not exist. */
  Optional<AccountInfo> account(Address address);

  /** Code by its hash; the empty code hash gives empty bytes. */
  Bytes code(Hash codeHash);

  /** True if the account has any non-zero storage slot (EIP-7610 creation collisions). */
  boolean hasStorage(Address address);

  /** A storage slot's value, zero if unset. */
  UInt256 storage(Address address, UInt256 slot);
}
