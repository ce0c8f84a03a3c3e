package org.linden.chain.txpool;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.types.Hash;

/**
 * Sidecars of blob transactions that left the pool because a block included them. A block
 * carries only the versioned hashes, so if a reorg takes the block away the pool needs the
 * blobs from here to take the transaction back (geth's blob pool keeps such a limbo too).
 * Entries expire after {@link #DEPTH} blocks, deeper than any reorg the chain performs, and
 * the oldest go first when more than {@code maxBlobs} blobs are held.
 */
final class BlobLimbo {
  /** Blocks a sidecar is kept after its inclusion; the chain's deepest reorg. */
  static final long DEPTH = 128;

  private record Entry(BlobTransactionWithBlobs sidecar, long includedAt) {}

  private final LinkedHashMap<Hash, Entry> entries = new LinkedHashMap<>();
  private final int maxBlobs;
  private int blobs;

  BlobLimbo(int maxBlobs) {
    this.maxBlobs = maxBlobs;
  }

  void keep(Hash hash, BlobTransactionWithBlobs sidecar, long blockNumber) {
    Entry old = entries.put(hash, new Entry(sidecar, blockNumber));
    blobs += sidecar.blobs().size() - (old == null ? 0 : old.sidecar().blobs().size());
    Iterator<Entry> oldest = entries.values().iterator();
    while (blobs > maxBlobs && oldest.hasNext()) {
      blobs -= oldest.next().sidecar().blobs().size();
      oldest.remove();
    }
  }

  /** Removes and returns the sidecar of {@code hash}, or null. */
  BlobTransactionWithBlobs take(Hash hash) {
    Entry e = entries.remove(hash);
    if (e == null) {
      return null;
    }
    blobs -= e.sidecar().blobs().size();
    return e.sidecar();
  }

  /** Forgets sidecars included more than {@link #DEPTH} blocks before {@code headNumber}. */
  void prune(long headNumber) {
    Iterator<Map.Entry<Hash, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Entry e = it.next().getValue();
      if (headNumber - e.includedAt() > DEPTH) {
        blobs -= e.sidecar().blobs().size();
        it.remove();
      }
    }
  }

  int size() {
    return entries.size();
  }
}
