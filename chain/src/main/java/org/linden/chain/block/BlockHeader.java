package org.linden.chain.block;

import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.trie.MerkleTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A block header with the fields of every fork, in wire order (execution-specs
 * {@code blocks.py} {@code Header}). The fields a fork added are null on headers of earlier
 * forks, and a header's RLP list has exactly the fields that are present:
 *
 * <table>
 *   <caption>Header shapes</caption>
 *   <tr><th>fields</th><th>since</th><th>adds</th></tr>
 *   <tr><td>15</td><td>Frontier</td><td>parent_hash … nonce</td></tr>
 *   <tr><td>16</td><td>London</td><td>base_fee_per_gas</td></tr>
 *   <tr><td>17</td><td>Shanghai</td><td>withdrawals_root</td></tr>
 *   <tr><td>20</td><td>Cancun</td><td>blob_gas_used, excess_blob_gas, parent_beacon_block_root</td></tr>
 *   <tr><td>21</td><td>Prague</td><td>requests_hash</td></tr>
 * </table>
 *
 * <p>Whether the shape is the right one for the header's fork is a validation rule, not a
 * decoding one: decoding accepts any of the five shapes and nothing else.
 *
 * <p>{@code number}, {@code gasLimit}, {@code gasUsed}, {@code timestamp},
 * {@code blobGasUsed} and {@code excessBlobGas} are unsigned 64-bit values held in a
 * {@code long} (as geth holds them); compare them with {@link Long#compareUnsigned}.
 *
 * @param parentHash hash of the parent header
 * @param ommersHash keccak of the RLP list of ommer headers ({@link BlockRoots#EMPTY_OMMERS_HASH} after the merge)
 * @param coinbase the beneficiary of fees and rewards
 * @param stateRoot world-state root after the block
 * @param transactionsRoot root of the transactions trie
 * @param receiptsRoot root of the receipts trie (execution-specs: receipt_root)
 * @param logsBloom OR of the receipts' blooms (execution-specs: bloom)
 * @param difficulty proof-of-work difficulty; zero after the merge
 * @param number block number
 * @param gasLimit gas limit of the block
 * @param gasUsed gas used by the block's transactions
 * @param timestamp seconds since the Unix epoch
 * @param extraData arbitrary bytes (at most 32 by validation)
 * @param mixHash proof-of-work mix hash; the beacon chain's RANDAO value (prev_randao) after the merge
 * @param nonce 8-byte proof-of-work nonce; zero after the merge
 * @param baseFeePerGas EIP-1559 base fee (London), or null
 * @param withdrawalsRoot EIP-4895 withdrawals trie root (Shanghai), or null
 * @param blobGasUsed EIP-4844 blob gas used (Cancun), or null
 * @param excessBlobGas EIP-4844 excess blob gas (Cancun), or null
 * @param parentBeaconBlockRoot EIP-4788 parent beacon block root (Cancun), or null
 * @param requestsHash EIP-7685 execution requests commitment (Prague), or null
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address coinbase,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    UInt256 difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash mixHash,
    Bytes nonce,
    UInt256 baseFeePerGas,
    Hash withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    Hash parentBeaconBlockRoot,
    Hash requestsHash) {

  /** Size of the proof-of-work nonce. */
  public static final int NONCE_SIZE = 8;
  /** The zero nonce that every post-merge header carries. */
  public static final Bytes ZERO_NONCE = Bytes.wrap(new byte[NONCE_SIZE]);

  /** Number of RLP fields of each header shape, oldest first. */
  private static final int FRONTIER_FIELDS = 15;
  private static final int LONDON_FIELDS = 16;
  private static final int SHANGHAI_FIELDS = 17;
  private static final int CANCUN_FIELDS = 20;
  private static final int PRAGUE_FIELDS = 21;

  public BlockHeader {
    requireNonNull(parentHash, "parentHash");
    requireNonNull(ommersHash, "ommersHash");
    requireNonNull(coinbase, "coinbase");
    requireNonNull(stateRoot, "stateRoot");
    requireNonNull(transactionsRoot, "transactionsRoot");
    requireNonNull(receiptsRoot, "receiptsRoot");
    requireNonNull(logsBloom, "logsBloom");
    requireNonNull(difficulty, "difficulty");
    requireNonNull(extraData, "extraData");
    requireNonNull(mixHash, "mixHash");
    requireNonNull(nonce, "nonce");
    if (nonce.size() != NONCE_SIZE) {
      throw new IllegalArgumentException("nonce must have " + NONCE_SIZE + " bytes, got " + nonce.size());
    }
    // The optional fields form a prefix: a fork's fields imply every earlier fork's.
    boolean anyBlob = blobGasUsed != null || excessBlobGas != null || parentBeaconBlockRoot != null;
    boolean allBlob = blobGasUsed != null && excessBlobGas != null && parentBeaconBlockRoot != null;
    if (anyBlob && !allBlob) {
      throw new IllegalArgumentException(
          "blobGasUsed, excessBlobGas and parentBeaconBlockRoot are present together or not at all");
    }
    if (requestsHash != null && !allBlob) {
      throw new IllegalArgumentException("requestsHash (Prague) needs the Cancun fields");
    }
    if (allBlob && withdrawalsRoot == null) {
      throw new IllegalArgumentException("the Cancun fields need withdrawalsRoot (Shanghai)");
    }
    if (withdrawalsRoot != null && baseFeePerGas == null) {
      throw new IllegalArgumentException("withdrawalsRoot (Shanghai) needs baseFeePerGas (London)");
    }
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("header field " + name + " must not be null");
    }
  }

  /** The post-merge name of {@link #mixHash}: the beacon chain's RANDAO mix (EIP-4399). */
  public Hash prevRandao() {
    return mixHash;
  }

  /** How many RLP fields this header has: 15, 16, 17, 20 or 21. */
  public int fieldCount() {
    if (requestsHash != null) {
      return PRAGUE_FIELDS;
    }
    if (parentBeaconBlockRoot != null) {
      return CANCUN_FIELDS;
    }
    if (withdrawalsRoot != null) {
      return SHANGHAI_FIELDS;
    }
    return baseFeePerGas != null ? LONDON_FIELDS : FRONTIER_FIELDS;
  }

  /**
   * The {@code mixHash} of every BFT (QBFT) block, "ctical byzantine fault tolerance" as
   * Besu writes it; it marks a header whose hash leaves out the round and commit seals.
   */
  public static final Hash BFT_MIX_HASH =
      Hash.fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");

  /**
   * The block hash: keccak-256 of the header's RLP. A BFT header (mixHash
   * {@link #BFT_MIX_HASH}) is hashed with its extraData's round set to 0 and its commit
   * seals left out, as Besu defines the on-chain hash of a QBFT block, so the hash does not
   * depend on which quorum of seals a node collected.
   */
  public Hash hash() {
    if (BFT_MIX_HASH.equals(mixHash)) {
      Bytes onChain = BftExtraData.withoutRoundAndSeals(extraData);
      if (onChain != null) {
        return Keccak.hash256(toBuilder().extraData(onChain).build().encode());
      }
    }
    return Keccak.hash256(encode());
  }

  /** The RLP list of the header's fields. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(640);
    writeTo(w);
    return w.toBytes();
  }

  /** Appends the header as one RLP list. */
  public void writeTo(RlpWriter w) {
    w.startList()
        .writeBytes(parentHash.bytes())
        .writeBytes(ommersHash.bytes())
        .writeBytes(coinbase.bytes())
        .writeBytes(stateRoot.bytes())
        .writeBytes(transactionsRoot.bytes())
        .writeBytes(receiptsRoot.bytes())
        .writeBytes(logsBloom.bytes())
        .writeUInt256(difficulty)
        .writeUnsignedLong(number)
        .writeUnsignedLong(gasLimit)
        .writeUnsignedLong(gasUsed)
        .writeUnsignedLong(timestamp)
        .writeBytes(extraData)
        .writeBytes(mixHash.bytes())
        .writeBytes(nonce);
    if (baseFeePerGas != null) {
      w.writeUInt256(baseFeePerGas);
    }
    if (withdrawalsRoot != null) {
      w.writeBytes(withdrawalsRoot.bytes());
    }
    if (parentBeaconBlockRoot != null) {
      w.writeUnsignedLong(blobGasUsed).writeUnsignedLong(excessBlobGas).writeBytes(parentBeaconBlockRoot.bytes());
    }
    if (requestsHash != null) {
      w.writeBytes(requestsHash.bytes());
    }
    w.endList();
  }

  /** Decodes a header that is all of {@code rlp}. */
  public static BlockHeader decode(Bytes rlp) throws InvalidBlockException {
    return read(Fields.ofList(rlp, "header"));
  }

  /** Reads the next item of {@code reader}, which must be a header. */
  public static BlockHeader readFrom(RlpReader reader) throws InvalidBlockException {
    return read(Fields.of(reader, "header").list("header"));
  }

  static BlockHeader read(Fields f) throws InvalidBlockException {
    Hash parentHash = f.hash("parent_hash");
    Hash ommersHash = f.hash("ommers_hash");
    Address coinbase = f.address("coinbase");
    Hash stateRoot = f.hash("state_root");
    Hash transactionsRoot = f.hash("transactions_root");
    Hash receiptsRoot = f.hash("receipt_root");
    LogsBloom bloom = new LogsBloom(f.fixed("bloom", LogsBloom.SIZE));
    UInt256 difficulty = f.u256("difficulty");
    long number = f.u64("number");
    long gasLimit = f.u64("gas_limit");
    long gasUsed = f.u64("gas_used");
    long timestamp = f.u64("timestamp");
    Bytes extraData = f.bytes("extra_data");
    Hash mixHash = f.hash("prev_randao");
    Bytes nonce = f.fixed("nonce", NONCE_SIZE);
    UInt256 baseFee = null;
    Hash withdrawalsRoot = null;
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash parentBeaconBlockRoot = null;
    Hash requestsHash = null;
    int count = FRONTIER_FIELDS;
    if (!f.isDone()) {
      baseFee = f.u256("base_fee_per_gas");
      count++;
    }
    if (!f.isDone()) {
      withdrawalsRoot = f.hash("withdrawals_root");
      count++;
    }
    if (!f.isDone()) {
      // Cancun added three fields at once; a header with only some of them has no fork.
      blobGasUsed = f.u64("blob_gas_used");
      count++;
      if (!f.isDone()) {
        excessBlobGas = f.u64("excess_blob_gas");
        count++;
      }
      if (!f.isDone()) {
        parentBeaconBlockRoot = f.hash("parent_beacon_block_root");
        count++;
      }
      if (parentBeaconBlockRoot == null) {
        throw new InvalidBlockException(Reason.WRONG_FIELD_COUNT, "header: " + count
            + " fields; a header has 15 (Frontier), 16 (London), 17 (Shanghai), 20 (Cancun) or 21 (Prague)");
      }
    }
    if (!f.isDone()) {
      requestsHash = f.hash("requests_hash");
    }
    if (!f.isDone()) {
      throw new InvalidBlockException(Reason.WRONG_FIELD_COUNT,
          "header: more than " + PRAGUE_FIELDS + " fields; no fork defines a longer header");
    }
    return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, bloom,
        difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFee, withdrawalsRoot,
        blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash);
  }

  /** A builder starting from this header's fields. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A builder with the values of an empty post-merge block where a field has a natural
   * default: empty ommers hash, empty-trie roots, empty bloom, zero difficulty, zero nonce,
   * zero hashes, empty extra data; no optional (fork) fields.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds headers field by field; the optional fields stay absent unless set. */
  public static final class Builder {
    private Hash parentHash = Hash.ZERO;
    private Hash ommersHash = BlockRoots.EMPTY_OMMERS_HASH;
    private Address coinbase = Address.ZERO;
    private Hash stateRoot = MerkleTrie.EMPTY_ROOT;
    private Hash transactionsRoot = MerkleTrie.EMPTY_ROOT;
    private Hash receiptsRoot = MerkleTrie.EMPTY_ROOT;
    private LogsBloom logsBloom = LogsBloom.EMPTY;
    private UInt256 difficulty = UInt256.ZERO;
    private long number;
    private long gasLimit;
    private long gasUsed;
    private long timestamp;
    private Bytes extraData = Bytes.EMPTY;
    private Hash mixHash = Hash.ZERO;
    private Bytes nonce = ZERO_NONCE;
    private UInt256 baseFeePerGas;
    private Hash withdrawalsRoot;
    private Long blobGasUsed;
    private Long excessBlobGas;
    private Hash parentBeaconBlockRoot;
    private Hash requestsHash;

    private Builder() {}

    private Builder(BlockHeader h) {
      parentHash = h.parentHash;
      ommersHash = h.ommersHash;
      coinbase = h.coinbase;
      stateRoot = h.stateRoot;
      transactionsRoot = h.transactionsRoot;
      receiptsRoot = h.receiptsRoot;
      logsBloom = h.logsBloom;
      difficulty = h.difficulty;
      number = h.number;
      gasLimit = h.gasLimit;
      gasUsed = h.gasUsed;
      timestamp = h.timestamp;
      extraData = h.extraData;
      mixHash = h.mixHash;
      nonce = h.nonce;
      baseFeePerGas = h.baseFeePerGas;
      withdrawalsRoot = h.withdrawalsRoot;
      blobGasUsed = h.blobGasUsed;
      excessBlobGas = h.excessBlobGas;
      parentBeaconBlockRoot = h.parentBeaconBlockRoot;
      requestsHash = h.requestsHash;
    }

    public Builder parentHash(Hash v) {
      parentHash = v;
      return this;
    }

    public Builder ommersHash(Hash v) {
      ommersHash = v;
      return this;
    }

    public Builder coinbase(Address v) {
      coinbase = v;
      return this;
    }

    public Builder stateRoot(Hash v) {
      stateRoot = v;
      return this;
    }

    public Builder transactionsRoot(Hash v) {
      transactionsRoot = v;
      return this;
    }

    public Builder receiptsRoot(Hash v) {
      receiptsRoot = v;
      return this;
    }

    public Builder logsBloom(LogsBloom v) {
      logsBloom = v;
      return this;
    }

    public Builder difficulty(UInt256 v) {
      difficulty = v;
      return this;
    }

    public Builder number(long v) {
      number = v;
      return this;
    }

    public Builder gasLimit(long v) {
      gasLimit = v;
      return this;
    }

    public Builder gasUsed(long v) {
      gasUsed = v;
      return this;
    }

    public Builder timestamp(long v) {
      timestamp = v;
      return this;
    }

    public Builder extraData(Bytes v) {
      extraData = v;
      return this;
    }

    public Builder mixHash(Hash v) {
      mixHash = v;
      return this;
    }

    /** Same field as {@link #mixHash}, under its post-merge name. */
    public Builder prevRandao(Hash v) {
      mixHash = v;
      return this;
    }

    public Builder nonce(Bytes v) {
      nonce = v;
      return this;
    }

    public Builder baseFeePerGas(UInt256 v) {
      baseFeePerGas = v;
      return this;
    }

    public Builder withdrawalsRoot(Hash v) {
      withdrawalsRoot = v;
      return this;
    }

    public Builder blobGasUsed(Long v) {
      blobGasUsed = v;
      return this;
    }

    public Builder excessBlobGas(Long v) {
      excessBlobGas = v;
      return this;
    }

    public Builder parentBeaconBlockRoot(Hash v) {
      parentBeaconBlockRoot = v;
      return this;
    }

    public Builder requestsHash(Hash v) {
      requestsHash = v;
      return this;
    }

    /** The header; fails if a required field is null or the optional fields are not a prefix. */
    public BlockHeader build() {
      return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, logsBloom,
          difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFeePerGas,
          withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash);
    }
  }
}
