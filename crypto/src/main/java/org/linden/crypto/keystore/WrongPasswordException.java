package org.linden.crypto.keystore;

/**
 * The password does not open the keystore file: the MAC derived from it does not match
 * the one stored. (A corrupted ciphertext or MAC looks the same; the format cannot tell
 * them apart.)
 */
public final class WrongPasswordException extends KeystoreException {
  public WrongPasswordException() {
    super("wrong password: the keystore MAC does not match (or the file is corrupted)");
  }
}
