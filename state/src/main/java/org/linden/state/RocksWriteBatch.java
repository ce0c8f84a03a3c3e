package org.linden.state;

/** A {@link WriteBatch} recorded in a native RocksDB batch and written with a synced WAL. */
final class RocksWriteBatch implements WriteBatch {
  private final RocksDbStore store;
  private final org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
  private int size;
  private boolean finished;

  RocksWriteBatch(RocksDbStore store) {
    this.store = store;
  }

  @Override
  public WriteBatch put(Column column, byte[] key, byte[] value) {
    ensureUsable();
    store.record(batch, column, key, value);
    size++;
    return this;
  }

  @Override
  public WriteBatch delete(Column column, byte[] key) {
    ensureUsable();
    store.record(batch, column, key, null);
    size++;
    return this;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void commit() {
    ensureUsable();
    try {
      store.write(batch);
    } finally {
      close();
    }
  }

  /** Frees the native batch; a batch never committed or closed keeps native memory. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      batch.close();
    }
  }

  private void ensureUsable() {
    if (finished) {
      throw new IllegalStateException("the batch was already committed or closed");
    }
  }
}
