package org.linden.light;

import org.linden.evm.state.AccountInfo;
import org.linden.trie.MerkleTrie;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** An account as its proof shows it against a verified state root; an absent account is empty. */
public record ProvenAccount(long nonce, UInt256 balance, Hash storageRoot, Hash codeHash, boolean exists) {
  static final ProvenAccount ABSENT = new ProvenAccount(0, UInt256.ZERO, MerkleTrie.EMPTY_ROOT, AccountInfo.EMPTY_CODE_HASH, false);

  AccountInfo info() {
    return new AccountInfo(nonce, balance, codeHash);
  }
}
