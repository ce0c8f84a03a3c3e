package org.linden.evm.precompile.bls12381;

import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P1;

/**
 * BLS12_G1ADD (address 0x0b): the sum of two G1 points. Points need only be on the curve: the
 * EIP deliberately skips the subgroup check here because addition is cheap and well defined on
 * the whole curve.
 */
public final class G1Add extends Bls12381Precompile {
  static final long GAS = 375;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    requireLength(input, 2 * Encoding.G1_LENGTH);
    P1 sum = new P1(Encoding.decodeG1(input, 0));
    sum.add(Encoding.decodeG1(input, Encoding.G1_LENGTH));
    return Encoding.encodeG1(sum);
  }
}
