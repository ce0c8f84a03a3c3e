package org.linden.state;

import java.util.List;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountInfo;
import org.linden.trie.MerkleTrie;
import org.linden.trie.MissingNodeException;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The read side of the state over any {@link ColumnReader}: accounts, code and slots from
 * the flat tables (one point read each, no trie walk), proofs from the trie nodes.
 */
final class FlatStateReader {
  private final ColumnReader reader;

  FlatStateReader(ColumnReader reader) {
    this.reader = reader;
  }

  Optional<StoredAccount> storedAccount(Address address) {
    return reader.get(Column.ACCOUNTS, StateKeys.account(address)).map(StoredAccount::decode);
  }

  Optional<AccountInfo> account(Address address) {
    return storedAccount(address).map(StoredAccount::info);
  }

  Bytes code(Hash codeHash) {
    if (codeHash.equals(AccountInfo.EMPTY_CODE_HASH)) {
      return Bytes.EMPTY;
    }
    return reader.get(Column.CODE, codeHash.bytes())
        .orElseThrow(() -> new IllegalStateException("code not found for hash " + codeHash));
  }

  boolean hasStorage(Address address) {
    return storedAccount(address).map(StoredAccount::hasStorage).orElse(false);
  }

  UInt256 storage(Address address, UInt256 slot) {
    return reader.get(Column.STORAGE, StateKeys.storage(address, slot)).map(UInt256::fromBytes).orElse(UInt256.ZERO);
  }

  Hash storageRoot(Address address) {
    return storedAccount(address).map(StoredAccount::storageRoot).orElse(MerkleTrie.EMPTY_ROOT);
  }

  Optional<List<Bytes>> accountProof(Hash stateRoot, Address address) {
    try {
      SecureTrie trie = SecureTrie.load(new TrieNodeReader(reader, StateKeys.accountTriePrefix()), stateRoot);
      return Optional.of(trie.proof(address.bytes()));
    } catch (MissingNodeException e) {
      return Optional.empty();
    }
  }

  Optional<List<Bytes>> storageProof(Address address, UInt256 slot) {
    Hash root = storageRoot(address);
    Bytes prefix = StateKeys.storageTriePrefix(Keccak.hash256(address.bytes()));
    try {
      SecureTrie trie = SecureTrie.load(new TrieNodeReader(reader, prefix), root);
      return Optional.of(trie.proof(slot.toBytes32()));
    } catch (MissingNodeException e) {
      return Optional.empty();
    }
  }
}
