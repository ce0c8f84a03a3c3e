package org.linden.state;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Logger;

/**
 * RocksDB options for a node on a small machine (two cores, a few GB of memory): two
 * background jobs, one shared block cache, bounded memtables, bloom filters because
 * nearly every state read is a point lookup. Owns the native option objects it makes
 * and frees them in {@link #close()}.
 */
final class RocksDbTuning implements AutoCloseable {
  private static final long BLOCK_CACHE_BYTES = 64L << 20;
  private static final long WRITE_BUFFER_BYTES = 16L << 20;
  // Caps the memtables of all column families together, whatever their number.
  private static final long TOTAL_WRITE_BUFFER_BYTES = 96L << 20;
  // Forces a flush of rarely written columns, so the WAL does not grow without bound.
  private static final long MAX_WAL_BYTES = 256L << 20;

  private final List<AutoCloseable> owned = new ArrayList<>();
  private Cache cache;

  /** Options of the database as a whole, for opening read-write. */
  DBOptions dbOptions(boolean create) {
    DBOptions o = own(new DBOptions());
    o.setCreateIfMissing(create);
    // Missing families are created even on an existing database, so a later build can
    // add a column without a migration; an unknown schema was refused before this point.
    o.setCreateMissingColumnFamilies(true);
    o.setIncreaseParallelism(2);
    o.setMaxBackgroundJobs(2);
    o.setBytesPerSync(1L << 20);
    o.setDbWriteBufferSize(TOTAL_WRITE_BUFFER_BYTES);
    o.setMaxTotalWalSize(MAX_WAL_BYTES);
    o.setKeepLogFileNum(5);
    o.setMaxOpenFiles(1024);
    return o;
  }

  /**
   * Options for a read-only look at a directory before it is trusted. Log lines go to a
   * discarding logger: otherwise RocksDB would create (and rotate) a LOG file in the
   * directory, and a refused directory must be left untouched.
   */
  DBOptions probeOptions() {
    DBOptions o = own(new DBOptions());
    o.setCreateIfMissing(false);
    o.setCreateMissingColumnFamilies(false);
    o.setLogger(own(new Logger(InfoLogLevel.FATAL_LEVEL) {
      @Override
      protected void log(InfoLogLevel level, String message) {
        // Nothing: the probe's outcome is reported through the exception it leads to.
      }
    }));
    return o;
  }

  /** Options of one column family. */
  ColumnFamilyOptions columnOptions(Column column) {
    ColumnFamilyOptions o = own(new ColumnFamilyOptions());
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(sharedCache())
        .setFilterPolicy(own(new BloomFilter(10)))
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true)
        .setBlockSize(16 * 1024)
        .setFormatVersion(5);
    o.setTableFormatConfig(table);
    o.setWriteBufferSize(WRITE_BUFFER_BYTES);
    o.setMaxWriteBufferNumber(2);
    o.setLevelCompactionDynamicLevelBytes(true);
    // Hashes and trie nodes barely compress; LZ4 is cheap enough to leave on anyway, and
    // the bottom level (most of the data) gets the denser ZSTD.
    o.setCompressionType(CompressionType.LZ4_COMPRESSION);
    o.setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION);
    return o;
  }

  /** Options for a column family opened only to be read (the probe, unknown families). */
  ColumnFamilyOptions plainColumnOptions() {
    return own(new ColumnFamilyOptions());
  }

  private Cache sharedCache() {
    if (cache == null) {
      cache = own(new LRUCache(BLOCK_CACHE_BYTES));
    }
    return cache;
  }

  private <T extends AutoCloseable> T own(T resource) {
    owned.add(resource);
    return resource;
  }

  @Override
  public void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        // Freeing native option memory cannot fail in a way the caller could act on.
      }
    }
    owned.clear();
  }
}
