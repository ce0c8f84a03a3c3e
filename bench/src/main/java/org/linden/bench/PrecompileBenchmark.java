package org.linden.bench;

import java.util.concurrent.TimeUnit;
import org.linden.evm.precompile.Modexp;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.evm.precompile.bn254.Bn254Pairing;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The expensive precompiles: a two-pair BN254 pairing check and a 2048-bit MODEXP. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrecompileBenchmark {
  // e(G1, G2) · e(-G1, G2) = 1: the G1 generator, its negation, and the G2 generator in
  // EIP-197's encoding (imaginary part first).
  private static final String G1 = "00".repeat(31) + "01" + "00".repeat(31) + "02";
  private static final String NEG_G1 = "00".repeat(31) + "01"
      + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45";
  private static final String G2 = "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
      + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
      + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
      + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

  private final Bn254Pairing pairing = new Bn254Pairing();
  private final Modexp modexp = new Modexp();
  private Bytes pairingInput;
  private Bytes modexpInput;

  @Setup
  public void setup() {
    pairingInput = Bytes.fromHex(G1 + G2 + NEG_G1 + G2);
    PrecompileResult r = pairing.run(pairingInput, Fork.OSAKA);
    if (!r.success() || r.output().getUnsigned(31) != 1) {
      throw new IllegalStateException("pairing check input does not verify");
    }
    String len = "00".repeat(30) + "0100";
    // 256-byte base, exponent and odd modulus: an RSA-2048-sized exponentiation.
    modexpInput = Bytes.fromHex(len + len + len + "a5".repeat(256) + "f1".repeat(256) + "c3".repeat(255) + "c7");
  }

  @Benchmark
  public PrecompileResult bn254PairingTwoPairs() {
    return pairing.run(pairingInput, Fork.OSAKA);
  }

  @Benchmark
  public PrecompileResult modexp2048() {
    return modexp.run(modexpInput, Fork.OSAKA);
  }
}
