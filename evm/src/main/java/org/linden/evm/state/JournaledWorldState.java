package org.linden.evm.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linden.crypto.Keccak;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A {@link WorldState} over a {@link StateReader}: accounts are loaded on first use and
 * every change is recorded as an undo step in one journal, so reverting a call is
 * rolling the journal back to a mark.
 */
public final class JournaledWorldState implements WorldState {
  private final StateReader backend;
  private final Map<Address, CachedAccount> accounts = new LinkedHashMap<>();
  private final List<Runnable> journal = new ArrayList<>();

  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final Set<Address> touched = new HashSet<>();
  private final Set<Address> destructed = new HashSet<>();
  private final Set<Address> created = new HashSet<>();
  private final List<Log> logs = new ArrayList<>();
  /**
   * The accounts whose storage the current transaction wrote or cleared: finishing it
   * visits only these, not every account loaded in the block (which made a block of many
   * transactions to new accounts quadratic).
   */
  private final List<CachedAccount> foldAtFinish = new ArrayList<>();
  private long refund;

  public JournaledWorldState(StateReader backend) {
    this.backend = backend;
  }

  private record SlotKey(Address address, UInt256 slot) {}

  /** Mutable cache entry of one account. */
  private final class CachedAccount {
    final Address address;
    boolean exists;
    long nonce;
    UInt256 balance;
    Hash codeHash;
    Bytes code;
    boolean codeChanged;
    boolean dirty;
    /** Every slot not in {@link #storage} is zero (account deleted or created anew). */
    boolean storageCleared;
    /** Same, as of the start of the current transaction. */
    boolean clearedAtTxStart;
    /** Created anew or deleted in the current transaction: its original storage starts over at the end of it. */
    boolean clearedInTx;
    /** Slots written since this state was created, with their current values. */
    HashMap<UInt256, UInt256> storage = new HashMap<>();
    /** Cache of slot values as of the start of the current transaction. */
    final HashMap<UInt256, UInt256> original = new HashMap<>();
    /** Slots written in the current transaction (a superset after reverts): what finishing it must fold in. */
    final java.util.HashSet<UInt256> writtenInTx = new java.util.HashSet<>();
    /** Listed in {@link #foldAtFinish}. */
    boolean foldPending;

    CachedAccount(Address address, Optional<AccountInfo> info) {
      this.address = address;
      exists = info.isPresent();
      nonce = info.map(AccountInfo::nonce).orElse(0L);
      balance = info.map(AccountInfo::balance).orElse(UInt256.ZERO);
      codeHash = info.map(AccountInfo::codeHash).orElse(AccountInfo.EMPTY_CODE_HASH);
    }

    Bytes code() {
      if (code == null) {
        code = codeHash.equals(AccountInfo.EMPTY_CODE_HASH) ? Bytes.EMPTY : backend.code(codeHash);
      }
      return code;
    }

    UInt256 originalValue(UInt256 slot) {
      UInt256 v = original.get(slot);
      if (v == null) {
        v = clearedAtTxStart ? UInt256.ZERO : backend.storage(address, slot);
        original.put(slot, v);
      }
      return v;
    }

    UInt256 currentValue(UInt256 slot) {
      UInt256 v = storage.get(slot);
      if (v != null) {
        return v;
      }
      return storageCleared && (clearedInTx || !clearedAtTxStart) ? UInt256.ZERO : originalValue(slot);
    }

    boolean isEmpty() {
      return nonce == 0 && balance.isZero() && codeHash.equals(AccountInfo.EMPTY_CODE_HASH);
    }
  }

  private CachedAccount load(Address address) {
    CachedAccount a = accounts.get(address);
    if (a == null) {
      a = new CachedAccount(address, backend.account(address));
      accounts.put(address, a);
    }
    return a;
  }

  /** Loads an account for writing: it exists from now on, and the change is journaled. */
  private CachedAccount loadForWrite(Address address) {
    CachedAccount a = load(address);
    if (!a.exists || !a.dirty) {
      boolean wasExisting = a.exists;
      boolean wasDirty = a.dirty;
      a.exists = true;
      a.dirty = true;
      journal.add(() -> {
        a.exists = wasExisting;
        a.dirty = wasDirty;
      });
    }
    return a;
  }

  @Override
  public boolean exists(Address address) {
    return load(address).exists;
  }

  @Override
  public boolean isEmpty(Address address) {
    CachedAccount a = load(address);
    return !a.exists || a.isEmpty();
  }

  @Override
  public long getNonce(Address address) {
    return load(address).nonce;
  }

  @Override
  public void setNonce(Address address, long nonce) {
    CachedAccount a = loadForWrite(address);
    long old = a.nonce;
    a.nonce = nonce;
    journal.add(() -> a.nonce = old);
  }

  @Override
  public UInt256 getBalance(Address address) {
    return load(address).balance;
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    CachedAccount a = loadForWrite(address);
    UInt256 old = a.balance;
    a.balance = balance;
    journal.add(() -> a.balance = old);
  }

  @Override
  public Bytes getCode(Address address) {
    CachedAccount a = load(address);
    return a.exists ? a.code() : Bytes.EMPTY;
  }

  @Override
  public Hash getCodeHash(Address address) {
    CachedAccount a = load(address);
    return a.exists ? a.codeHash : Hash.ZERO;
  }

  @Override
  public void setCode(Address address, Bytes code) {
    CachedAccount a = loadForWrite(address);
    Bytes oldCode = a.code;
    Hash oldHash = a.codeHash;
    boolean oldChanged = a.codeChanged;
    a.code = code;
    a.codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(code);
    a.codeChanged = true;
    journal.add(() -> {
      a.code = oldCode;
      a.codeHash = oldHash;
      a.codeChanged = oldChanged;
    });
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 slot) {
    CachedAccount a = load(address);
    return a.exists ? a.currentValue(slot) : UInt256.ZERO;
  }

  @Override
  public boolean hasStorage(Address address) {
    CachedAccount a = load(address);
    if (!a.exists) {
      return false;
    }
    for (UInt256 v : a.storage.values()) {
      if (!v.isZero()) {
        return true;
      }
    }
    return !a.storageCleared && backend.hasStorage(address);
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 slot) {
    CachedAccount a = load(address);
    return a.exists || a.dirty ? a.originalValue(slot) : UInt256.ZERO;
  }

  @Override
  public void setStorage(Address address, UInt256 slot, UInt256 value) {
    CachedAccount a = loadForWrite(address);
    UInt256 old = a.storage.get(slot);
    a.storage.put(slot, value);
    a.writtenInTx.add(slot);
    foldAtFinish(a);
    journal.add(() -> {
      if (old == null) {
        a.storage.remove(slot);
      } else {
        a.storage.put(slot, old);
      }
    });
  }

  @Override
  public UInt256 getTransientStorage(Address address, UInt256 slot) {
    return transientStorage.getOrDefault(new SlotKey(address, slot), UInt256.ZERO);
  }

  @Override
  public void setTransientStorage(Address address, UInt256 slot, UInt256 value) {
    SlotKey key = new SlotKey(address, slot);
    UInt256 old = transientStorage.put(key, value);
    journal.add(() -> {
      if (old == null) {
        transientStorage.remove(key);
      } else {
        transientStorage.put(key, old);
      }
    });
  }

  @Override
  public void createAccount(Address address) {
    CachedAccount a = loadForWrite(address);
    HashMap<UInt256, UInt256> oldStorage = a.storage;
    boolean oldCleared = a.storageCleared;
    boolean oldClearedInTx = a.clearedInTx;
    long oldNonce = a.nonce;
    Bytes oldCode = a.code;
    Hash oldHash = a.codeHash;
    boolean oldChanged = a.codeChanged;
    a.storage = new HashMap<>();
    a.storageCleared = true;
    a.clearedInTx = true;
    foldAtFinish(a);
    a.nonce = 0;
    a.code = Bytes.EMPTY;
    a.codeHash = AccountInfo.EMPTY_CODE_HASH;
    a.codeChanged = true;
    boolean added = created.add(address);
    journal.add(() -> {
      a.storage = oldStorage;
      a.storageCleared = oldCleared;
      a.clearedInTx = oldClearedInTx;
      a.nonce = oldNonce;
      a.code = oldCode;
      a.codeHash = oldHash;
      a.codeChanged = oldChanged;
      if (added) {
        created.remove(address);
      }
    });
  }

  @Override
  public boolean createdInTransaction(Address address) {
    return created.contains(address);
  }

  @Override
  public void markDestructed(Address address) {
    if (destructed.add(address)) {
      journal.add(() -> destructed.remove(address));
    }
  }

  @Override
  public boolean isDestructed(Address address) {
    return destructed.contains(address);
  }

  @Override
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.add(() -> touched.remove(address));
    }
  }

  @Override
  public boolean warmAddress(Address address) {
    if (warmAddresses.add(address)) {
      journal.add(() -> warmAddresses.remove(address));
      return false;
    }
    return true;
  }

  @Override
  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  @Override
  public boolean warmSlot(Address address, UInt256 slot) {
    SlotKey key = new SlotKey(address, slot);
    if (warmSlots.add(key)) {
      journal.add(() -> warmSlots.remove(key));
      return false;
    }
    return true;
  }

  @Override
  public void addRefund(long gas) {
    long old = refund;
    refund += gas;
    journal.add(() -> refund = old);
  }

  @Override
  public void subtractRefund(long gas) {
    long old = refund;
    refund -= gas;
    journal.add(() -> refund = old);
  }

  @Override
  public long getRefund() {
    return refund;
  }

  @Override
  public void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  @Override
  public List<Log> logs() {
    return List.copyOf(logs);
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertTo(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      journal.remove(i).run();
    }
  }

  @Override
  public void beginTransaction() {
    journal.clear();
    warmAddresses.clear();
    warmSlots.clear();
    transientStorage.clear();
    touched.clear();
    destructed.clear();
    created.clear();
    logs.clear();
    refund = 0;
  }

  @Override
  public void finishTransaction(boolean deleteEmptyTouched) {
    for (Address address : destructed) {
      delete(load(address));
    }
    if (deleteEmptyTouched) {
      for (Address address : touched) {
        CachedAccount a = load(address);
        if (a.exists && a.isEmpty()) {
          delete(a);
        }
      }
    }
    for (CachedAccount a : foldAtFinish) {
      a.foldPending = false;
      // A clear in this transaction, even of an account cleared before in the block (created,
      // written, then destructed), leaves the next one nothing but what was written since.
      if (a.clearedInTx && a.storageCleared) {
        a.original.clear();
        a.clearedAtTxStart = true;
      }
      a.clearedInTx = false;
      // Only this transaction's writes: folding the whole block's storage in again would make a block quadratic.
      for (UInt256 slot : a.writtenInTx) {
        UInt256 v = a.storage.get(slot);
        if (v != null) {
          a.original.put(slot, v);
        }
      }
      a.writtenInTx.clear();
    }
    foldAtFinish.clear();
    journal.clear();
  }

  private void delete(CachedAccount a) {
    a.exists = false;
    a.dirty = true;
    a.nonce = 0;
    a.balance = UInt256.ZERO;
    a.code = Bytes.EMPTY;
    a.codeHash = AccountInfo.EMPTY_CODE_HASH;
    a.codeChanged = true;
    a.storage = new HashMap<>();
    a.storageCleared = true;
    a.clearedInTx = true;
    foldAtFinish(a);
  }

  private void foldAtFinish(CachedAccount a) {
    if (!a.foldPending) {
      a.foldPending = true;
      foldAtFinish.add(a);
    }
  }

  @Override
  public List<AccountChange> changes() {
    List<AccountChange> out = new ArrayList<>();
    for (CachedAccount a : accounts.values()) {
      if (!a.dirty) {
        continue;
      }
      if (!a.exists) {
        out.add(new AccountChange(a.address, null, null, true, Map.of()));
        continue;
      }
      Map<UInt256, UInt256> slots = new HashMap<>(a.storage);
      out.add(new AccountChange(
          a.address,
          new AccountInfo(a.nonce, a.balance, a.codeHash),
          a.codeChanged ? a.code() : null,
          a.storageCleared,
          slots));
    }
    return out;
  }
}
