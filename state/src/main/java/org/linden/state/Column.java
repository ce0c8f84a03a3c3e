package org.linden.state;

import java.util.Optional;

/**
 * The typed tables of a Linden database. Each is one RocksDB column family, so each can
 * be tuned, compacted and iterated on its own. The {@linkplain #id() id} is what a
 * reverse state diff stores to name a column; it never changes once released.
 *
 * <p>Integers in keys are big-endian so that byte order equals numeric order and range
 * iteration walks blocks by number.
 */
public enum Column {
  /**
   * Pointers and markers, keyed by the ASCII names in {@link MetaKey}: schema version,
   * the root of the state held in the flat tables, head/safe/finalized block hashes,
   * genesis hash.
   */
  META(0, "meta"),
  /**
   * Flat accounts: address (20 bytes) → rlp([nonce, balance, storageRoot, codeHash]), the
   * very value the account trie holds. Keyed by the plain address, not its hash, because
   * the EVM reads by address and then needs no hashing; the storage root in the value
   * answers "has storage" without touching the storage trie.
   */
  ACCOUNTS(1, "accounts"),
  /**
   * Flat storage: address (20) ‖ slot (32) → the value's minimal big-endian bytes (never
   * zero: a zeroed slot is deleted). An account's slots share the address prefix, so
   * clearing an account is one prefix scan.
   */
  STORAGE(2, "storage"),
  /** Contract code: code hash (32) → code. Content-addressed, shared by all accounts. */
  CODE(3, "code"),
  /**
   * Trie nodes keyed by position: {@code 0x00 ‖ path} for the account trie and
   * {@code 0x01 ‖ keccak(address) ‖ path} for a storage trie, where path holds one nibble
   * per byte (so key order is the trie's depth-first order). The value is
   * {@code nodeHash (32) ‖ node RLP}; a read checks the hash, so a node left over from an
   * older version at the same path is never served by mistake.
   */
  TRIE_NODES(4, "trie-nodes"),
  /** Reverse state diffs: block hash (32) → {@link StateDiff} RLP, to undo a block. */
  STATE_DIFFS(5, "state-diffs"),
  /** Block headers: block hash (32) → header RLP. */
  HEADERS(6, "headers"),
  /** Block bodies: block hash (32) → body RLP (transactions, ommers, withdrawals). */
  BODIES(7, "bodies"),
  /** Receipts: block hash (32) → RLP list of the block's receipts. */
  RECEIPTS(8, "receipts"),
  /** The canonical chain: block number (8, big-endian) → block hash (32). */
  CANONICAL(9, "canonical"),
  /** Transaction lookup: tx hash (32) → rlp([blockHash, indexInBlock]). */
  TX_INDEX(10, "tx-index"),
  /** Total difficulty of each stored block: block hash (32) → minimal big-endian bytes (pre-merge fork choice). */
  TOTAL_DIFFICULTY(11, "total-difficulty"),
  /**
   * The explorer's address index, kept by the node only when enabled: for each address the
   * canonical transactions and token transfers that touch it, keyed so that a prefix scan
   * lists them newest first (see {@code org.linden.explorer.IndexKeys}). Derived data: it can
   * be dropped and rebuilt from the blocks.
   */
  ADDRESS_INDEX(12, "address-index");

  private static final Column[] BY_ID = new Column[values().length];

  static {
    for (Column c : values()) {
      BY_ID[c.id] = c;
    }
  }

  private final int id;
  private final String familyName;

  Column(int id, String familyName) {
    this.id = id;
    this.familyName = familyName;
  }

  /** The stable number of this column in stored data (reverse diffs). */
  public int id() {
    return id;
  }

  /** The RocksDB column family name. */
  public String familyName() {
    return familyName;
  }

  /** The column with {@code id}, or empty if no column has it. */
  public static Optional<Column> byId(int id) {
    return id >= 0 && id < BY_ID.length ? Optional.of(BY_ID[id]) : Optional.empty();
  }
}
