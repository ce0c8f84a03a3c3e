package org.linden.evm.precompile.bn254;

import org.linden.types.Bytes;

/**
 * Reads and writes the Ethereum encodings of EIP-196 and EIP-197: field elements as 32-byte
 * big-endian numbers below p, points as affine (x, y) with (0, 0) for infinity, and F_p2 elements
 * a·i + b as (a, b) — imaginary part first.
 */
final class Bn254Codec {
  private Bn254Codec() {}

  /** Why an input was rejected; thrown inside this package and turned into a failed call. */
  static final class InvalidInputException extends Exception {
    InvalidInputException(String reason) {
      // No stack trace: a failing call is an ordinary outcome that anyone can trigger cheaply.
      super(reason, null, false, false);
    }
  }

  /**
   * The input cut or zero-extended to {@code length} bytes, as if read with CALLDATALOAD: a short
   * input is virtually padded with zeros and surplus bytes are ignored.
   */
  static byte[] padded(Bytes input, int length) {
    byte[] out = new byte[length];
    System.arraycopy(input.unsafeArray(), 0, out, 0, Math.min(length, input.size()));
    return out;
  }

  static Fp readFp(byte[] in, int offset) throws InvalidInputException {
    Fp v = Fp.fromBytes(in, offset);
    if (v == null) {
      throw new InvalidInputException("coordinate not below the field modulus");
    }
    return v;
  }

  /** A G1 point at {@code offset} (64 bytes); every point on the curve is in G1. */
  static G1Point readG1(byte[] in, int offset) throws InvalidInputException {
    Fp x = readFp(in, offset);
    Fp y = readFp(in, offset + 32);
    if (x.isZero() && y.isZero()) {
      return G1Point.INFINITY;
    }
    if (!G1Point.isOnCurve(x, y)) {
      throw new InvalidInputException("G1 point not on curve");
    }
    return G1Point.fromAffine(x, y);
  }

  /**
   * A point of the twist at {@code offset} (128 bytes: x.imaginary, x.real, y.imaginary, y.real),
   * checked to be on the twist but not yet to be in G2, which the caller must settle (the pairing
   * does it in its Miller loop).
   */
  static G2Point readTwistPoint(byte[] in, int offset) throws InvalidInputException {
    Fp xIm = readFp(in, offset);
    Fp xRe = readFp(in, offset + 32);
    Fp yIm = readFp(in, offset + 64);
    Fp yRe = readFp(in, offset + 96);
    Fp2 x = new Fp2(xRe, xIm);
    Fp2 y = new Fp2(yRe, yIm);
    if (x.isZero() && y.isZero()) {
      return G2Point.INFINITY;
    }
    if (!G2Point.isOnCurve(x, y)) {
      throw new InvalidInputException("G2 point not on curve");
    }
    return G2Point.fromAffine(x, y);
  }

  /** A 32-byte big-endian scalar at {@code offset} as little-endian limbs. */
  static long[] readScalar(byte[] in, int offset) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      long v = 0;
      for (int j = 0; j < 8; j++) {
        v = (v << 8) | (in[offset + 8 * (3 - i) + j] & 0xff);
      }
      limbs[i] = v;
    }
    return limbs;
  }
}
