package org.linden.trie;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.TreeMap;
import org.linden.types.Bytes;

/** Seeded random key sets for the trie tests. */
final class TrieTestData {
  private TrieTestData() {}

  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Keys over a tiny alphabet with lengths 0..4, so that many keys are prefixes of one
   * another and branches carry values; values of 1..40 bytes straddle the 32-byte inline
   * limit.
   */
  static TreeMap<Bytes, Bytes> shortKeys(Random random, int count) {
    TreeMap<Bytes, Bytes> map = new TreeMap<>();
    while (map.size() < count) {
      byte[] key = new byte[random.nextInt(5)];
      for (int i = 0; i < key.length; i++) {
        key[i] = (byte) (random.nextInt(3) * 0x11 + (random.nextBoolean() ? 0 : 0x10));
      }
      map.put(Bytes.wrap(key), value(random));
    }
    return map;
  }

  /** Uniform 32-byte keys, the shape of a secure trie. */
  static TreeMap<Bytes, Bytes> hashedKeys(Random random, int count) {
    TreeMap<Bytes, Bytes> map = new TreeMap<>();
    while (map.size() < count) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      map.put(Bytes.wrap(key), value(random));
    }
    return map;
  }

  static Bytes value(Random random) {
    byte[] v = new byte[1 + random.nextInt(40)];
    random.nextBytes(v);
    return Bytes.wrap(v);
  }

  static MerkleTrie trieOf(java.util.Map<Bytes, Bytes> entries) {
    MerkleTrie trie = new MerkleTrie();
    entries.forEach(trie::put);
    return trie;
  }
}
