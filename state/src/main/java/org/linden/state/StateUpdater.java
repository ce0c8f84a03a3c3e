package org.linden.state;

import java.util.Map;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * One block's state update: applies {@link AccountChange}s to the flat tables and to the
 * tries, touching only the dirty accounts and slots, and collects every write in a
 * {@link StateWriteSet}. Used once, then discarded.
 */
final class StateUpdater {
  private final StateWriteSet writes;
  private final FlatStateReader reads;
  private final TrackingNodeStore accountNodes;
  private final SecureTrie accountTrie;

  StateUpdater(KeyValueStore store, Hash preRoot) {
    this.writes = new StateWriteSet(store);
    this.reads = new FlatStateReader(writes);
    this.accountNodes = new TrackingNodeStore(writes, StateKeys.accountTriePrefix());
    this.accountTrie = SecureTrie.load(accountNodes, preRoot);
  }

  StateWriteSet writes() {
    return writes;
  }

  /** Applies one account's change; later changes to the same account see earlier ones. */
  void apply(AccountChange change) {
    Address address = change.address();
    Optional<StoredAccount> previous = reads.storedAccount(address);
    Hash accountHash = Keccak.hash256(address.bytes());
    if (change.deleted()) {
      if (previous.isPresent()) {
        clearStorage(address, accountHash);
        writes.delete(Column.ACCOUNTS, StateKeys.account(address));
        accountTrie.delete(address.bytes());
      }
      return;
    }
    Hash storageRoot = updateStorage(change, accountHash, previous);
    storeCode(change);
    Bytes encoded = new StoredAccount(change.info(), storageRoot).encode();
    writes.put(Column.ACCOUNTS, StateKeys.account(address), encoded);
    accountTrie.put(address.bytes(), encoded);
  }

  /** Commits the account trie into the write set and records the new root; returns it. */
  Hash finish() {
    Hash root = accountTrie.commit();
    accountNodes.pruneStale(root);
    writes.put(Column.META, Bytes.wrap(MetaKey.STATE_ROOT.key()), root.bytes());
    return root;
  }

  private Hash updateStorage(AccountChange change, Hash accountHash, Optional<StoredAccount> previous) {
    Hash root = MerkleTrie.EMPTY_ROOT;
    if (previous.isPresent()) {
      if (change.storageCleared()) {
        clearStorage(change.address(), accountHash);
      } else {
        root = previous.get().storageRoot();
      }
    }
    if (change.storage().isEmpty()) {
      return root;
    }
    TrackingNodeStore nodes = new TrackingNodeStore(writes, StateKeys.storageTriePrefix(accountHash));
    SecureTrie trie = SecureTrie.load(nodes, root);
    for (Map.Entry<UInt256, UInt256> slot : change.storage().entrySet()) {
      Bytes key = StateKeys.storage(change.address(), slot.getKey());
      if (slot.getValue().isZero()) {
        writes.delete(Column.STORAGE, key);
        trie.delete(slot.getKey().toBytes32());
      } else {
        Bytes value = slot.getValue().toMinimalBytes();
        writes.put(Column.STORAGE, key, value);
        trie.put(slot.getKey().toBytes32(), RlpWriter.encodeBytes(value));
      }
    }
    Hash newRoot = trie.commit();
    nodes.pruneStale(newRoot);
    return newRoot;
  }

  /** Removes every flat slot and every storage-trie node of the account. */
  private void clearStorage(Address address, Hash accountHash) {
    writes.deletePrefix(Column.STORAGE, StateKeys.storagePrefix(address));
    writes.deletePrefix(Column.TRIE_NODES, StateKeys.storageTriePrefix(accountHash));
  }

  private void storeCode(AccountChange change) {
    Bytes code = change.code();
    if (code == null || code.isEmpty()) {
      return;
    }
    Hash hash = change.info().codeHash();
    if (!Keccak.hash256(code).equals(hash)) {
      throw new IllegalArgumentException("the code given for " + change.address() + " does not hash to its code hash "
          + hash);
    }
    if (writes.get(Column.CODE, hash.bytes()).isEmpty()) {
      writes.put(Column.CODE, hash.bytes(), code);
    }
  }
}
