package org.linden.trie;

/**
 * A Merkle proof that proves nothing: it does not connect the root to the key. The
 * {@link #reason()} says how, {@link #index()} which proof entry (or, for a missing node,
 * the position where one more entry was needed).
 */
public final class InvalidProofException extends TrieException {
  /** The ways a proof can fail. */
  public enum Reason {
    /** The path needs a node the proof does not contain. */
    MISSING_NODE,
    /** An entry is not the node its parent (or the root hash) refers to. */
    HASH_MISMATCH,
    /** An entry is not a well-formed trie node. */
    MALFORMED_NODE,
    /** Entries remain after the path ended; a proof holds exactly the nodes on the path. */
    UNUSED_NODES
  }

  private final Reason reason;
  private final int index;

  public InvalidProofException(Reason reason, int index, String detail) {
    super("invalid proof: " + detail + " (entry " + index + ")");
    this.reason = reason;
    this.index = index;
  }

  public InvalidProofException(Reason reason, int index, String detail, Throwable cause) {
    super("invalid proof: " + detail + " (entry " + index + ")", cause);
    this.reason = reason;
    this.index = index;
  }

  public Reason reason() {
    return reason;
  }

  public int index() {
    return index;
  }
}
