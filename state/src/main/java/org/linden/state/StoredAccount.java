package org.linden.state;

import org.linden.evm.state.AccountInfo;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * An account as the state holds it: the EVM's view plus the root of its storage trie.
 * Encoded as Ethereum's rlp([nonce, balance, storageRoot, codeHash]), both in the flat
 * table and in the account trie.
 */
record StoredAccount(AccountInfo info, Hash storageRoot) {
  boolean hasStorage() {
    return !storageRoot.equals(MerkleTrie.EMPTY_ROOT);
  }

  Bytes encode() {
    return new RlpWriter(110)
        .startList()
        .writeUnsignedLong(info.nonce())
        .writeUInt256(info.balance())
        .writeBytes(storageRoot.bytes())
        .writeBytes(info.codeHash().bytes())
        .endList()
        .toBytes();
  }

  static StoredAccount decode(Bytes encoded) {
    RlpReader outer = RlpReader.of(encoded);
    RlpReader r = outer.readList();
    outer.ensureDone();
    long nonce = r.readUnsignedLong();
    var balance = r.readUInt256();
    Hash storageRoot = Hash.wrap(r.readBytes(Hash.SIZE));
    Hash codeHash = Hash.wrap(r.readBytes(Hash.SIZE));
    r.ensureDone();
    return new StoredAccount(new AccountInfo(nonce, balance, codeHash), storageRoot);
  }
}
