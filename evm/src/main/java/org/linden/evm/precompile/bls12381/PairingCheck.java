package org.linden.evm.precompile.bls12381;

import org.linden.evm.precompile.GasMath;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * BLS12_PAIRING_CHECK (address 0x0f): whether e(P1, Q1) · … · e(Pk, Qk) is the identity of the
 * target group, answered as a 32-byte word 1 or 0. Every point must be in its order-q subgroup.
 */
public final class PairingCheck extends Bls12381Precompile {
  static final int PAIR_LENGTH = Encoding.G1_LENGTH + Encoding.G2_LENGTH;
  static final long BASE_GAS = 37700;
  static final long PER_PAIR_GAS = 32600;

  /**
   * Charged on the number of whole pairs, like go-ethereum, so a malformed length is priced
   * sensibly before {@link #run} rejects it.
   */
  @Override
  public long gas(Bytes input, Fork fork) {
    return GasMath.add(BASE_GAS, GasMath.mul(PER_PAIR_GAS, input.size() / PAIR_LENGTH));
  }

  @Override
  byte[] compute(byte[] input) throws InvalidInputException {
    int k = requireRecords(input, PAIR_LENGTH);
    PT product = null;
    for (int i = 0; i < k; i++) {
      int offset = i * PAIR_LENGTH;
      P1_Affine p = Encoding.decodeG1(input, offset);
      P2_Affine q = Encoding.decodeG2(input, offset + Encoding.G1_LENGTH);
      if (!p.in_group()) {
        throw new InvalidInputException(InvalidInputException.G1_NOT_IN_SUBGROUP);
      }
      if (!q.in_group()) {
        throw new InvalidInputException(InvalidInputException.G2_NOT_IN_SUBGROUP);
      }
      if (p.is_inf() || q.is_inf()) {
        // e(O, Q) = e(P, O) = 1 contributes nothing; still validated above.
        continue;
      }
      // Multiply Miller loops and do the final exponentiation once at the end.
      PT miller = new PT(p, q);
      product = product == null ? miller : product.mul(miller);
    }
    byte[] out = new byte[32];
    if (product == null || product.final_exp().is_one()) {
      out[31] = 1;
    }
    return out;
  }
}
