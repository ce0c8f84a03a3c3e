package org.linden.crypto.hd;

/**
 * A mnemonic sentence that is not valid BIP-39: wrong number of words, a word outside the
 * English list, or a checksum that does not match. The message says which.
 */
public final class InvalidMnemonicException extends IllegalArgumentException {
  public InvalidMnemonicException(String message) {
    super(message);
  }
}
