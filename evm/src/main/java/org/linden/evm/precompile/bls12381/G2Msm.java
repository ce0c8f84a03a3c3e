package org.linden.evm.precompile.bls12381;

import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P2_Affine;

/**
 * BLS12_G2MSM (address 0x0e): sum of s_i·Q_i over k ≥ 1 pairs of a G2 point (which must be in
 * the order-q subgroup) and a 32-byte scalar; k = 1 is plain multiplication.
 */
public final class G2Msm extends Bls12381Precompile {
  static final int PAIR_LENGTH = Encoding.G2_LENGTH + Encoding.SCALAR_LENGTH;

  @Override
  public long gas(Bytes input, Fork fork) {
    return MsmGas.g2(input.size());
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    int k = requireRecords(input, PAIR_LENGTH);
    P2_Affine[] points = new P2_Affine[k];
    byte[][] scalars = new byte[k][];
    for (int i = 0; i < k; i++) {
      int offset = i * PAIR_LENGTH;
      points[i] = Encoding.decodeG2InSubgroup(input, offset);
      scalars[i] = Encoding.scalar(input, offset + Encoding.G2_LENGTH);
    }
    return Encoding.encodeG2(Msm.G2.compute(points, scalars));
  }
}
