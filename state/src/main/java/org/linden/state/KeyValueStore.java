package org.linden.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * Linden's one storage interface: byte keys to byte values, in the typed tables of
 * {@link Column}, with atomic multi-column write batches. Keys order by unsigned bytes.
 * Implementations are safe for concurrent readers and one writer at a time; a batch's
 * writes become visible together when it commits.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value of {@code key} in {@code column}, or empty if absent. */
  Optional<byte[]> get(Column column, byte[] key);

  /** True if {@code key} is present in {@code column}. */
  default boolean contains(Column column, byte[] key) {
    return get(column, key).isPresent();
  }

  /** A new, empty batch; nothing is written until its {@link WriteBatch#commit()}. */
  WriteBatch newBatch();

  /**
   * Entries with {@code from <= key < to} in key order; a null bound is open. Close the
   * iterator when done.
   */
  KeyValueIterator iterate(Column column, byte[] from, byte[] to);

  /** Entries whose key starts with {@code prefix}, in key order. */
  default KeyValueIterator iteratePrefix(Column column, byte[] prefix) {
    return iterate(column, prefix, prefixEnd(prefix));
  }

  /** Releases the store; later calls throw {@link StoreException}. Idempotent. */
  @Override
  void close();

  /**
   * The smallest key greater than every key starting with {@code prefix}: the prefix with
   * its last non-0xff byte incremented and the rest dropped, or null when there is none
   * (an empty or all-0xff prefix, whose range is open-ended).
   */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }
}
