package org.linden.sync.net;

import java.util.LinkedHashMap;
import java.util.Map;
import org.linden.types.Hash;

/**
 * Hashes a peer is known to have (it sent or announced them, or we sent them), so that
 * nothing is announced back to it. Bounded: the oldest entries are forgotten first, so a
 * peer cannot grow it without limit. Thread-safe.
 */
final class KnownHashes {
  private final Map<Hash, Boolean> entries;

  KnownHashes(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void add(Hash hash) {
    entries.put(hash, Boolean.TRUE);
  }

  synchronized boolean contains(Hash hash) {
    return entries.containsKey(hash);
  }

  synchronized int size() {
    return entries.size();
  }
}
