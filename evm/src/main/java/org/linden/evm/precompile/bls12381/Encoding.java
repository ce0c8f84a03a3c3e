package org.linden.evm.precompile.bls12381;

import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537's byte formats: a field element is 64 big-endian bytes whose top 16 are zero and
 * whose value is below p; a point is x || y; all-zero bytes are the point at infinity; a scalar
 * is 32 big-endian bytes, not reduced.
 *
 * <p>blst serializes points with 48-byte coordinates and, in G2, the imaginary part first; this
 * class converts between the two layouts. It checks encodings and curve membership itself so
 * that each rejection has a precise reason, then hands blst a point it will accept.
 */
final class Encoding {
  static final int FP_LENGTH = 64;
  static final int FP2_LENGTH = 2 * FP_LENGTH;
  static final int G1_LENGTH = 2 * FP_LENGTH;
  static final int G2_LENGTH = 2 * FP2_LENGTH;
  static final int SCALAR_LENGTH = 32;

  /** Bytes of padding above the 48-byte value in each 64-byte field element. */
  private static final int PAD = FP_LENGTH - Fp.BYTES;

  /**
   * Offsets of blst's G2 coordinate slots (x.c1, x.c0, y.c1, y.c0) within the EIP layout
   * (x.c0, x.c1, y.c0, y.c1), in 64-byte units; the swap is its own inverse.
   */
  private static final int[] G2_SLOTS = {FP_LENGTH, 0, 3 * FP_LENGTH, 2 * FP_LENGTH};

  private static final Fp B = Fp.of(4);
  private static final Fp2 B2 = Fp2.of(4, 4);

  private Encoding() {}

  static Fp decodeFp(byte[] in, int offset) throws InvalidInputException {
    checkFieldElement(in, offset);
    return Fp.fromBytes(in, offset + PAD);
  }

  static Fp2 decodeFp2(byte[] in, int offset) throws InvalidInputException {
    Fp c0 = decodeFp(in, offset);
    Fp c1 = decodeFp(in, offset + FP_LENGTH);
    return new Fp2(c0, c1);
  }

  /** A point of E(Fp) or infinity; no subgroup check (G1ADD does not want one). */
  static P1_Affine decodeG1(byte[] in, int offset) throws InvalidInputException {
    Fp x = decodeFp(in, offset);
    Fp y = decodeFp(in, offset + FP_LENGTH);
    if (x.isZero() && y.isZero()) {
      return new P1_Affine();
    }
    if (!y.square().equals(x.square().multiply(x).add(B))) {
      throw new InvalidInputException(InvalidInputException.NOT_ON_CURVE);
    }
    byte[] raw = new byte[2 * Fp.BYTES];
    System.arraycopy(in, offset + PAD, raw, 0, Fp.BYTES);
    System.arraycopy(in, offset + FP_LENGTH + PAD, raw, Fp.BYTES, Fp.BYTES);
    return new P1_Affine(raw);
  }

  /** A point of E'(Fp2) or infinity; no subgroup check (G2ADD does not want one). */
  static P2_Affine decodeG2(byte[] in, int offset) throws InvalidInputException {
    Fp2 x = decodeFp2(in, offset);
    Fp2 y = decodeFp2(in, offset + FP2_LENGTH);
    if (x.isZero() && y.isZero()) {
      return new P2_Affine();
    }
    if (!y.square().equals(x.square().multiply(x).add(B2))) {
      throw new InvalidInputException(InvalidInputException.NOT_ON_CURVE);
    }
    byte[] raw = new byte[4 * Fp.BYTES];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(in, offset + G2_SLOTS[i] + PAD, raw, i * Fp.BYTES, Fp.BYTES);
    }
    return new P2_Affine(raw);
  }

  /** A G1 point that must also lie in the order-q subgroup (MSM and pairing). */
  static P1_Affine decodeG1InSubgroup(byte[] in, int offset) throws InvalidInputException {
    P1_Affine p = decodeG1(in, offset);
    if (!p.in_group()) {
      throw new InvalidInputException(InvalidInputException.G1_NOT_IN_SUBGROUP);
    }
    return p;
  }

  /** A G2 point that must also lie in the order-q subgroup (MSM and pairing). */
  static P2_Affine decodeG2InSubgroup(byte[] in, int offset) throws InvalidInputException {
    P2_Affine p = decodeG2(in, offset);
    if (!p.in_group()) {
      throw new InvalidInputException(InvalidInputException.G2_NOT_IN_SUBGROUP);
    }
    return p;
  }

  /** The 32-byte big-endian scalar at {@code offset}, copied; any value is allowed. */
  static byte[] scalar(byte[] in, int offset) {
    return Arrays.copyOfRange(in, offset, offset + SCALAR_LENGTH);
  }

  static byte[] encodeG1(P1 p) {
    byte[] out = new byte[G1_LENGTH];
    if (p.is_inf()) {
      return out;
    }
    byte[] raw = p.serialize();
    System.arraycopy(raw, 0, out, PAD, Fp.BYTES);
    System.arraycopy(raw, Fp.BYTES, out, FP_LENGTH + PAD, Fp.BYTES);
    return out;
  }

  static byte[] encodeG2(P2 p) {
    byte[] out = new byte[G2_LENGTH];
    if (p.is_inf()) {
      return out;
    }
    byte[] raw = p.serialize();
    for (int i = 0; i < 4; i++) {
      System.arraycopy(raw, i * Fp.BYTES, out, G2_SLOTS[i] + PAD, Fp.BYTES);
    }
    return out;
  }

  /** Hands an affine point of our own arithmetic to blst, which re-checks it is on the curve. */
  static P1_Affine toBlst(Fp x, Fp y) {
    byte[] raw = new byte[2 * Fp.BYTES];
    x.toBytes(raw, 0);
    y.toBytes(raw, Fp.BYTES);
    return new P1_Affine(raw);
  }

  /** As {@link #toBlst(Fp, Fp)} for G2's curve, in blst's imaginary-part-first order. */
  static P2_Affine toBlst(Fp2 x, Fp2 y) {
    byte[] raw = new byte[4 * Fp.BYTES];
    x.c1.toBytes(raw, 0);
    x.c0.toBytes(raw, Fp.BYTES);
    y.c1.toBytes(raw, 2 * Fp.BYTES);
    y.c0.toBytes(raw, 3 * Fp.BYTES);
    return new P2_Affine(raw);
  }

  /** The affine coordinates (x, y) of a finite blst G2 point. */
  static Fp2[] fromBlst(P2 p) {
    byte[] raw = p.serialize();
    Fp2 x = new Fp2(Fp.fromBytes(raw, Fp.BYTES), Fp.fromBytes(raw, 0));
    Fp2 y = new Fp2(Fp.fromBytes(raw, 3 * Fp.BYTES), Fp.fromBytes(raw, 2 * Fp.BYTES));
    return new Fp2[] {x, y};
  }

  /** The top 16 bytes must be zero and the value below p, checked in that order. */
  private static void checkFieldElement(byte[] in, int offset) throws InvalidInputException {
    for (int i = offset; i < offset + PAD; i++) {
      if (in[i] != 0) {
        throw new InvalidInputException(InvalidInputException.TOP_BYTES);
      }
    }
    if (!Fp.isCanonical(in, offset + PAD)) {
      throw new InvalidInputException(InvalidInputException.NOT_CANONICAL);
    }
  }
}
