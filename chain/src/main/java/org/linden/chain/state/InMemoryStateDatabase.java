package org.linden.chain.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * World state held in maps, for tests and tools: accounts, code by hash and storage by
 * account. The state root is computed on demand with the secure trie, exactly as the
 * persistent state computes it.
 */
public final class InMemoryStateDatabase implements StateReader {
  private final Map<Address, AccountInfo> accounts = new HashMap<>();
  private final Map<Hash, Bytes> codes = new HashMap<>();
  private final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();

  /** An independent copy (code is shared: it is immutable). */
  public InMemoryStateDatabase copy() {
    InMemoryStateDatabase c = new InMemoryStateDatabase();
    c.accounts.putAll(accounts);
    c.codes.putAll(codes);
    storage.forEach((a, s) -> c.storage.put(a, new HashMap<>(s)));
    return c;
  }

  /** Sets an account outright (genesis allocations, test pre-states). */
  public void putAccount(Address address, long nonce, UInt256 balance, Bytes code, Map<UInt256, UInt256> slots) {
    Hash codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(code);
    if (!code.isEmpty()) {
      codes.put(codeHash, code);
    }
    accounts.put(address, new AccountInfo(nonce, balance, codeHash));
    Map<UInt256, UInt256> s = new HashMap<>();
    slots.forEach((k, v) -> {
      if (!v.isZero()) {
        s.put(k, v);
      }
    });
    storage.put(address, s);
  }

  @Override
  public Optional<AccountInfo> account(Address address) {
    return Optional.ofNullable(accounts.get(address));
  }

  @Override
  public Bytes code(Hash codeHash) {
    Bytes c = codes.get(codeHash);
    if (c == null) {
      throw new IllegalStateException("code not found for hash " + codeHash);
    }
    return c;
  }

  @Override
  public boolean hasStorage(Address address) {
    Map<UInt256, UInt256> s = storage.get(address);
    return s != null && !s.isEmpty();
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    Map<UInt256, UInt256> s = storage.get(address);
    return s == null ? UInt256.ZERO : s.getOrDefault(slot, UInt256.ZERO);
  }

  /** Applies the changes a block made. */
  public void apply(Iterable<AccountChange> changes) {
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
      Map<UInt256, UInt256> s = c.storageCleared() ? new HashMap<>() : storage.computeIfAbsent(c.address(), k -> new HashMap<>());
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

  public Map<Address, AccountInfo> accounts() {
    return new TreeMap<>(accounts);
  }

  public Map<UInt256, UInt256> storageOf(Address address) {
    return Map.copyOf(storage.getOrDefault(address, Map.of()));
  }

  /** The storage root of one account. */
  public Hash storageRoot(Address address) {
    Map<UInt256, UInt256> s = storage.get(address);
    if (s == null || s.isEmpty()) {
      return MerkleTrie.EMPTY_ROOT;
    }
    SecureTrie trie = new SecureTrie();
    s.forEach((k, v) -> trie.put(k.toBytes32(), RlpWriter.encodeBytes(v.toMinimalBytes())));
    return trie.rootHash();
  }

  /** The state root: secure trie of address → rlp([nonce, balance, storageRoot, codeHash]). */
  public Hash stateRoot() {
    SecureTrie trie = new SecureTrie();
    accounts.forEach((address, info) -> trie.put(address.bytes(), encodeAccount(info, storageRoot(address))));
    return trie.rootHash();
  }

  public static Bytes encodeAccount(AccountInfo info, Hash storageRoot) {
    return new RlpWriter(110)
        .startList()
        .writeUnsignedLong(info.nonce())
        .writeUInt256(info.balance())
        .writeBytes(storageRoot.bytes())
        .writeBytes(info.codeHash().bytes())
        .endList()
        .toBytes();
  }
}
