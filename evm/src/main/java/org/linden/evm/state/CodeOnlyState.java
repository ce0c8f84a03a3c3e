package org.linden.evm.state;

import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A state with no accounts ({@link #EMPTY}), or with one account that holds code and nothing
 * else ({@link #of}): enough to run init code on a fresh chain, or a contract's code without a
 * database (benchmarks, tests, checking a tracer's options).
 */
public final class CodeOnlyState implements StateReader {
  /** No accounts at all. */
  public static final CodeOnlyState EMPTY = new CodeOnlyState(null, Bytes.EMPTY);

  private final Address address;
  private final Bytes code;
  private final Hash codeHash;

  private CodeOnlyState(Address address, Bytes code) {
    this.address = address;
    this.code = code;
    this.codeHash = Keccak.hash256(code);
  }

  /** A state whose only account is {@code address}, with nonce 1, no balance and {@code code}. */
  public static CodeOnlyState of(Address address, Bytes code) {
    return new CodeOnlyState(address, code);
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
