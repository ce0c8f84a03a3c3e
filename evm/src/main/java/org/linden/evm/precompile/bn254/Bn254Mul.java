package org.linden.evm.precompile.bn254;

import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.evm.precompile.bn254.Bn254Codec.InvalidInputException;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * ECMUL, the precompile at address 0x07 (EIP-196): multiplies a point of the alt_bn128 curve by a
 * scalar. Input is a point (x, y) and a scalar s, each a 32-byte big-endian number, zero-padded or
 * truncated to 96 bytes; s may be any 256-bit value. Output is the 64-byte point s·(x, y). A
 * coordinate ≥ p or a point off the curve fails the call. Gas is 40000, or 6000 from Istanbul
 * (EIP-1108).
 */
public final class Bn254Mul implements Precompile {
  private static final int INPUT_LENGTH = 96;

  @Override
  public long gas(Bytes input, Fork fork) {
    return fork.isAtLeast(Fork.ISTANBUL) ? 6000 : 40000;
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    byte[] in = Bn254Codec.padded(input, INPUT_LENGTH);
    try {
      G1Point p = Bn254Codec.readG1(in, 0);
      long[] scalar = Bn254Codec.readScalar(in, 64);
      byte[] out = new byte[64];
      p.mul(scalar).toBytes(out, 0);
      return PrecompileResult.ok(Bytes.wrap(out));
    } catch (InvalidInputException e) {
      return PrecompileResult.failure(e.getMessage());
    }
  }
}
