package org.linden.evm.state;

import org.linden.crypto.Keccak;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** An account as stored: nonce, balance and the hash of its code (storage is read by slot). */
public record AccountInfo(long nonce, UInt256 balance, Hash codeHash) {
  public static final Hash EMPTY_CODE_HASH = Keccak.EMPTY_HASH;

  /** EIP-161 "empty": no nonce, no balance, no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(EMPTY_CODE_HASH);
  }
}
