package org.linden.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The node's database: one RocksDB instance in a directory, one column family per
 * {@link Column}. A new directory is created and marked with the schema version; an
 * existing one is opened only if it is a Linden database of this schema (see
 * {@link #open(Path)}). Batches commit with a synced write-ahead log, so a committed block
 * survives a crash.
 *
 * <p>Thread-safe. Closing waits for calls in progress and makes later calls fail with
 * {@link StoreException} instead of touching freed native memory.
 */
public final class RocksDbStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final RocksDbTuning tuning;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<Column, ColumnFamilyHandle> handles;
  private final WriteOptions syncWrite;
  // Readers and writers share the read side; close takes the write side, so native
  // objects are never freed under a running call.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<RocksKeyValueIterator> openIterators = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private RocksDbStore(Path directory, RocksDbTuning tuning, RocksDB db, List<ColumnFamilyHandle> allHandles,
      Map<Column, ColumnFamilyHandle> handles) {
    this.directory = directory;
    this.tuning = tuning;
    this.db = db;
    this.allHandles = allHandles;
    this.handles = handles;
    this.syncWrite = new WriteOptions().setSync(true);
  }

  /**
   * Opens the database in {@code directory}, creating it (and the directory) if the
   * directory is missing or empty.
   *
   * @throws IncompatibleStoreException if the directory holds anything other than a Linden
   *     database of this build's schema version; the directory is left untouched
   * @throws StoreException if RocksDB cannot open it (for example, another process has it
   *     open)
   */
  public static RocksDbStore open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    boolean fresh = RocksDbDirectoryCheck.check(dir);
    if (fresh) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException("cannot create " + dir + ": " + e.getMessage(), e);
      }
    }
    // Existing families beyond ours (from a newer build of the same schema) must be
    // opened too: RocksDB refuses a read-write open that leaves one out.
    Set<String> familyNames = new LinkedHashSet<>();
    familyNames.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
    for (Column c : Column.values()) {
      familyNames.add(c.familyName());
    }
    if (!fresh) {
      familyNames.addAll(RocksDbDirectoryCheck.columnFamilies(dir));
    }
    RocksDbTuning tuning = new RocksDbTuning();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : familyNames) {
      Optional<Column> column = columnNamed(name);
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8),
          column.map(tuning::columnOptions).orElseGet(tuning::plainColumnOptions)));
    }
    List<ColumnFamilyHandle> handleList = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(tuning.dbOptions(fresh), dir.toString(), descriptors, handleList);
    } catch (RocksDBException e) {
      tuning.close();
      throw new StoreException("cannot open the database in " + dir + ": " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains("lock") ? " (is another node using it?)" : ""), e);
    }
    Map<Column, ColumnFamilyHandle> byColumn = new EnumMap<>(Column.class);
    int i = 0;
    for (String name : familyNames) {
      ColumnFamilyHandle handle = handleList.get(i++);
      columnNamed(name).ifPresent(c -> byColumn.put(c, handle));
    }
    RocksDbStore store = new RocksDbStore(dir, tuning, db, handleList, byColumn);
    if (fresh) {
      try (WriteBatch batch = store.newBatch()) {
        batch.put(Column.META, MetaKey.SCHEMA_VERSION.key(), StoreSchema.encode(StoreSchema.VERSION));
        batch.commit();
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    }
    return store;
  }

  /** The directory holding the database. */
  public Path directory() {
    return directory;
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(db.get(handles.get(column), key));
    } catch (RocksDBException e) {
      throw new StoreException("read from " + column.familyName() + " failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteBatch newBatch() {
    ensureOpen();
    return new RocksWriteBatch(this);
  }

  @Override
  public KeyValueIterator iterate(Column column, byte[] from, byte[] to) {
    lock.readLock().lock();
    try {
      ensureOpen();
      ReadOptions options = new ReadOptions();
      RocksIterator it = db.newIterator(handles.get(column), options);
      RocksKeyValueIterator iterator = new RocksKeyValueIterator(it, options, from, to == null ? null : to.clone());
      openIterators.add(iterator);
      return iterator;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      openIterators.forEach(RocksKeyValueIterator::release);
      openIterators.clear();
      syncWrite.close();
      allHandles.forEach(ColumnFamilyHandle::close);
      try {
        db.closeE();
      } catch (RocksDBException e) {
        throw new StoreException("closing the database in " + directory + " failed: " + e.getMessage(), e);
      } finally {
        tuning.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Writes a native batch durably; called by {@link RocksWriteBatch#commit()}. */
  void write(org.rocksdb.WriteBatch batch) {
    lock.readLock().lock();
    try {
      ensureOpen();
      db.write(syncWrite, batch);
    } catch (RocksDBException e) {
      throw new StoreException("writing a batch to " + directory + " failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Records a put ({@code value} non-null) or delete in a native batch; under the lock,
   * because the batch reads the column family handle, which close() frees.
   */
  void record(org.rocksdb.WriteBatch batch, Column column, byte[] key, byte[] value) {
    lock.readLock().lock();
    try {
      ensureOpen();
      if (value == null) {
        batch.delete(handles.get(column), key);
      } else {
        batch.put(handles.get(column), key, value);
      }
    } catch (RocksDBException e) {
      throw new StoreException("recording a write in a batch failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("the database in " + directory + " is closed");
    }
  }

  private static Optional<Column> columnNamed(String familyName) {
    for (Column c : Column.values()) {
      if (c.familyName().equals(familyName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** An iterator over a native RocksDB iterator, bounded above by {@code to}. */
  private final class RocksKeyValueIterator implements KeyValueIterator {
    private final RocksIterator it;
    private final ReadOptions options;
    private final byte[] to;
    private boolean released;

    RocksKeyValueIterator(RocksIterator it, ReadOptions options, byte[] from, byte[] to) {
      this.it = it;
      this.options = options;
      this.to = to;
      if (from == null) {
        it.seekToFirst();
      } else {
        it.seek(from);
      }
    }

    @Override
    public boolean hasNext() {
      lock.readLock().lock();
      try {
        ensureUsable();
        if (!it.isValid()) {
          checkStatus();
          return false;
        }
        return to == null || Arrays.compareUnsigned(it.key(), to) < 0;
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public KeyValue next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      lock.readLock().lock();
      try {
        ensureUsable();
        KeyValue kv = new KeyValue(it.key(), it.value());
        it.next();
        return kv;
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public void close() {
      lock.readLock().lock();
      try {
        openIterators.remove(this);
        release();
      } finally {
        lock.readLock().unlock();
      }
    }

    /** Frees the native objects; called by close() and by the store's close. */
    synchronized void release() {
      if (!released) {
        released = true;
        it.close();
        options.close();
      }
    }

    private void ensureUsable() {
      ensureOpen();
      if (released) {
        throw new IllegalStateException("the iterator is closed");
      }
    }

    private void checkStatus() {
      try {
        it.status();
      } catch (RocksDBException e) {
        throw new StoreException("iteration failed: " + e.getMessage(), e);
      }
    }
  }
}
