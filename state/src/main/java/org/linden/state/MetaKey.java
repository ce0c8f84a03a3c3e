package org.linden.state;

import java.nio.charset.StandardCharsets;

/** The keys of the {@link Column#META} column, stored as their ASCII names. */
public enum MetaKey {
  /** The database layout version, a 4-byte big-endian int, written when the store is created. */
  SCHEMA_VERSION("schema-version"),
  /** The state root (32 bytes) of the state held in the flat tables and the trie nodes. */
  STATE_ROOT("state-root"),
  /** Hash of the head block. */
  HEAD("head"),
  /** Hash of the latest safe block. */
  SAFE("safe"),
  /** Hash of the latest finalized block. */
  FINALIZED("finalized"),
  /** Hash of the genesis block, to refuse a database of another network. */
  GENESIS("genesis");

  private final String name;

  MetaKey(String name) {
    this.name = name;
  }

  /** The stored key; a fresh array on every call, so callers cannot alter a shared one. */
  public byte[] key() {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /** The ASCII name used as the key. */
  public String keyName() {
    return name;
  }
}
