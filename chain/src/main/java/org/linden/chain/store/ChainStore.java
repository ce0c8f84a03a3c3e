package org.linden.chain.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.block.Receipt;
import org.linden.chain.execution.IrregularChanges;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.state.Column;
import org.linden.state.KeyValueStore;
import org.linden.state.MetaKey;
import org.linden.state.WriteBatch;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * Blocks, receipts and chain indexes in the key-value store: headers, bodies and
 * receipts by block hash, the canonical number → hash index, the transaction index and
 * the head and genesis pointers. Writes go into a caller's batch so that a block and
 * everything it changes commit together.
 */
public final class ChainStore {
  /** Transactions (or receipts) held decoded: a few large blocks or many small ones. */
  private static final int DECODED_WEIGHT = 20_000;

  private final KeyValueStore store;
  private final RecentlyDecoded<BlockBody> bodies =
      new RecentlyDecoded<>(DECODED_WEIGHT, b -> 1 + b.transactions().size() + b.ommers().size());
  private final RecentlyDecoded<List<Receipt>> receipts = new RecentlyDecoded<>(DECODED_WEIGHT, r -> 1 + r.size());

  public ChainStore(KeyValueStore store) {
    this.store = store;
  }

  public KeyValueStore store() {
    return store;
  }

  public Optional<BlockHeader> header(Hash hash) {
    return store.get(Column.HEADERS, hash.bytes().toArray()).map(b -> decode(() -> BlockHeader.decode(Bytes.wrap(b)),
        "header " + hash));
  }

  public Optional<BlockBody> body(Hash hash) {
    return Optional.ofNullable(bodies.get(hash, h -> store.get(Column.BODIES, h.bytes().toArray())
        .map(b -> decode(() -> BlockBody.decode(Bytes.wrap(b)), "body " + h)).orElse(null)));
  }

  /** The block's receipts in transaction order; the list is shared and unmodifiable. */
  public Optional<List<Receipt>> receipts(Hash hash) {
    return Optional.ofNullable(receipts.get(hash, h -> store.get(Column.RECEIPTS, h.bytes().toArray())
        .map(b -> decode(() -> {
          RlpReader list = RlpReader.of(b).readList();
          List<Receipt> out = new ArrayList<>();
          while (!list.isDone()) {
            out.add(Receipt.readFromList(list));
          }
          return List.copyOf(out);
        }, "receipts " + h)).orElse(null)));
  }

  /**
   * The dev-mode {@link IrregularChanges} a block carries, if any. Kept in {@link Column#META}
   * under {@code "irregular:" ‖ block hash}, a side table only dev chains ever write.
   */
  public Optional<IrregularChanges> irregularChanges(Hash blockHash) {
    return store.get(Column.META, irregularKey(blockHash)).map(b -> decode(() -> IrregularChanges.decode(Bytes.wrap(b)),
        "irregular changes of " + blockHash));
  }

  public void putIrregularChanges(WriteBatch batch, Hash blockHash, IrregularChanges changes) {
    batch.put(Column.META, irregularKey(blockHash), changes.encode().toArray());
  }

  private static byte[] irregularKey(Hash blockHash) {
    return Bytes.concat(Bytes.wrap("irregular:".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        blockHash.bytes()).toArray();
  }

  public Optional<Hash> canonicalHash(long number) {
    return store.get(Column.CANONICAL, numberKey(number)).map(Hash::wrap);
  }

  public Optional<Hash> head() {
    return store.get(Column.META, MetaKey.HEAD.key()).map(Hash::wrap);
  }

  public Optional<Hash> genesis() {
    return store.get(Column.META, MetaKey.GENESIS.key()).map(Hash::wrap);
  }

  public Optional<org.linden.types.UInt256> totalDifficulty(Hash hash) {
    return store.get(Column.TOTAL_DIFFICULTY, hash.bytes().toArray())
        .map(b -> org.linden.types.UInt256.fromBytes(Bytes.wrap(b)));
  }

  public void putTotalDifficulty(WriteBatch batch, Hash hash, org.linden.types.UInt256 td) {
    batch.put(Column.TOTAL_DIFFICULTY, hash.bytes().toArray(), td.toMinimalBytes().toArray());
  }

  /** Where a transaction sits: its block and index. */
  public record TxLocation(Hash blockHash, int index) {}

  public Optional<TxLocation> transaction(Hash txHash) {
    return store.get(Column.TX_INDEX, txHash.bytes().toArray()).map(b -> {
      RlpReader r = RlpReader.of(b).readList();
      return new TxLocation(Hash.wrap(r.readBytes(32)), r.readInt());
    });
  }

  public void putBlock(WriteBatch batch, BlockHeader header, BlockBody body) {
    byte[] key = header.hash().bytes().toArray();
    batch.put(Column.HEADERS, key, header.encode().toArray());
    batch.put(Column.BODIES, key, body.encode().toArray());
  }

  public void putReceipts(WriteBatch batch, Hash blockHash, List<Receipt> receipts) {
    RlpWriter w = new RlpWriter().startList();
    for (Receipt r : receipts) {
      r.writeToList(w);
    }
    batch.put(Column.RECEIPTS, blockHash.bytes().toArray(), w.endList().toBytes().toArray());
  }

  /** Makes a block canonical at its number and indexes its transactions. */
  public void putCanonical(WriteBatch batch, BlockHeader header, BlockBody body) {
    Hash hash = header.hash();
    batch.put(Column.CANONICAL, numberKey(header.number()), hash.bytes().toArray());
    for (int i = 0; i < body.transactions().size(); i++) {
      batch.put(Column.TX_INDEX, body.transactions().get(i).hash().bytes().toArray(),
          new RlpWriter().startList().writeBytes(hash.bytes()).writeLong(i).endList().toBytes().toArray());
    }
  }

  /** Removes a block from the canonical index (a reorg took it off the chain). */
  public void removeCanonical(WriteBatch batch, BlockHeader header, BlockBody body) {
    batch.delete(Column.CANONICAL, numberKey(header.number()));
    for (var tx : body.transactions()) {
      batch.delete(Column.TX_INDEX, tx.hash().bytes().toArray());
    }
  }

  public void putHead(WriteBatch batch, Hash hash) {
    batch.put(Column.META, MetaKey.HEAD.key(), hash.bytes().toArray());
  }

  /**
   * Records the safe and finalized blocks. With single-slot finality (QBFT, dev mode) both
   * are the head; an external consensus layer will set them through fork choice.
   */
  public void putFinality(WriteBatch batch, Hash hash) {
    batch.put(Column.META, MetaKey.SAFE.key(), hash.bytes().toArray());
    batch.put(Column.META, MetaKey.FINALIZED.key(), hash.bytes().toArray());
  }

  public Optional<Hash> safe() {
    return store.get(Column.META, MetaKey.SAFE.key()).map(Hash::wrap);
  }

  public Optional<Hash> finalized() {
    return store.get(Column.META, MetaKey.FINALIZED.key()).map(Hash::wrap);
  }

  public void putGenesis(WriteBatch batch, Hash hash) {
    batch.put(Column.META, MetaKey.GENESIS.key(), hash.bytes().toArray());
  }

  static byte[] numberKey(long number) {
    return ByteBuffer.allocate(8).putLong(number).array();
  }

  private interface Decoder<T> {
    T decode() throws InvalidBlockException;
  }

  private static <T> T decode(Decoder<T> d, String what) {
    try {
      return d.decode();
    } catch (InvalidBlockException | RuntimeException e) {
      throw new CorruptDatabaseException("stored " + what + " does not decode: " + e.getMessage(), e);
    }
  }
}
