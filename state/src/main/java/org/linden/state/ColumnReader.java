package org.linden.state;

import java.util.Optional;
import org.linden.types.Bytes;

/**
 * Point reads of stored values: the committed store, the store seen through a block's
 * pending writes, or the store as of an earlier block. The state code reads only through
 * this, so one implementation of the read logic serves all three.
 */
@FunctionalInterface
interface ColumnReader {
  Optional<Bytes> get(Column column, Bytes key);

  /** Reads straight from {@code store}. */
  static ColumnReader of(KeyValueStore store) {
    return (column, key) -> store.get(column, key.unsafeArray()).map(Bytes::wrap);
  }
}
