package org.linden.evm.precompile;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * P256VERIFY at 0x100 (from Osaka, EIP-7951): ECDSA verification over secp256r1. Input is
 * exactly 160 bytes h ‖ r ‖ s ‖ qx ‖ qy. The output is the word 1 for a valid signature
 * and empty for anything else; the call itself never fails. 6900 gas.
 *
 * <p>The checks follow the EIP in order; verification is written out here over
 * BouncyCastle's curve arithmetic rather than delegated to a signer, so that the two
 * points where EIP-7951 tightened RIP-7212 stay visible: R' at infinity is invalid, and
 * R'.x is compared with r modulo n. Constant time is explicitly not required.
 */
public final class P256Verify implements Precompile {
  public static final Address ADDRESS = Address.fromNumber(0x100);

  static final int INPUT_SIZE = 160;
  private static final long GAS = 6900;

  private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = CURVE_PARAMS.getCurve();
  private static final ECPoint G = CURVE_PARAMS.getG();
  private static final BigInteger N = CURVE_PARAMS.getN();
  private static final BigInteger P = CURVE.getField().getCharacteristic();
  private static final BigInteger A = CURVE.getA().toBigInteger();
  private static final BigInteger B = CURVE.getB().toBigInteger();

  private static final Bytes VALID = Bytes.of((byte) 1).leftPad(32);
  private static final PrecompileResult INVALID = PrecompileResult.ok(Bytes.EMPTY);

  @Override
  public long gas(Bytes input, Fork fork) {
    return GAS;
  }

  @Override
  public PrecompileResult run(Bytes input, Fork fork) {
    if (input.size() != INPUT_SIZE) {
      return INVALID;
    }
    byte[] data = input.unsafeArray();
    BigInteger h = new BigInteger(1, data, 0, 32);
    BigInteger r = new BigInteger(1, data, 32, 32);
    BigInteger s = new BigInteger(1, data, 64, 32);
    BigInteger qx = new BigInteger(1, data, 96, 32);
    BigInteger qy = new BigInteger(1, data, 128, 32);
    if (!isScalarInRange(r) || !isScalarInRange(s)) {
      return INVALID;
    }
    if (qx.compareTo(P) >= 0 || qy.compareTo(P) >= 0) {
      return INVALID;
    }
    if (!isOnCurve(qx, qy) || (qx.signum() == 0 && qy.signum() == 0)) {
      return INVALID;
    }
    return verify(h, r, s, CURVE.createPoint(qx, qy)) ? PrecompileResult.ok(VALID) : INVALID;
  }

  /** R' = (h·s⁻¹)·G + (r·s⁻¹)·Q must be finite with R'.x ≡ r (mod n). */
  private static boolean verify(BigInteger h, BigInteger r, BigInteger s, ECPoint q) {
    BigInteger sInverse = s.modInverse(N);
    BigInteger u1 = h.multiply(sInverse).mod(N);
    BigInteger u2 = r.multiply(sInverse).mod(N);
    ECPoint rPrime = ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2).normalize();
    if (rPrime.isInfinity()) {
      return false;
    }
    return rPrime.getAffineXCoord().toBigInteger().mod(N).equals(r);
  }

  /** 0 < v < n. */
  private static boolean isScalarInRange(BigInteger v) {
    return v.signum() > 0 && v.compareTo(N) < 0;
  }

  /** y² ≡ x³ + a·x + b (mod p). */
  private static boolean isOnCurve(BigInteger x, BigInteger y) {
    BigInteger left = y.multiply(y).mod(P);
    BigInteger right = x.multiply(x).multiply(x).add(A.multiply(x)).add(B).mod(P);
    return left.equals(right);
  }
}
