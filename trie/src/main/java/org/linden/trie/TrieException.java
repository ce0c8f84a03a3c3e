package org.linden.trie;

/** Base of the trie's failures, so a caller can treat "the trie could not answer" as one case. */
public abstract class TrieException extends RuntimeException {
  protected TrieException(String message) {
    super(message);
  }

  protected TrieException(String message, Throwable cause) {
    super(message, cause);
  }
}
