package org.linden.state;

/**
 * Writes collected in memory and applied to the store all at once by {@link #commit()}:
 * a reader sees either none of them or all of them, and a crash never leaves half a
 * batch. Operations apply in the order given, so a put after a delete of the same key
 * wins. A batch that is closed without a commit writes nothing.
 *
 * <p>Arrays are copied when an operation is recorded. A batch is used by one thread and
 * is finished after commit or close: further use throws {@link IllegalStateException}.
 */
public interface WriteBatch extends AutoCloseable {
  /** Sets {@code key} in {@code column} to {@code value}. */
  WriteBatch put(Column column, byte[] key, byte[] value);

  /** Removes {@code key} from {@code column}; removing an absent key is not an error. */
  WriteBatch delete(Column column, byte[] key);

  /** Number of operations recorded so far. */
  int size();

  /**
   * Applies every operation atomically and durably (the write-ahead log is synced before
   * this returns), then releases the batch.
   *
   * @throws StoreException if the store could not write; then nothing was applied
   */
  void commit();

  /** Releases the batch; without a prior commit its operations are dropped. */
  @Override
  void close();
}
