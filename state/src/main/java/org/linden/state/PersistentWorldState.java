package org.linden.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.trie.MerkleTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The world state of the node, kept in a {@link KeyValueStore}: one current state in flat
 * tables for reads, the account trie and storage tries (nodes keyed by path) for roots and
 * proofs, and one reverse diff per block for going back.
 *
 * <p>Reads ({@link StateReader}) are single point lookups in the flat tables and never walk
 * a trie. {@link #apply} turns a block's {@link AccountChange}s into writes of a
 * {@link WriteBatch}: flat entries, the trie nodes on the changed paths, the new state
 * root pointer and the block's {@link StateDiff}; nothing is visible until the caller
 * commits the batch, together with the block itself. {@link #revert} undoes a block the
 * same way.
 *
 * <p>Updates start from the committed state: commit one block's batch before applying the
 * next. One writer at a time; readers may run concurrently, but a reader that spans a
 * commit can see values from both sides of it.
 */
public final class PersistentWorldState implements StateReader {
  private static final byte[] STATE_ROOT_KEY = MetaKey.STATE_ROOT.key();

  private final KeyValueStore store;
  private final FlatStateReader reads;

  public PersistentWorldState(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.reads = new FlatStateReader(ColumnReader.of(store));
  }

  /** The root of the current (committed) state; the empty trie's root for a new store. */
  public Hash stateRoot() {
    return store.get(Column.META, STATE_ROOT_KEY).map(Hash::wrap).orElse(MerkleTrie.EMPTY_ROOT);
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

  /** The root of the account's storage trie; the empty root if it has none or does not exist. */
  public Hash storageRoot(Address address) {
    return reads.storageRoot(address);
  }

  /**
   * Adds the writes that apply {@code changes} to {@code batch}, without recording a diff
   * (for genesis or tools: such an update cannot be reverted). Returns the new state root.
   */
  public Hash apply(List<AccountChange> changes, WriteBatch batch) {
    return update(changes, batch).postRoot();
  }

  /**
   * Adds the writes that apply block {@code blockHash}'s {@code changes} to {@code batch},
   * with the block's reverse diff, and returns the new state root.
   *
   * @throws IllegalArgumentException if a change carries code that does not hash to its
   *     code hash
   */
  public Hash apply(Hash blockHash, List<AccountChange> changes, WriteBatch batch) {
    StateDiff diff = update(changes, batch);
    batch.put(Column.STATE_DIFFS, blockHash.bytes().unsafeArray(), diff.encode().unsafeArray());
    return diff.postRoot();
  }

  /**
   * Works out the update {@code changes} make to the current state without writing
   * anything: its root, and the writes {@link #apply(Hash, Prepared, WriteBatch)} adds
   * later. A block builder needs the root for the header before the block can be
   * committed; preparing once lets the commit reuse the trie work instead of repeating it.
   */
  public Prepared prepare(List<AccountChange> changes) {
    Hash preRoot = stateRoot();
    StateUpdater updater = new StateUpdater(store, preRoot);
    for (AccountChange change : changes) {
      updater.apply(change);
    }
    Hash postRoot = updater.finish();
    return new Prepared(changes, preRoot, postRoot, updater.writes());
  }

  /**
   * Like {@link #apply(Hash, List, WriteBatch)} for an update prepared before. If the
   * state moved since it was prepared, the update is worked out again from its changes.
   */
  public Hash apply(Hash blockHash, Prepared prepared, WriteBatch batch) {
    Prepared p = prepared.preRoot.equals(stateRoot()) ? prepared : prepare(prepared.changes);
    StateDiff diff = p.write(batch);
    batch.put(Column.STATE_DIFFS, blockHash.bytes().unsafeArray(), diff.encode().unsafeArray());
    return diff.postRoot();
  }

  private StateDiff update(List<AccountChange> changes, WriteBatch batch) {
    return prepare(changes).write(batch);
  }

  /** A state update worked out against one state root and not written yet. */
  public static final class Prepared {
    private final List<AccountChange> changes;
    private final Hash preRoot;
    private final Hash postRoot;
    private final StateWriteSet writes;

    private Prepared(List<AccountChange> changes, Hash preRoot, Hash postRoot, StateWriteSet writes) {
      this.changes = changes;
      this.preRoot = preRoot;
      this.postRoot = postRoot;
      this.writes = writes;
    }

    /** The state root after the update. */
    public Hash postRoot() {
      return postRoot;
    }

    /** The account changes this update applies. */
    public List<AccountChange> changes() {
      return changes;
    }

    private StateDiff write(WriteBatch batch) {
      writes.flushTo(batch);
      return new StateDiff(preRoot, postRoot, writes.reverseEntries());
    }
  }

  /** The reverse diff stored for {@code blockHash}, if any. */
  public Optional<StateDiff> diff(Hash blockHash) {
    return store.get(Column.STATE_DIFFS, blockHash.bytes().unsafeArray()).map(b -> StateDiff.decode(Bytes.wrap(b)));
  }

  /**
   * Adds the writes that undo block {@code blockHash} to {@code batch} (flat tables, trie
   * nodes, state-root pointer) and the removal of its diff. Blocks are undone newest first.
   * Returns the state root before the block.
   *
   * @throws IllegalArgumentException if no diff is stored for the block
   * @throws IllegalStateException if the current state is not the block's post-state
   */
  public Hash revert(Hash blockHash, WriteBatch batch) {
    StateDiff diff = diff(blockHash)
        .orElseThrow(() -> new IllegalArgumentException("no state diff is stored for block " + blockHash));
    Hash current = stateRoot();
    if (!current.equals(diff.postRoot())) {
      throw new IllegalStateException("cannot revert block " + blockHash + ": the state is at " + current
          + ", not at the block's post-state " + diff.postRoot() + " (revert later blocks first)");
    }
    for (StateDiff.Entry e : diff.entries()) {
      if (e.absentBefore()) {
        batch.delete(e.column(), e.key().unsafeArray());
      } else {
        batch.put(e.column(), e.key().unsafeArray(), e.previous().unsafeArray());
      }
    }
    batch.delete(Column.STATE_DIFFS, blockHash.bytes().unsafeArray());
    return diff.preRoot();
  }

  /** Adds the removal of block {@code blockHash}'s diff to {@code batch}, once it is final. */
  public void dropDiff(Hash blockHash, WriteBatch batch) {
    batch.delete(Column.STATE_DIFFS, blockHash.bytes().unsafeArray());
  }

  /**
   * The EIP-1186 account proof of {@code address} against {@link #stateRoot()}: the trie
   * nodes from the root to the account or to where its absence shows. Empty if the store
   * lacks a node on the way (a damaged store).
   */
  public Optional<List<Bytes>> accountProof(Address address) {
    return reads.accountProof(stateRoot(), address);
  }

  /**
   * The EIP-1186 storage proof of {@code slot} against {@link #storageRoot(Address)}; an
   * empty list for an account without storage. Empty if the store lacks a node.
   */
  public Optional<List<Bytes>> storageProof(Address address, UInt256 slot) {
    return reads.storageProof(address, slot);
  }

  /**
   * The state as it was before the given recent blocks, read through their reverse diffs:
   * {@code blocksNewestFirst} starts with the last applied block and goes back one parent
   * at a time. The view is valid until the next commit to the store.
   *
   * @throws IllegalArgumentException if a block has no stored diff or the diffs do not
   *     chain from the current state root
   */
  public HistoricalState stateBefore(List<Hash> blocksNewestFirst) {
    List<StateDiff> diffs = new ArrayList<>();
    Hash expected = stateRoot();
    for (Hash block : blocksNewestFirst) {
      StateDiff diff = diff(block)
          .orElseThrow(() -> new IllegalArgumentException("no state diff is stored for block " + block));
      if (!diff.postRoot().equals(expected)) {
        throw new IllegalArgumentException("the diff of block " + block + " leads to " + diff.postRoot()
            + ", not to " + expected + ": the blocks are not the newest ones, newest first");
      }
      diffs.add(diff);
      expected = diff.preRoot();
    }
    return new HistoricalState(store, diffs, expected);
  }
}
