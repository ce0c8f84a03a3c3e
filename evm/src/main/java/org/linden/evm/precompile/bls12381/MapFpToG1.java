package org.linden.evm.precompile.bls12381;

import org.linden.types.Bytes;
import org.linden.types.Fork;

/** BLS12_MAP_FP_TO_G1 (address 0x10): maps one Fp element to a G1 point (see {@link MapToG1}). */
public final class MapFpToG1 extends Bls12381Precompile {
  static final long GAS = 5500;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    requireLength(input, Encoding.FP_LENGTH);
    return Encoding.encodeG1(MapToG1.map(Encoding.decodeFp(input, 0)));
  }
}
