package org.linden.state;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A read-only state of a recent block: the current store seen through the reverse diffs
 * of the blocks after it. A key a diff holds takes its value from the oldest such diff
 * (the value just before the oldest block that changed it); any other key is unchanged
 * since and read from the store. Trie nodes come back the same way, so proofs against the
 * old root work. Obtained from {@link PersistentWorldState#stateBefore(List)}; valid until
 * the store's next commit.
 */
public final class HistoricalState implements StateReader {
  private final Hash stateRoot;
  private final FlatStateReader reads;

  HistoricalState(KeyValueStore store, List<StateDiff> diffsNewestFirst, Hash stateRoot) {
    this.stateRoot = stateRoot;
    Map<Column, Map<Bytes, Optional<Bytes>>> overlay = new EnumMap<>(Column.class);
    // Newest first, so an older diff's entry replaces a newer one's for the same key.
    for (StateDiff diff : diffsNewestFirst) {
      for (StateDiff.Entry e : diff.entries()) {
        overlay.computeIfAbsent(e.column(), c -> new HashMap<>()).put(e.key(), Optional.ofNullable(e.previous()));
      }
    }
    ColumnReader current = ColumnReader.of(store);
    this.reads = new FlatStateReader((column, key) -> {
      Map<Bytes, Optional<Bytes>> changed = overlay.get(column);
      Optional<Bytes> old = changed == null ? null : changed.get(key);
      return old != null ? old : current.get(column, key);
    });
  }

  /** The root of this state. */
  public Hash stateRoot() {
    return stateRoot;
  }

  @Override
  public Optional<AccountInfo> account(Address address) {
    return reads.account(address);
  }

  @Override
  public Bytes code(Hash codeHash) {
    return reads.code(codeHash);
  }

  @Override
  public boolean hasStorage(Address address) {
    return reads.hasStorage(address);
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    return reads.storage(address, slot);
  }

  public Hash storageRoot(Address address) {
    return reads.storageRoot(address);
  }

  /** The EIP-1186 account proof against {@link #stateRoot()}; empty if a node is missing. */
  public Optional<List<Bytes>> accountProof(Address address) {
    return reads.accountProof(stateRoot, address);
  }

  /** The EIP-1186 storage proof of {@code slot}; empty if a node is missing. */
  public Optional<List<Bytes>> storageProof(Address address, UInt256 slot) {
    return reads.storageProof(address, slot);
  }
}
