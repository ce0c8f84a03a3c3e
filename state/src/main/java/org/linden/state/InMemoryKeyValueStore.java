package org.linden.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link KeyValueStore} in sorted maps, with the same semantics as {@link RocksDbStore}
 * (atomic batches, unsigned key order, consistent iterators, schema marker): for tests and
 * throwaway nodes. Values are copied in and out, so callers can never alias stored arrays.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final Map<Column, NavigableMap<byte[], byte[]>> columns = new EnumMap<>(Column.class);
  // One lock makes a commit atomic for readers: they see all of a batch or none of it.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  /** An empty store, marked with the current schema version like a fresh database. */
  public InMemoryKeyValueStore() {
    for (Column c : Column.values()) {
      columns.put(c, new TreeMap<>(Arrays::compareUnsigned));
    }
    columns.get(Column.META).put(MetaKey.SCHEMA_VERSION.key(), StoreSchema.encode(StoreSchema.VERSION));
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      ensureOpen();
      byte[] v = columns.get(column).get(key);
      return v == null ? Optional.empty() : Optional.of(v.clone());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteBatch newBatch() {
    ensureOpen();
    return new MemoryBatch();
  }

  @Override
  public KeyValueIterator iterate(Column column, byte[] from, byte[] to) {
    List<KeyValue> snapshot = new ArrayList<>();
    lock.readLock().lock();
    try {
      ensureOpen();
      NavigableMap<byte[], byte[]> map = columns.get(column);
      if (from != null) {
        map = map.tailMap(from, true);
      }
      if (to != null) {
        map = map.headMap(to, false);
      }
      // Copy under the lock: the iterator then shows the store as it was when opened.
      map.forEach((k, v) -> snapshot.add(new KeyValue(k.clone(), v.clone())));
    } finally {
      lock.readLock().unlock();
    }
    return new ListIterator(snapshot.iterator());
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("the in-memory store is closed");
    }
  }

  /** A batch that records operations and replays them under the write lock. */
  private final class MemoryBatch implements WriteBatch {
    private record Op(Column column, byte[] key, byte[] value) {}

    private final List<Op> ops = new ArrayList<>();
    private boolean finished;

    @Override
    public WriteBatch put(Column column, byte[] key, byte[] value) {
      ensureUsable();
      ops.add(new Op(column, key.clone(), value.clone()));
      return this;
    }

    @Override
    public WriteBatch delete(Column column, byte[] key) {
      ensureUsable();
      ops.add(new Op(column, key.clone(), null));
      return this;
    }

    @Override
    public int size() {
      return ops.size();
    }

    @Override
    public void commit() {
      ensureUsable();
      finished = true;
      lock.writeLock().lock();
      try {
        ensureOpen();
        for (Op op : ops) {
          if (op.value == null) {
            columns.get(op.column).remove(op.key);
          } else {
            columns.get(op.column).put(op.key, op.value);
          }
        }
      } finally {
        lock.writeLock().unlock();
      }
    }

    @Override
    public void close() {
      finished = true;
      ops.clear();
    }

    private void ensureUsable() {
      if (finished) {
        throw new IllegalStateException("the batch was already committed or closed");
      }
    }
  }

  private record ListIterator(Iterator<KeyValue> it) implements KeyValueIterator {
    @Override
    public boolean hasNext() {
      return it.hasNext();
    }

    @Override
    public KeyValue next() {
      if (!it.hasNext()) {
        throw new NoSuchElementException();
      }
      return it.next();
    }

    @Override
    public void close() {}
  }
}
