package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import ethereum.cryptography.LibEthKZG;
import java.math.BigInteger;
import java.util.Random;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proofs are produced by the same library from a blob of our own, then checked through the precompile. */
class KzgPointEvaluationTest {
  private static final KzgPointEvaluation POINT_EVALUATION = new KzgPointEvaluation();
  private static final BigInteger BLS_MODULUS =
      new BigInteger("52435875175126190479447740508185965837690552500527637822603658699938581184513");

  private static byte[] commitment;
  private static byte[] z;
  private static byte[] y;
  private static byte[] proof;

  @BeforeAll
  static void proveAnEvaluation() {
    Random random = new Random(4844);
    byte[] blob = new byte[LibEthKZG.BYTES_PER_BLOB];
    random.nextBytes(blob);
    // A zero top byte keeps every field element below the BLS modulus.
    for (int i = 0; i < blob.length; i += 32) {
      blob[i] = 0;
    }
    z = new byte[32];
    random.nextBytes(z);
    z[0] = 0;
    LibEthKZG kzg = KzgPointEvaluation.Kzg.CONTEXT;
    commitment = kzg.blobToKZGCommitment(blob);
    byte[][] proofAndY = kzg.computeKzgProof(blob, z);
    proof = proofAndY[0];
    y = proofAndY[1];
  }

  @Test
  void validProofReturnsBlobConstants() {
    PrecompileResult result = POINT_EVALUATION.run(input(versionedHash(), z, y, commitment, proof), Fork.CANCUN);
    assertThat(result.success()).as(String.valueOf(result.reason())).isTrue();
    Bytes expected = Bytes.concat(uint256(BigInteger.valueOf(4096)), uint256(BLS_MODULUS));
    assertThat(result.output()).isEqualTo(expected);
  }

  @Test
  void versionedHashIsVersionByteThenTheTailOfSha256() throws Exception {
    byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(commitment);
    byte[] hash = versionedHash();
    assertThat(hash[0]).isEqualTo((byte) 0x01);
    assertThat(Bytes.wrap(hash).slice(1)).isEqualTo(Bytes.wrap(sha).slice(1));
  }

  @Test
  void gasIsFixed() {
    assertThat(POINT_EVALUATION.gas(Bytes.EMPTY, Fork.CANCUN)).isEqualTo(50_000);
    assertThat(POINT_EVALUATION.gas(input(versionedHash(), z, y, commitment, proof), Fork.OSAKA)).isEqualTo(50_000);
  }

  @Test
  void wrongClaimedValueFails() {
    byte[] otherY = y.clone();
    otherY[31] ^= 1;
    assertFails(input(versionedHash(), z, otherY, commitment, proof));
  }

  @Test
  void wrongPointFails() {
    byte[] otherZ = z.clone();
    otherZ[31] ^= 1;
    assertFails(input(versionedHash(), otherZ, y, commitment, proof));
  }

  @Test
  void versionedHashMustMatchTheCommitmentAndVersion() {
    byte[] wrongVersion = versionedHash();
    wrongVersion[0] = 0x02;
    assertFails(input(wrongVersion, z, y, commitment, proof));
    byte[] wrongDigest = versionedHash();
    wrongDigest[31] ^= 1;
    assertFails(input(wrongDigest, z, y, commitment, proof));
  }

  @Test
  void nonCanonicalFieldElementFails() {
    // z + modulus names the same point but is not a canonical encoding.
    byte[] unreduced = uint256(new BigInteger(1, z).add(BLS_MODULUS)).toArray();
    assertFails(input(versionedHash(), unreduced, y, commitment, proof));
  }

  @Test
  void garbageProofFails() {
    byte[] garbage = new byte[48];
    garbage[0] = (byte) 0x8f;
    garbage[47] = 1;
    assertFails(input(versionedHash(), z, y, commitment, garbage));
  }

  @Test
  void inputMustBeExactly192Bytes() {
    Bytes good = input(versionedHash(), z, y, commitment, proof);
    assertFails(good.slice(0, 191));
    assertFails(Bytes.concat(good, Bytes.of((byte) 0)));
    assertFails(Bytes.EMPTY);
  }

  private static void assertFails(Bytes in) {
    PrecompileResult result = POINT_EVALUATION.run(in, Fork.CANCUN);
    assertThat(result.success()).isFalse();
    assertThat(result.output()).isEqualTo(Bytes.EMPTY);
  }

  private static byte[] versionedHash() {
    return KzgPointEvaluation.versionedHash(commitment);
  }

  private static Bytes input(byte[] hash, byte[] zz, byte[] yy, byte[] c, byte[] p) {
    return Bytes.concat(Bytes.wrap(hash), Bytes.wrap(zz), Bytes.wrap(yy), Bytes.wrap(c), Bytes.wrap(p));
  }

  private static Bytes uint256(BigInteger v) {
    return Bytes.wrap(v.toByteArray()).trimLeadingZeros().leftPad(32);
  }
}
