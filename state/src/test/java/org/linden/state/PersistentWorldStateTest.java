package org.linden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class PersistentWorldStateTest {
  private static final List<Column> STATE_COLUMNS =
      List.of(Column.META, Column.ACCOUNTS, Column.STORAGE, Column.CODE, Column.TRIE_NODES);

  @TempDir
  Path dir;

  private static Hash blockHash(String fork, int number) {
    return Keccak.hash256(Bytes.wrap((fork + "/" + number).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static Hash commit(KeyValueStore store, PersistentWorldState state, Hash block, List<AccountChange> changes) {
    try (WriteBatch batch = store.newBatch()) {
      Hash root = block == null ? state.apply(changes, batch) : state.apply(block, changes, batch);
      batch.commit();
      return root;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void rootsReadsAndStoredNodesMatchTheReferenceOnRandomBlocks(long seed) {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(seed, 24, 10, model);
    for (int block = 0; block < 80; block++) {
      List<AccountChange> changes = random.nextBlock(8);
      model.apply(changes);
      Hash root = commit(store, state, blockHash("main", block), changes);
      assertThat(root).as("root after block %d", block).isEqualTo(model.stateRoot());
      assertThat(state.stateRoot()).isEqualTo(root);
      if (block % 10 == 9) {
        assertSameReads(state, model, random);
        // Only the nodes of the current tries remain: overwritten, collapsed and
        // cleared nodes were all removed.
        assertThat(dump(store, Column.TRIE_NODES)).isEqualTo(model.expectedTrieNodes());
      }
    }
  }

  @Test
  void applyingAllChangesInOneBlockMatchesApplyingThemOneByOne() {
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(42, 30, 12, model);
    List<List<AccountChange>> blocks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<AccountChange> changes = random.nextBlock(6);
      model.apply(changes);
      blocks.add(changes);
    }
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    // Later changes to the same account in one list see the earlier ones.
    commit(store, state, null, blocks.stream().flatMap(List::stream).toList());
    assertThat(state.stateRoot()).isEqualTo(model.stateRoot());
    assertThat(dump(store, Column.TRIE_NODES)).isEqualTo(model.expectedTrieNodes());
  }

  @Test
  void aPreparedUpdateWritesWhatADirectApplyWritesAndCanBeReverted() {
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(11, 24, 10, model);
    KeyValueStore direct = new InMemoryKeyValueStore();
    KeyValueStore viaPrepared = new InMemoryKeyValueStore();
    PersistentWorldState a = new PersistentWorldState(direct);
    PersistentWorldState b = new PersistentWorldState(viaPrepared);
    for (int i = 0; i < 20; i++) {
      List<AccountChange> changes = random.nextBlock(8);
      model.apply(changes);
      commit(direct, a, blockHash("main", i), changes);
      PersistentWorldState.Prepared prepared = b.prepare(changes);
      assertThat(prepared.postRoot()).isEqualTo(model.stateRoot());
      // Preparing writes nothing.
      assertThat(b.stateRoot()).isNotEqualTo(prepared.postRoot());
      try (WriteBatch batch = viaPrepared.newBatch()) {
        assertThat(b.apply(blockHash("main", i), prepared, batch)).isEqualTo(model.stateRoot());
        batch.commit();
      }
      assertThat(dumpState(viaPrepared)).as("block %d", i).isEqualTo(dumpState(direct));
      assertThat(b.diff(blockHash("main", i))).isEqualTo(a.diff(blockHash("main", i)));
    }
    try (WriteBatch batch = viaPrepared.newBatch()) {
      b.revert(blockHash("main", 19), batch);
      batch.commit();
    }
    try (WriteBatch batch = direct.newBatch()) {
      a.revert(blockHash("main", 19), batch);
      batch.commit();
    }
    assertThat(dumpState(viaPrepared)).isEqualTo(dumpState(direct));
  }

  @Test
  void anUpdatePreparedOnAnOlderStateIsWorkedOutAgain() {
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(12, 24, 10, model);
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    List<AccountChange> first = random.nextBlock(8);
    model.apply(first);
    List<AccountChange> second = random.nextBlock(8);
    // Prepared before the first block is committed: its writes assume the empty state.
    PersistentWorldState.Prepared stale = state.prepare(second);
    commit(store, state, blockHash("main", 0), first);
    model.apply(second);
    try (WriteBatch batch = store.newBatch()) {
      assertThat(state.apply(blockHash("main", 1), stale, batch)).isEqualTo(model.stateRoot());
      batch.commit();
    }
    assertThat(state.stateRoot()).isEqualTo(model.stateRoot());
    assertThat(dump(store, Column.TRIE_NODES)).isEqualTo(model.expectedTrieNodes());
  }

  @Test
  void aNewStateIsTheEmptyTrie() {
    PersistentWorldState state = new PersistentWorldState(new InMemoryKeyValueStore());
    Address a = Address.fromNumber(7);
    assertThat(state.stateRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(state.account(a)).isEmpty();
    assertThat(state.hasStorage(a)).isFalse();
    assertThat(state.storage(a, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(state.code(AccountInfo.EMPTY_CODE_HASH)).isEqualTo(Bytes.EMPTY);
    assertThat(state.accountProof(a)).contains(List.of());
    assertThat(SecureTrie.verifyProof(MerkleTrie.EMPTY_ROOT, a.bytes(), List.of())).isEmpty();
  }

  @Test
  void deletingEveryAccountLeavesNoTrieNodes() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(9, 10, 6, model);
    for (int i = 0; i < 20; i++) {
      List<AccountChange> changes = random.nextBlock(6);
      model.apply(changes);
      commit(store, state, null, changes);
    }
    List<AccountChange> deletes = random.addresses.stream()
        .map(a -> new AccountChange(a, null, null, true, Map.of()))
        .toList();
    assertThat(commit(store, state, null, deletes)).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(dump(store, Column.TRIE_NODES)).isEmpty();
    assertThat(dump(store, Column.ACCOUNTS)).isEmpty();
    assertThat(dump(store, Column.STORAGE)).isEmpty();
  }

  @Test
  void revertRestoresEveryStoredKeyRootAndRead() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(7, 20, 8, model);
    List<Map<Column, TreeMap<Bytes, Bytes>>> snapshots = new ArrayList<>();
    List<Hash> roots = new ArrayList<>();
    List<List<AccountChange>> blocks = new ArrayList<>();
    snapshots.add(dumpState(store));
    roots.add(state.stateRoot());
    for (int i = 0; i < 30; i++) {
      List<AccountChange> changes = random.nextBlock(8);
      model.apply(changes);
      blocks.add(changes);
      commit(store, state, blockHash("main", i), changes);
      snapshots.add(dumpState(store));
      roots.add(state.stateRoot());
    }
    for (int i = 29; i >= 0; i--) {
      try (WriteBatch batch = store.newBatch()) {
        assertThat(state.revert(blockHash("main", i), batch)).isEqualTo(roots.get(i));
        batch.commit();
      }
      assertThat(state.stateRoot()).isEqualTo(roots.get(i));
      assertThat(dumpState(store)).as("state columns after reverting block %d", i).isEqualTo(snapshots.get(i));
      assertThat(state.diff(blockHash("main", i))).isEmpty();
      if (i == 10) {
        ReferenceState at10 = new ReferenceState();
        blocks.subList(0, 10).forEach(at10::apply);
        assertSameReads(state, at10, random);
        assertProofsVerify(state, at10, random);
      }
    }
    assertThat(state.stateRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void aReorgRevertsToTheCommonAncestorAndAppliesTheOtherBranch() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState main = new ReferenceState();
    RandomChanges mainRandom = new RandomChanges(11, 16, 8, main);
    List<List<AccountChange>> common = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<AccountChange> changes = mainRandom.nextBlock(6);
      main.apply(changes);
      common.add(changes);
      commit(store, state, blockHash("main", i), changes);
    }
    for (int i = 10; i < 15; i++) {
      List<AccountChange> changes = mainRandom.nextBlock(6);
      main.apply(changes);
      commit(store, state, blockHash("main", i), changes);
    }
    for (int i = 14; i >= 10; i--) {
      try (WriteBatch batch = store.newBatch()) {
        state.revert(blockHash("main", i), batch);
        batch.commit();
      }
    }
    ReferenceState fork = new ReferenceState();
    common.forEach(fork::apply);
    RandomChanges forkRandom = new RandomChanges(12, 16, 8, fork);
    for (int i = 10; i < 18; i++) {
      List<AccountChange> changes = forkRandom.nextBlock(6);
      fork.apply(changes);
      assertThat(commit(store, state, blockHash("fork", i), changes)).isEqualTo(fork.stateRoot());
    }
    assertThat(dump(store, Column.TRIE_NODES)).isEqualTo(fork.expectedTrieNodes());
  }

  @Test
  void revertRefusesAnUnknownBlockAndOneThatIsNotTheLast() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(3, 8, 4, model);
    for (int i = 0; i < 3; i++) {
      List<AccountChange> changes = random.nextBlock(4);
      model.apply(changes);
      commit(store, state, blockHash("main", i), changes);
    }
    try (WriteBatch batch = store.newBatch()) {
      assertThatThrownBy(() -> state.revert(blockHash("elsewhere", 1), batch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no state diff");
      assertThatThrownBy(() -> state.revert(blockHash("main", 1), batch))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("revert later blocks first");
      assertThat(batch.size()).isZero();
    }
    try (WriteBatch batch = store.newBatch()) {
      state.dropDiff(blockHash("main", 0), batch);
      batch.commit();
    }
    assertThat(state.diff(blockHash("main", 0))).isEmpty();
    assertThat(state.diff(blockHash("main", 2))).isPresent();
  }

  @Test
  void historicalStateReadsAndProvesTheStateBeforeRecentBlocks() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(21, 16, 8, model);
    List<List<AccountChange>> blocks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<AccountChange> changes = random.nextBlock(6);
      model.apply(changes);
      blocks.add(changes);
      commit(store, state, blockHash("main", i), changes);
    }
    for (int back : new int[] {0, 1, 5, 20}) {
      List<Hash> newestFirst = new ArrayList<>();
      for (int i = 19; i >= 20 - back; i--) {
        newestFirst.add(blockHash("main", i));
      }
      ReferenceState then = new ReferenceState();
      blocks.subList(0, 20 - back).forEach(then::apply);
      HistoricalState old = state.stateBefore(newestFirst);
      assertThat(old.stateRoot()).isEqualTo(then.stateRoot());
      for (Address a : random.addresses) {
        assertThat(old.account(a)).isEqualTo(then.account(a));
        assertThat(old.hasStorage(a)).isEqualTo(then.hasStorage(a));
        for (UInt256 s : random.slots) {
          assertThat(old.storage(a, s)).isEqualTo(then.slot(a, s));
        }
        List<Bytes> proof = old.accountProof(a).orElseThrow();
        assertThat(SecureTrie.verifyProof(then.stateRoot(), a.bytes(), proof))
            .isEqualTo(then.account(a).map(info -> new StoredAccount(info, then.storageRoot(a)).encode()));
        assertThat(old.storageRoot(a)).isEqualTo(then.account(a).isPresent() ? then.storageRoot(a) : MerkleTrie.EMPTY_ROOT);
        for (UInt256 s : random.slots) {
          List<Bytes> sp = old.storageProof(a, s).orElseThrow();
          assertThat(SecureTrie.verifyProof(old.storageRoot(a), s.toBytes32(), sp))
              .isEqualTo(expectedSlotValue(then, a, s));
        }
      }
    }
    assertThatThrownBy(() -> state.stateBefore(List.of(blockHash("main", 18))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofsOfPresentAndAbsentKeysVerify() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(5, 40, 10, model);
    for (int i = 0; i < 25; i++) {
      List<AccountChange> changes = random.nextBlock(10);
      model.apply(changes);
      commit(store, state, null, changes);
    }
    assertProofsVerify(state, model, random);
    assertThat(state.accountProof(Address.fromNumber(123456))).hasValueSatisfying(
        p -> assertThat(SecureTrie.verifyProof(state.stateRoot(), Address.fromNumber(123456).bytes(), p)).isEmpty());
  }

  @Test
  void nothingChangesUntilTheBatchCommits() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    Address a = Address.fromNumber(1);
    AccountChange change = new AccountChange(a, new AccountInfo(1, UInt256.valueOf(5), AccountInfo.EMPTY_CODE_HASH),
        null, false, Map.of(UInt256.ONE, UInt256.valueOf(9)));
    Map<Column, TreeMap<Bytes, Bytes>> before = dumpState(store);
    try (WriteBatch batch = store.newBatch()) {
      Hash root = state.apply(blockHash("main", 0), List.of(change), batch);
      assertThat(root).isNotEqualTo(MerkleTrie.EMPTY_ROOT);
      assertThat(state.stateRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
      assertThat(state.account(a)).isEmpty();
    }
    assertThat(dumpState(store)).isEqualTo(before);
    assertThat(state.diff(blockHash("main", 0))).isEmpty();
  }

  @Test
  void codeIsStoredByHashAndCheckedAgainstIt() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    Bytes code = Bytes.fromHex("0x6001600055");
    Hash codeHash = Keccak.hash256(code);
    Address a = Address.fromNumber(2);
    commit(store, state, null,
        List.of(new AccountChange(a, new AccountInfo(1, UInt256.ZERO, codeHash), code, true, Map.of())));
    assertThat(state.code(state.account(a).orElseThrow().codeHash())).isEqualTo(code);
    AccountChange wrong = new AccountChange(Address.fromNumber(3),
        new AccountInfo(1, UInt256.ZERO, Keccak.hash256(Bytes.of((byte) 1))), code, true, Map.of());
    try (WriteBatch batch = store.newBatch()) {
      assertThatThrownBy(() -> state.apply(List.of(wrong), batch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not hash");
    }
    assertThatThrownBy(() -> state.code(Keccak.hash256(Bytes.of((byte) 9))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStateOnRocksDbSurvivesReopeningAndCanStillBeReverted() {
    ReferenceState model = new ReferenceState();
    RandomChanges random = new RandomChanges(31, 16, 8, model);
    Hash rootBeforeLast;
    try (RocksDbStore store = RocksDbStore.open(dir.resolve("db"))) {
      PersistentWorldState state = new PersistentWorldState(store);
      for (int i = 0; i < 15; i++) {
        List<AccountChange> changes = random.nextBlock(6);
        model.apply(changes);
        assertThat(commit(store, state, blockHash("main", i), changes)).isEqualTo(model.stateRoot());
      }
      rootBeforeLast = state.diff(blockHash("main", 14)).orElseThrow().preRoot();
    }
    try (RocksDbStore store = RocksDbStore.open(dir.resolve("db"))) {
      PersistentWorldState state = new PersistentWorldState(store);
      assertThat(state.stateRoot()).isEqualTo(model.stateRoot());
      assertSameReads(state, model, random);
      assertProofsVerify(state, model, random);
      assertThat(dump(store, Column.TRIE_NODES)).isEqualTo(model.expectedTrieNodes());
      try (WriteBatch batch = store.newBatch()) {
        state.revert(blockHash("main", 14), batch);
        batch.commit();
      }
      assertThat(state.stateRoot()).isEqualTo(rootBeforeLast);
    }
  }

  private static Optional<Bytes> expectedSlotValue(ReferenceState model, Address a, UInt256 slot) {
    UInt256 v = model.slot(a, slot);
    return v.isZero() ? Optional.empty() : Optional.of(RlpWriter.encodeBytes(v.toMinimalBytes()));
  }

  private static void assertSameReads(PersistentWorldState state, ReferenceState model, RandomChanges random) {
    for (Address a : random.addresses) {
      assertThat(state.account(a)).as("account %s", a).isEqualTo(model.account(a));
      assertThat(state.hasStorage(a)).as("hasStorage %s", a).isEqualTo(model.hasStorage(a));
      model.account(a).ifPresent(info -> {
        assertThat(state.code(info.codeHash())).isEqualTo(
            info.codeHash().equals(AccountInfo.EMPTY_CODE_HASH) ? Bytes.EMPTY : model.codes.get(info.codeHash()));
        assertThat(state.storageRoot(a)).isEqualTo(model.storageRoot(a));
      });
      for (UInt256 s : random.slots) {
        assertThat(state.storage(a, s)).as("slot %s of %s", s, a).isEqualTo(model.slot(a, s));
      }
    }
  }

  private static void assertProofsVerify(PersistentWorldState state, ReferenceState model, RandomChanges random) {
    Hash root = state.stateRoot();
    for (Address a : random.addresses) {
      List<Bytes> proof = state.accountProof(a).orElseThrow();
      assertThat(SecureTrie.verifyProof(root, a.bytes(), proof))
          .isEqualTo(model.account(a).map(info -> new StoredAccount(info, model.storageRoot(a)).encode()));
      Hash storageRoot = state.storageRoot(a);
      for (UInt256 s : random.slots) {
        List<Bytes> sp = state.storageProof(a, s).orElseThrow();
        assertThat(SecureTrie.verifyProof(storageRoot, s.toBytes32(), sp)).isEqualTo(expectedSlotValue(model, a, s));
      }
    }
  }

  static TreeMap<Bytes, Bytes> dump(KeyValueStore store, Column column) {
    TreeMap<Bytes, Bytes> out = new TreeMap<>();
    try (KeyValueIterator it = store.iterate(column, null, null)) {
      it.forEachRemaining(kv -> out.put(Bytes.wrap(kv.key()), Bytes.wrap(kv.value())));
    }
    return out;
  }

  private static Map<Column, TreeMap<Bytes, Bytes>> dumpState(KeyValueStore store) {
    Map<Column, TreeMap<Bytes, Bytes>> out = new EnumMap<>(Column.class);
    for (Column c : STATE_COLUMNS) {
      out.put(c, dump(store, c));
    }
    return out;
  }
}
