package org.linden.crypto.keystore;

/**
 * A keystore file could not be opened: either the password is wrong
 * ({@link WrongPasswordException}) or the file is not a usable Web3 Secret Storage v3
 * file ({@link InvalidKeystoreException}). Checked, because every caller reads files or
 * passwords supplied by a person and must report the problem rather than crash.
 */
public abstract sealed class KeystoreException extends Exception
    permits WrongPasswordException, InvalidKeystoreException {
  KeystoreException(String message) {
    super(message);
  }
}
