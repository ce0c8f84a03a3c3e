package org.linden.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Public-key recovery from a signature: the cost of finding each transaction's sender. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcrecoverBenchmark {
  private Hash message;
  private Signature signature;

  @Setup
  public void setup() {
    PrivateKey key = PrivateKey.fromHex("4646464646464646464646464646464646464646464646464646464646464646");
    message = Keccak.hash256(Bytes.wrap("a transaction's signing hash".getBytes()));
    signature = Secp256k1.sign(message, key);
  }

  @Benchmark
  public Optional<PublicKey> ecrecover() {
    return Secp256k1.recover(message, signature);
  }
}
