package org.linden.node;

/**
 * An account operation that could not be done (wrong password, malformed keystore file,
 * account already present): reported in one line, exit status 1, nothing written.
 */
final class AccountFailure extends RuntimeException {
  AccountFailure(String message) {
    super(message);
  }
}
