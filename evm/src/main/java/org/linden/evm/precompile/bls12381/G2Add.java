package org.linden.evm.precompile.bls12381;

import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P2;

/**
 * BLS12_G2ADD (address 0x0d): the sum of two G2 points, which need only be on the curve (no
 * subgroup check, as for G1ADD).
 */
public final class G2Add extends Bls12381Precompile {
  static final long GAS = 600;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    requireLength(input, 2 * Encoding.G2_LENGTH);
    P2 sum = new P2(Encoding.decodeG2(input, 0));
    sum.add(Encoding.decodeG2(input, Encoding.G2_LENGTH));
    return Encoding.encodeG2(sum);
  }
}
