package org.linden.evm.precompile.bn254;

import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.evm.precompile.bn254.Bn254Codec.InvalidInputException;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * ECADD, the precompile at address 0x06 (EIP-196): adds two points of the alt_bn128 curve y^2 = x^3
 * + 3. Input is two points (x, y) as 32-byte big-endian numbers, zero-padded or truncated to 128
 * bytes; (0, 0) is the point at infinity. Output is the 64-byte sum. A coordinate ≥ p or a point
 * off the curve fails the call. Gas is 500, or 150 from Istanbul (EIP-1108).
 */
public final class Bn254Add implements Precompile {
  private static final int INPUT_LENGTH = 128;

  @Override
  public long gas(Bytes input, Fork fork) {
    return fork.isAtLeast(Fork.ISTANBUL) ? 150 : 500;
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    byte[] in = Bn254Codec.padded(input, INPUT_LENGTH);
    try {
      G1Point a = Bn254Codec.readG1(in, 0);
      G1Point b = Bn254Codec.readG1(in, 64);
      byte[] out = new byte[64];
      a.add(b).toBytes(out, 0);
      return PrecompileResult.ok(Bytes.wrap(out));
    } catch (InvalidInputException e) {
      return PrecompileResult.failure(e.getMessage());
    }
  }
}
