package org.linden.evm.precompile.bls12381;

import org.linden.types.Bytes;
import org.linden.types.Fork;

/** BLS12_MAP_FP2_TO_G2 (address 0x11): maps one Fp2 element to a G2 point (see {@link MapToG2}). */
public final class MapFp2ToG2 extends Bls12381Precompile {
  static final long GAS = 23800;

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    requireLength(input, Encoding.FP2_LENGTH);
    return Encoding.encodeG2(MapToG2.map(Encoding.decodeFp2(input, 0)));
  }
}
