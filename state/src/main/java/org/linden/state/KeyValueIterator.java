package org.linden.state;

import java.util.Iterator;

/**
 * Entries of one column in increasing unsigned byte order of key. It may hold native
 * resources (a RocksDB iterator), so close it, ideally with try-with-resources. It reads
 * a consistent view: writes committed after it was opened are not seen.
 */
public interface KeyValueIterator extends Iterator<KeyValue>, AutoCloseable {
  @Override
  void close();
}
