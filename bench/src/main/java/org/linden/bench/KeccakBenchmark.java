package org.linden.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.linden.crypto.Keccak;
import org.linden.types.Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** keccak-256 of 32 bytes (a word, a hash) and of 1 KiB (a typical calldata or node). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeccakBenchmark {
  @Param({"32", "1024"})
  public int size;

  private byte[] input;

  @Setup
  public void setup() {
    input = new byte[size];
    new Random(1).nextBytes(input);
  }

  @Benchmark
  public Hash keccak256() {
    return Keccak.hash256(input);
  }

  /**
   * Peer: the JDK's SHA3-256, the same Keccak-f[1600] permutation with another padding,
   * so the ratio shows what our hashing path costs over the JDK's.
   */
  @Benchmark
  public byte[] jdkSha3() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA3-256").digest(input);
  }
}
