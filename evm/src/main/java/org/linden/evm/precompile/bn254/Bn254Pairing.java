package org.linden.evm.precompile.bn254;

import org.linden.evm.precompile.GasMath;
import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.evm.precompile.bn254.Bn254Codec.InvalidInputException;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * The pairing check at address 0x08 (EIP-197). Input is k pairs of a G1 point (64 bytes) and a G2
 * point (128 bytes, each F_p2 coordinate imaginary part first); output is the 32-byte number 1 when
 * e(P_1, Q_1)·…·e(P_k, Q_k) = 1 and 0 otherwise. Empty input gives 1. The call fails when the
 * length is not a multiple of 192, a coordinate is ≥ p, a point is off its curve, or a G2 point is
 * not in the subgroup of order r. Gas is 100000 + 80000·k, or 45000 + 34000·k from Istanbul
 * (EIP-1108).
 */
public final class Bn254Pairing implements Precompile {
  private static final int PAIR_LENGTH = 192;

  @Override
  public long gas(Bytes input, Fork fork) {
    long k = input.size() / PAIR_LENGTH;
    return fork.isAtLeast(Fork.ISTANBUL)
        ? GasMath.add(45_000, GasMath.mul(34_000, k))
        : GasMath.add(100_000, GasMath.mul(80_000, k));
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    if (input.size() % PAIR_LENGTH != 0) {
      return PrecompileResult.failure("input length not a multiple of 192");
    }
    int k = input.size() / PAIR_LENGTH;
    byte[] in = input.unsafeArray();
    G1Point[] ps = new G1Point[k];
    G2Point[] qs = new G2Point[k];
    try {
      for (int i = 0; i < k; i++) {
        ps[i] = Bn254Codec.readG1(in, i * PAIR_LENGTH);
        // Membership in G2 is settled by the pairing's Miller loop.
        qs[i] = Bn254Codec.readTwistPoint(in, i * PAIR_LENGTH + 64);
      }
    } catch (InvalidInputException e) {
      return PrecompileResult.failure(e.getMessage());
    }
    Pairing.Verdict verdict = Pairing.checkOnTwist(ps, qs);
    if (verdict == Pairing.Verdict.Q_NOT_IN_G2) {
      return PrecompileResult.failure("G2 point not in the subgroup of order r");
    }
    byte[] out = new byte[32];
    out[31] = (byte) (verdict == Pairing.Verdict.ONE ? 1 : 0);
    return PrecompileResult.ok(Bytes.wrap(out));
  }
}
