package org.linden.explorer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.chain.store.ChainStore;
import org.linden.state.Column;
import org.linden.state.KeyValue;
import org.linden.state.KeyValueIterator;
import org.linden.state.KeyValueStore;
import org.linden.state.WriteBatch;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which canonical transactions and token transfers touch each address, kept in the
 * {@link Column#ADDRESS_INDEX} column so that an address page is one prefix scan instead
 * of a walk over the chain. It follows the chain as a listener (entries of blocks that a
 * reorg takes off are deleted) and remembers the last block it indexed, so a node that
 * stopped, crashed between a block and its entries, or ran with the index off catches up
 * on the next start.
 *
 * <p>Reads check each entry's block against the canonical chain, so an entry left behind
 * by a crash in the middle of a reorg is never shown.
 */
public final class AddressIndex implements Blockchain.ChainListener {
  private static final Logger LOG = LoggerFactory.getLogger(AddressIndex.class);
  /** Blocks per write batch while catching up. */
  private static final int CATCH_UP_BATCH = 256;
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  private final Blockchain chain;
  private final ChainStore blocks;
  private final KeyValueStore store;
  private final SenderLookup senders;

  public AddressIndex(Blockchain chain) {
    this.chain = chain;
    this.blocks = chain.store();
    this.store = blocks.store();
    this.senders = new SenderLookup(chain.config(), blocks);
  }

  /** Brings the index up to the chain's head, then follows the chain. */
  public void attach() {
    // The chain imports under its own monitor: holding it means no block lands between the
    // last block caught up and the first one heard as a listener.
    synchronized (chain) {
      catchUp();
      chain.addListener(this);
    }
  }

  /** Stops following the chain; the entries stay and a later {@link #attach} resumes. */
  public void detach() {
    chain.removeListener(this);
  }

  /** The number of the last block indexed, or -1 if none was. */
  public long indexedHead() {
    return indexedHeadMarker().map(IndexedHead::number).orElse(-1L);
  }

  @Override
  public void blockAdded(Block block, List<Receipt> receipts) {
    try (WriteBatch batch = store.newBatch()) {
      put(batch, block, receipts);
      mark(batch, block.header());
      batch.commit();
    }
  }

  @Override
  public void blockRemoved(Block block) {
    try (WriteBatch batch = store.newBatch()) {
      remove(batch, block);
      blocks.header(block.header().parentHash()).ifPresent(parent -> mark(batch, parent));
      batch.commit();
    }
  }

  /** Transactions touching {@code address}, newest first, starting after {@code after} (null: the newest). */
  public Page<TransactionRef> transactions(Address address, Cursor after, int limit) {
    return page(IndexKeys.TRANSACTION, address, after, limit, (key, value) -> new TransactionRef(
        IndexKeys.blockNumber(key), Hash.wrap(Bytes.copyOf(value, 0, 32)), IndexKeys.position(key),
        Address.wrap(Bytes.copyOf(value, 32, 20))));
  }

  /** Token transfers from or to {@code address}, newest first, starting after {@code after}. */
  public Page<TransferRef> transfers(Address address, Cursor after, int limit) {
    return page(IndexKeys.TRANSFER, address, after, limit, (key, value) -> {
      ByteBuffer v = ByteBuffer.wrap(value);
      Hash blockHash = Hash.wrap(Bytes.copyOf(value, 0, 32));
      int txIndex = v.getInt(32);
      Hash txHash = Hash.wrap(Bytes.copyOf(value, 36, 32));
      TokenTransfer.Standard standard = TokenTransfer.Standard.values()[value[68]];
      TokenTransfer t = new TokenTransfer(standard, Address.wrap(Bytes.copyOf(value, 69, 20)),
          Address.wrap(Bytes.copyOf(value, 89, 20)), Address.wrap(Bytes.copyOf(value, 109, 20)),
          UInt256.fromBytes(value, 129, 32));
      return new TransferRef(IndexKeys.blockNumber(key), blockHash, IndexKeys.position(key), txIndex, txHash, t);
    });
  }

  private <T> Page<T> page(byte kind, Address address, Cursor after, int limit, BiFunction<byte[], byte[], T> decode) {
    byte[] prefix = IndexKeys.prefix(kind, address);
    byte[] from = after == null ? prefix
        : IndexKeys.after(IndexKeys.entry(kind, address, after.blockNumber(), after.position()));
    List<T> items = new ArrayList<>();
    byte[] lastKey = null;
    boolean more = false;
    try (KeyValueIterator it = store.iterate(Column.ADDRESS_INDEX, from, KeyValueStore.prefixEnd(prefix))) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        if (items.size() == limit) {
          more = true;
          break;
        }
        if (!canonical(IndexKeys.blockNumber(kv.key()), kv.value())) {
          continue;
        }
        items.add(decode.apply(kv.key(), kv.value()));
        lastKey = kv.key();
      }
    }
    Cursor next = more && lastKey != null
        ? new Cursor(IndexKeys.blockNumber(lastKey), IndexKeys.position(lastKey)) : null;
    return new Page<>(items, next);
  }

  private boolean canonical(long number, byte[] value) {
    return blocks.canonicalHash(number)
        .map(h -> java.util.Arrays.equals(h.bytes().unsafeArray(), 0, 32, value, 0, 32)).orElse(false);
  }

  private void catchUp() {
    Optional<IndexedHead> marker = indexedHeadMarker();
    BlockHeader from = null;
    if (marker.isPresent()) {
      from = blocks.header(marker.get().hash()).orElse(null);
      // Entries of blocks that left the canonical chain while nobody listened come off first.
      while (from != null && !isCanonical(from)) {
        BlockHeader stale = from;
        try (WriteBatch batch = store.newBatch()) {
          blocks.body(stale.hash()).ifPresent(body -> remove(batch, new Block(stale, body)));
          from = blocks.header(stale.parentHash()).orElse(null);
          if (from != null) {
            mark(batch, from);
          }
          batch.commit();
        }
      }
    }
    long next = from == null ? 0 : from.number() + 1;
    long head = chain.head().number();
    if (next > head) {
      return;
    }
    if (head - next > CATCH_UP_BATCH) {
      LOG.info("indexing the addresses of blocks {} to {}", next, head);
    }
    long lastLog = System.nanoTime();
    while (next <= head) {
      long end = Math.min(head, next + CATCH_UP_BATCH - 1);
      try (WriteBatch batch = store.newBatch()) {
        BlockHeader last = null;
        for (long n = next; n <= end; n++) {
          Hash hash = blocks.canonicalHash(n).orElseThrow(() -> new IllegalStateException("no canonical block"));
          BlockHeader header = blocks.header(hash).orElseThrow();
          BlockBody body = blocks.body(hash).orElseThrow();
          put(batch, new Block(header, body), blocks.receipts(hash).orElse(List.of()));
          last = header;
        }
        mark(batch, last);
        batch.commit();
      }
      next = end + 1;
      if (System.nanoTime() - lastLog >= PROGRESS_EVERY_NANOS) {
        LOG.info("address index at block {} of {}", end, head);
        lastLog = System.nanoTime();
      }
    }
  }

  private boolean isCanonical(BlockHeader h) {
    return blocks.canonicalHash(h.number()).map(h.hash()::equals).orElse(false);
  }

  private void put(WriteBatch batch, Block block, List<Receipt> receipts) {
    for (Map.Entry<BlockEntries.Key, byte[]> e : BlockEntries.of(block, receipts, senders).entrySet()) {
      batch.put(Column.ADDRESS_INDEX, e.getKey().bytes(), e.getValue());
    }
  }

  private void remove(WriteBatch batch, Block block) {
    List<Receipt> receipts = blocks.receipts(block.hash()).orElse(List.of());
    for (BlockEntries.Key key : BlockEntries.of(block, receipts, senders).keySet()) {
      batch.delete(Column.ADDRESS_INDEX, key.bytes());
    }
  }

  private static void mark(WriteBatch batch, BlockHeader header) {
    batch.put(Column.ADDRESS_INDEX, IndexKeys.INDEXED_HEAD,
        ByteBuffer.allocate(40).putLong(header.number()).put(header.hash().bytes().unsafeArray()).array());
  }

  private Optional<IndexedHead> indexedHeadMarker() {
    return store.get(Column.ADDRESS_INDEX, IndexKeys.INDEXED_HEAD).map(v -> new IndexedHead(
        ByteBuffer.wrap(v).getLong(), Hash.wrap(Bytes.copyOf(v, 8, 32))));
  }

  private record IndexedHead(long number, Hash hash) {}
}
