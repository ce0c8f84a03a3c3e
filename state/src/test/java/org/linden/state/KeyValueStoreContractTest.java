package org.linden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The semantics every {@link KeyValueStore} must have; one subclass per implementation. */
abstract class KeyValueStoreContractTest {
  protected KeyValueStore store;

  protected abstract KeyValueStore createStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] b(int... unsigned) {
    byte[] out = new byte[unsigned.length];
    for (int i = 0; i < unsigned.length; i++) {
      out[i] = (byte) unsigned[i];
    }
    return out;
  }

  private void put(Column c, byte[] k, byte[] v) {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(c, k, v);
      batch.commit();
    }
  }

  private List<String> keys(KeyValueIterator it) {
    List<String> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(kv -> out.add(new String(kv.key(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void absentKeyIsEmpty() {
    assertThat(store.get(Column.ACCOUNTS, b("nope"))).isEmpty();
    assertThat(store.contains(Column.ACCOUNTS, b("nope"))).isFalse();
  }

  @Test
  void committedPutIsReadBackAndDeleteRemovesIt() {
    put(Column.CODE, b("k"), b("v"));
    assertThat(store.get(Column.CODE, b("k"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("v")));
    try (WriteBatch batch = store.newBatch()) {
      batch.delete(Column.CODE, b("k")).delete(Column.CODE, b("never-there"));
      batch.commit();
    }
    assertThat(store.get(Column.CODE, b("k"))).isEmpty();
  }

  @Test
  void columnsAreSeparate() {
    put(Column.HEADERS, b("k"), b("header"));
    put(Column.BODIES, b("k"), b("body"));
    assertThat(store.get(Column.HEADERS, b("k")).orElseThrow()).isEqualTo(b("header"));
    assertThat(store.get(Column.BODIES, b("k")).orElseThrow()).isEqualTo(b("body"));
    assertThat(store.get(Column.RECEIPTS, b("k"))).isEmpty();
  }

  @Test
  void aBatchThatIsNotCommittedWritesNothing() {
    put(Column.STORAGE, b("kept"), b("old"));
    WriteBatch batch = store.newBatch();
    batch.put(Column.STORAGE, b("new"), b("x"));
    batch.put(Column.STORAGE, b("kept"), b("changed"));
    batch.delete(Column.STORAGE, b("kept"));
    assertThat(batch.size()).isEqualTo(3);
    assertThat(store.get(Column.STORAGE, b("new"))).isEmpty();
    batch.close();
    assertThat(store.get(Column.STORAGE, b("new"))).isEmpty();
    assertThat(store.get(Column.STORAGE, b("kept")).orElseThrow()).isEqualTo(b("old"));
  }

  @Test
  void aBatchSpansColumnsAndAppliesInOrder() {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.HEADERS, b("h"), b("1"));
      batch.put(Column.CANONICAL, b("n"), b("h"));
      batch.delete(Column.META, b("x"));
      batch.put(Column.META, b("x"), b("last wins"));
      batch.put(Column.TX_INDEX, b("t"), b("first"));
      batch.delete(Column.TX_INDEX, b("t"));
      batch.commit();
    }
    assertThat(store.get(Column.HEADERS, b("h"))).isPresent();
    assertThat(store.get(Column.CANONICAL, b("n"))).isPresent();
    assertThat(store.get(Column.META, b("x")).orElseThrow()).isEqualTo(b("last wins"));
    assertThat(store.get(Column.TX_INDEX, b("t"))).isEmpty();
  }

  @Test
  void aFinishedBatchRefusesFurtherUse() {
    WriteBatch batch = store.newBatch();
    batch.put(Column.CODE, b("a"), b("1"));
    batch.commit();
    assertThatThrownBy(() -> batch.put(Column.CODE, b("b"), b("2"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class);
    batch.close();
    WriteBatch closed = store.newBatch();
    closed.close();
    assertThatThrownBy(closed::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void arraysAreCopiedInAndOut() {
    byte[] key = b("k");
    byte[] value = b("value");
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.CODE, key, value);
      value[0] = 'X';
      batch.commit();
    }
    key[0] = 'z';
    byte[] read = store.get(Column.CODE, b("k")).orElseThrow();
    assertThat(read).isEqualTo(b("value"));
    read[0] = 'Y';
    assertThat(store.get(Column.CODE, b("k")).orElseThrow()).isEqualTo(b("value"));
  }

  @Test
  void iterationIsInUnsignedKeyOrderWithinBounds() {
    for (int[] k : new int[][] {{0x80}, {0x7f}, {0x00}, {0xff}, {0x7f, 0x00}, {0x81}}) {
      put(Column.CANONICAL, b(k), b("v"));
    }
    List<byte[]> all = new ArrayList<>();
    try (KeyValueIterator it = store.iterate(Column.CANONICAL, null, null)) {
      it.forEachRemaining(kv -> all.add(kv.key()));
    }
    assertThat(all).containsExactly(b(0x00), b(0x7f), b(0x7f, 0x00), b(0x80), b(0x81), b(0xff));
    List<byte[]> range = new ArrayList<>();
    try (KeyValueIterator it = store.iterate(Column.CANONICAL, b(0x7f, 0x00), b(0x81))) {
      it.forEachRemaining(kv -> range.add(kv.key()));
    }
    assertThat(range).containsExactly(b(0x7f, 0x00), b(0x80));
  }

  @Test
  void prefixIterationStopsAtThePrefixEnd() {
    for (String k : List.of("ab", "abc", "abd", "ac", "a", "b", "aa")) {
      put(Column.STORAGE, b(k), b("v"));
    }
    assertThat(keys(store.iteratePrefix(Column.STORAGE, b("ab")))).containsExactly("ab", "abc", "abd");
    assertThat(keys(store.iteratePrefix(Column.STORAGE, b("")))).hasSize(7);
    assertThat(keys(store.iteratePrefix(Column.STORAGE, b("x")))).isEmpty();
    assertThat(keys(store.iteratePrefix(Column.ACCOUNTS, b("ab")))).isEmpty();
  }

  @Test
  void prefixOfAllFfBytesIsOpenEnded() {
    put(Column.CODE, b(0xff, 0xff), b("v"));
    put(Column.CODE, b(0xff, 0xff, 0x01), b("v"));
    put(Column.CODE, b(0xff, 0xfe), b("v"));
    List<byte[]> found = new ArrayList<>();
    try (KeyValueIterator it = store.iteratePrefix(Column.CODE, b(0xff, 0xff))) {
      it.forEachRemaining(kv -> found.add(kv.key()));
    }
    assertThat(found).containsExactly(b(0xff, 0xff), b(0xff, 0xff, 0x01));
    assertThat(KeyValueStore.prefixEnd(b(0x01, 0xff))).isEqualTo(b(0x02));
    assertThat(KeyValueStore.prefixEnd(b(0xff))).isNull();
  }

  @Test
  void anIteratorSeesTheStoreAsItWasWhenOpened() {
    put(Column.HEADERS, b("a"), b("1"));
    put(Column.HEADERS, b("c"), b("3"));
    try (KeyValueIterator it = store.iterate(Column.HEADERS, null, null)) {
      put(Column.HEADERS, b("b"), b("2"));
      try (WriteBatch batch = store.newBatch()) {
        batch.delete(Column.HEADERS, b("c"));
        batch.commit();
      }
      assertThat(keys(it)).containsExactly("a", "c");
    }
  }

  @Test
  void aNewStoreCarriesTheSchemaMarker() {
    assertThat(store.get(Column.META, MetaKey.SCHEMA_VERSION.key()).flatMap(StoreSchema::decode))
        .contains(StoreSchema.VERSION);
  }

  @Test
  void aClosedStoreRefusesCallsClearly() {
    store.close();
    assertThatThrownBy(() -> store.get(Column.CODE, b("k"))).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    assertThatThrownBy(store::newBatch).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.iterate(Column.CODE, null, null)).isInstanceOf(StoreException.class);
    store.close();
  }

  @Test
  void emptyKeysAndValuesAreAllowed() {
    put(Column.META, new byte[0], new byte[0]);
    assertThat(store.get(Column.META, new byte[0])).hasValueSatisfying(v -> assertThat(v).isEmpty());
  }
}
