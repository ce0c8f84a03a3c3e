package org.linden.chain.config;

/**
 * A genesis file or chain configuration that cannot be used: not JSON, a missing or
 * malformed field, forks out of order, an unknown fork in {@code blobSchedule}. The message
 * names the JSON path of the offending value ({@code config.cancunTime}, {@code alloc.0x…})
 * so that a user can fix the file.
 *
 * <p>Checked, because a configuration comes from a file or a flag the user wrote, and the
 * caller (the CLI) must turn the failure into a clear message, never a crash.
 */
public final class InvalidConfigException extends Exception {
  public InvalidConfigException(String message) {
    super(message);
  }

  public InvalidConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
