package org.linden.evm;

import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** A state with one account, holding code and nothing else: enough to run that code. */
final class OneContractState implements StateReader {
  private final Address address;
  private final Bytes code;
  private final Hash codeHash;

  OneContractState(Address address, Bytes code) {
    this.address = address;
    this.code = code;
    this.codeHash = Keccak.hash256(code);
  }

  @Override
  public Optional<AccountInfo> account(Address a) {
    return a.equals(address) ? Optional.of(new AccountInfo(1, UInt256.ZERO, codeHash)) : Optional.empty();
  }

  @Override
  public Bytes code(Hash hash) {
    return hash.equals(codeHash) ? code : Bytes.EMPTY;
  }

  @Override
  public boolean hasStorage(Address a) {
    return false;
  }

  @Override
  public UInt256 storage(Address a, UInt256 slot) {
    return UInt256.ZERO;
  }
}
