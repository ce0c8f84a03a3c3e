package org.linden.evm.precompile.bls12381;

import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P1_Affine;

/**
 * BLS12_G1MSM (address 0x0c): sum of s_i·P_i over k ≥ 1 pairs of a G1 point (which must be in
 * the order-q subgroup) and a 32-byte scalar. With k = 1 it is also the plain multiplication
 * that EIP-2537 folded into this address.
 */
public final class G1Msm extends Bls12381Precompile {
  static final int PAIR_LENGTH = Encoding.G1_LENGTH + Encoding.SCALAR_LENGTH;

  @Override
  public long gas(Bytes input, Fork fork) {
    return MsmGas.g1(input.size());
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    int k = requireRecords(input, PAIR_LENGTH);
    P1_Affine[] points = new P1_Affine[k];
    byte[][] scalars = new byte[k][];
    for (int i = 0; i < k; i++) {
      int offset = i * PAIR_LENGTH;
      points[i] = Encoding.decodeG1InSubgroup(input, offset);
      scalars[i] = Encoding.scalar(input, offset + Encoding.G1_LENGTH);
    }
    return Encoding.encodeG1(Msm.G1.compute(points, scalars));
  }
}
