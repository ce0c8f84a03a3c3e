package org.linden.chain.tx;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A map of recent entries bounded by two generations: entries go to the young map; when it is
 * full it becomes the old one and the previous old one is dropped. A hit in the old generation
 * moves the entry back to the young one. Safe for concurrent use.
 */
final class Generations<K, V> {
  private final int generationSize;
  private volatile ConcurrentHashMap<K, V> young = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<K, V> old = new ConcurrentHashMap<>();

  Generations(int generationSize) {
    this.generationSize = generationSize;
  }

  /** The value of {@code key}, or null. */
  V get(K key) {
    return get(key, UnaryOperator.identity());
  }

  /**
   * The value of {@code key}, or null; an entry found in the old generation is moved back under
   * {@code keep.apply(key)}, for callers whose lookup keys differ from the keys they store.
   */
  V get(K key, UnaryOperator<K> keep) {
    V v = young.get(key);
    if (v == null) {
      v = old.get(key);
      if (v != null) {
        put(keep.apply(key), v);
      }
    }
    return v;
  }

  void put(K key, V value) {
    ConcurrentHashMap<K, V> y = young;
    y.put(key, value);
    if (y.size() > generationSize) {
      synchronized (this) {
        if (young == y) {
          old = y;
          young = new ConcurrentHashMap<>();
        }
      }
    }
  }
}
