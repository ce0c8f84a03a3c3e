package org.linden.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.linden.trie.MerkleTrie;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building a trie of 10,000 random 32-byte keys (with 32-byte values) and hashing its root. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrieRootBenchmark {
  private Bytes[] keys;
  private Bytes[] values;

  @Setup
  public void setup() {
    Random r = new Random(5);
    keys = new Bytes[10_000];
    values = new Bytes[10_000];
    for (int i = 0; i < keys.length; i++) {
      byte[] k = new byte[32];
      byte[] v = new byte[32];
      r.nextBytes(k);
      r.nextBytes(v);
      keys[i] = Bytes.wrap(k);
      values[i] = Bytes.wrap(v);
    }
  }

  @Benchmark
  public Hash root10k() {
    MerkleTrie trie = new MerkleTrie();
    for (int i = 0; i < keys.length; i++) {
      trie.put(keys[i], values[i]);
    }
    return trie.rootHash();
  }
}
