package org.linden.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.trie.NodeStore;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The obvious model of a world state, with the semantics of chain's InMemoryStateDatabase
 * (which the state module cannot depend on): maps, and roots computed from scratch with
 * fresh secure tries. The persistent state must agree with it on every root and read.
 */
final class ReferenceState {
  final Map<Address, AccountInfo> accounts = new TreeMap<>();
  final Map<Hash, Bytes> codes = new HashMap<>();
  final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();

  void apply(Iterable<AccountChange> changes) {
    for (AccountChange c : changes) {
      if (c.deleted()) {
        accounts.remove(c.address());
        storage.remove(c.address());
        continue;
      }
      accounts.put(c.address(), c.info());
      if (c.code() != null && !c.code().isEmpty()) {
        codes.put(c.info().codeHash(), c.code());
      }
      Map<UInt256, UInt256> s =
          c.storageCleared() ? new HashMap<>() : storage.computeIfAbsent(c.address(), k -> new HashMap<>());
      c.storage().forEach((k, v) -> {
        if (v.isZero()) {
          s.remove(k);
        } else {
          s.put(k, v);
        }
      });
      storage.put(c.address(), s);
    }
  }

  Optional<AccountInfo> account(Address a) {
    return Optional.ofNullable(accounts.get(a));
  }

  UInt256 slot(Address a, UInt256 slot) {
    return storage.getOrDefault(a, Map.of()).getOrDefault(slot, UInt256.ZERO);
  }

  boolean hasStorage(Address a) {
    return accounts.containsKey(a) && !storage.getOrDefault(a, Map.of()).isEmpty();
  }

  Hash storageRoot(Address a) {
    return storageTrie(a, new RecordingStore(Bytes.EMPTY, new TreeMap<>())).rootHash();
  }

  Hash stateRoot() {
    return accountTrie(new RecordingStore(Bytes.EMPTY, new TreeMap<>())).rootHash();
  }

  /**
   * Exactly the TRIE_NODES column a store holding only this state should have: every
   * stored node of a freshly built account trie and storage tries, keyed by path.
   */
  TreeMap<Bytes, Bytes> expectedTrieNodes() {
    TreeMap<Bytes, Bytes> out = new TreeMap<>();
    for (Address a : accounts.keySet()) {
      Bytes prefix = StateKeys.storageTriePrefix(Keccak.hash256(a.bytes()));
      SecureTrie t = storageTrie(a, new RecordingStore(prefix, out));
      if (!t.isEmpty()) {
        t.commit();
      }
    }
    SecureTrie t = accountTrie(new RecordingStore(StateKeys.accountTriePrefix(), out));
    if (!t.isEmpty()) {
      t.commit();
    }
    return out;
  }

  private SecureTrie storageTrie(Address a, NodeStore store) {
    SecureTrie trie = new SecureTrie(store);
    storage.getOrDefault(a, Map.of())
        .forEach((k, v) -> trie.put(k.toBytes32(), RlpWriter.encodeBytes(v.toMinimalBytes())));
    return trie;
  }

  private SecureTrie accountTrie(NodeStore store) {
    SecureTrie trie = new SecureTrie(store);
    accounts.forEach((a, info) -> trie.put(a.bytes(), new StoredAccount(info, storageRoot(a)).encode()));
    return trie;
  }

  /** Records committed nodes the way the TRIE_NODES column keys them. */
  private record RecordingStore(Bytes prefix, Map<Bytes, Bytes> out) implements NodeStore {
    @Override
    public Optional<Bytes> get(Bytes path, Hash hash) {
      return Optional.empty();
    }

    @Override
    public void put(Bytes path, Hash hash, Bytes encoded) {
      out.put(Bytes.concat(prefix, path), Bytes.concat(hash.bytes(), encoded));
    }
  }

  static Hash emptyRoot() {
    return MerkleTrie.EMPTY_ROOT;
  }
}
