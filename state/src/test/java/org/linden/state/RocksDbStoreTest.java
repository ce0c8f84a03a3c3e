package org.linden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on RocksDB, plus what only a store on disk has. */
class RocksDbStoreTest extends KeyValueStoreContractTest {
  @TempDir
  Path dir;

  @Override
  protected KeyValueStore createStore() {
    return RocksDbStore.open(dir.resolve("db"));
  }

  @Test
  void reopeningKeepsCommittedData() {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.HEADERS, b("h"), b("header"));
      batch.put(Column.META, MetaKey.HEAD.key(), b("h"));
      batch.commit();
    }
    WriteBatch dropped = store.newBatch();
    dropped.put(Column.HEADERS, b("x"), b("never committed"));
    store.close();
    dropped.close();
    try (RocksDbStore reopened = RocksDbStore.open(dir.resolve("db"))) {
      assertThat(reopened.get(Column.HEADERS, b("h")).orElseThrow()).isEqualTo(b("header"));
      assertThat(reopened.get(Column.META, MetaKey.HEAD.key()).orElseThrow()).isEqualTo(b("h"));
      assertThat(reopened.get(Column.HEADERS, b("x"))).isEmpty();
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFailsClearly() {
    assertThatThrownBy(() -> RocksDbStore.open(dir.resolve("db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("another node");
  }

  @Test
  void aBatchCommittedAfterCloseFailsAndWritesNothing() {
    WriteBatch batch = store.newBatch();
    batch.put(Column.CODE, b("k"), b("v"));
    store.close();
    assertThatThrownBy(batch::commit).isInstanceOf(StoreException.class);
    try (RocksDbStore reopened = RocksDbStore.open(dir.resolve("db"))) {
      assertThat(reopened.get(Column.CODE, b("k"))).isEmpty();
    }
  }

  @Test
  void iteratorsLeftOpenAreReleasedByClose() {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(Column.CODE, b("k"), b("v"));
      batch.commit();
    }
    KeyValueIterator it = store.iterate(Column.CODE, null, null);
    store.close();
    assertThatThrownBy(it::hasNext).isInstanceOf(StoreException.class);
    it.close();
  }
}
