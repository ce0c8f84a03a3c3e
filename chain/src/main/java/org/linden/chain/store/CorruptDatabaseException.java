package org.linden.chain.store;

/** Stored data that cannot be read back: the data directory is damaged. */
public final class CorruptDatabaseException extends RuntimeException {
  public CorruptDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public CorruptDatabaseException(String message) {
    super(message);
  }
}
