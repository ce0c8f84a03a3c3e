package org.linden.evm.precompile;

import ethereum.cryptography.LibEthKZG;
import java.util.Arrays;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * POINT_EVALUATION at 0x0a (from Cancun, EIP-4844): verifies a KZG proof that the blob
 * behind a commitment evaluates to y at z. Input is exactly 192 bytes: versioned hash,
 * z, y (32 bytes each), commitment and proof (48 bytes each). The versioned hash must be
 * 0x01 ‖ sha256(commitment)[1:]. On success the output is FIELD_ELEMENTS_PER_BLOB and
 * BLS_MODULUS as two 32-byte words. 50000 gas.
 */
public final class KzgPointEvaluation implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x0a);

  static final int INPUT_SIZE = 192;
  private static final long GAS = 50_000;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  /** uint256(4096) ‖ uint256(BLS_MODULUS): a constant, so contracts can learn both. */
  static final Bytes SUCCESS_OUTPUT =
      Bytes.fromHex(
          "0000000000000000000000000000000000000000000000000000000000001000"
              + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    if (input.size() != INPUT_SIZE) {
      return PrecompileResult.failure("point evaluation input must be " + INPUT_SIZE + " bytes, got " + input.size());
    }
    byte[] data = input.unsafeArray();
    byte[] versionedHash = Arrays.copyOfRange(data, 0, 32);
    byte[] z = Arrays.copyOfRange(data, 32, 64);
    byte[] y = Arrays.copyOfRange(data, 64, 96);
    byte[] commitment = Arrays.copyOfRange(data, 96, 144);
    byte[] proof = Arrays.copyOfRange(data, 144, 192);
    if (!Arrays.equals(versionedHash(commitment), versionedHash)) {
      return PrecompileResult.failure("versioned hash does not match the commitment");
    }
    boolean valid;
    try {
      valid = Kzg.CONTEXT.verifyKzgProof(commitment, z, y, proof);
    } catch (RuntimeException e) {
      // Non-canonical field elements and bytes that are not curve points are rejected by
      // the library with an exception; to the EVM they are simply an invalid proof.
      return PrecompileResult.failure("invalid point evaluation input: " + e.getMessage());
    }
    return valid ? PrecompileResult.ok(SUCCESS_OUTPUT) : PrecompileResult.failure("KZG proof does not verify");
  }

  /** 0x01 ‖ sha256(commitment)[1:], as EIP-4844 defines kzg_to_versioned_hash. */
  static byte[] versionedHash(byte[] commitment) {
    byte[] hash = Sha256.digest(commitment, 0, commitment.length);
    hash[0] = VERSIONED_HASH_VERSION_KZG;
    return hash;
  }

  /**
   * Holds the library context, built on first use: loading the native code and the
   * trusted setup costs time and memory that nodes which never reach Cancun needn't pay.
   * The context is never closed; it lives as long as the process. Precomputed tables
   * only speed up proving (fixed-base multi-scalar multiplication), so a verifier skips
   * them.
   */
  static final class Kzg {
    static final LibEthKZG CONTEXT = new LibEthKZG(false);

    private Kzg() {}
  }
}
