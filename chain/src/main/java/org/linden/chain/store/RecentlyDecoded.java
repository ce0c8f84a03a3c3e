package org.linden.chain.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.linden.types.Hash;

/**
 * The last decoded values of one kind (bodies, receipt lists) by block hash, least recently
 * used first out. Stored values never change under their hash, so nothing is invalidated.
 * The bound is a weight (transactions or receipts held), not a count: one block of 5,000
 * transactions weighs as much as a hundred small ones. Wallets and explorers ask for the
 * receipts of one new block thousands of times in a row, and decoding the whole block for
 * each answer made a receipt lookup cost as much as the block.
 */
final class RecentlyDecoded<V> {
  private final int maxWeight;
  private final ToIntFunction<V> weigher;
  private final LinkedHashMap<Hash, V> entries = new LinkedHashMap<>(64, 0.75f, true);
  private int weight;

  RecentlyDecoded(int maxWeight, ToIntFunction<V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  /**
   * The value under {@code hash}, decoded by {@code load} when it is not held. Decoding runs
   * outside the lock, so two readers of the same new block may both decode it once.
   */
  V get(Hash hash, Function<Hash, V> load) {
    synchronized (this) {
      V held = entries.get(hash);
      if (held != null) {
        return held;
      }
    }
    V value = load.apply(hash);
    if (value != null) {
      put(hash, value);
    }
    return value;
  }

  private synchronized void put(Hash hash, V value) {
    int w = weigher.applyAsInt(value);
    if (w > maxWeight) {
      return;
    }
    V before = entries.put(hash, value);
    weight += w - (before == null ? 0 : weigher.applyAsInt(before));
    Iterator<Map.Entry<Hash, V>> eldest = entries.entrySet().iterator();
    while (weight > maxWeight && eldest.hasNext()) {
      weight -= weigher.applyAsInt(eldest.next().getValue());
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized int weight() {
    return weight;
  }
}
