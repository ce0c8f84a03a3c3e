package org.linden.trie;

/** Bytes that claim to be a trie node but do not decode as one (bad RLP, shape or path). */
public final class MalformedNodeException extends TrieException {
  public MalformedNodeException(String message) {
    super(message);
  }

  public MalformedNodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
