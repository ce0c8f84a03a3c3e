package org.linden.state;

import java.nio.file.Path;

/**
 * A directory cannot be opened as a Linden database, and was left exactly as it was: it
 * holds other files, another program's RocksDB database, or a Linden database of a schema
 * version this build does not read.
 */
public final class IncompatibleStoreException extends StoreException {
  private final Path directory;

  public IncompatibleStoreException(Path directory, String reason) {
    super(directory + ": " + reason);
    this.directory = directory;
  }

  /** The directory that was refused. */
  public Path directory() {
    return directory;
  }
}
