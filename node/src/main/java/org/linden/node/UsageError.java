package org.linden.node;

/** A user error (bad flag value, missing file): reported in one line, exit status 2. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
