package org.linden.evm.precompile.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P1;
import supranational.blst.P2;

/** Edge cases around infinity, subgroups and encodings beyond the EIP's vectors. */
class Bls12381PrecompileTest {
  private static final byte[] G1_INFINITY = new byte[128];
  private static final byte[] G2_INFINITY = new byte[256];

  private static PrecompileResult run(int address, byte[]... parts) {
    Precompile p = Bls12381Precompiles.byAddress().get(address);
    return p.run(concat(parts), Fork.PRAGUE);
  }

  private static Bytes concat(byte[]... parts) {
    Bytes[] b = new Bytes[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = Bytes.wrap(parts[i]);
    }
    return Bytes.concat(b);
  }

  private static byte[] g1(long k) {
    return Encoding.encodeG1(P1.generator().mult(BigInteger.valueOf(k)));
  }

  private static byte[] g2(long k) {
    return Encoding.encodeG2(P2.generator().mult(BigInteger.valueOf(k)));
  }

  private static byte[] scalar(long v) {
    byte[] s = new byte[32];
    for (int i = 0; i < 8; i++) {
      s[31 - i] = (byte) (v >>> (8 * i));
    }
    return s;
  }

  /** A point on y^2 = x^3 + 4 outside the order-q subgroup: the smallest such x. */
  private static byte[] g1OutsideSubgroup() {
    for (int x = 1; ; x++) {
      Fp fx = Fp.of(x);
      Fp y = fx.square().multiply(fx).add(Fp.of(4)).sqrt();
      if (y != null) {
        byte[] out = new byte[128];
        fx.toBytes(out, 16);
        y.toBytes(out, 80);
        if (!inG1(out)) {
          return out;
        }
      }
    }
  }

  /** A point on y^2 = x^3 + 4(1 + i) outside the order-q subgroup. */
  private static byte[] g2OutsideSubgroup() {
    for (int x = 1; ; x++) {
      Fp2 fx = Fp2.of(x, 0);
      Fp2 y = fx.square().multiply(fx).add(Fp2.of(4, 4)).sqrt();
      if (y != null) {
        byte[] out = new byte[256];
        fx.c0.toBytes(out, 16);
        fx.c1.toBytes(out, 80);
        y.c0.toBytes(out, 144);
        y.c1.toBytes(out, 208);
        if (!inG2(out)) {
          return out;
        }
      }
    }
  }

  private static boolean inG1(byte[] encoded) {
    try {
      return Encoding.decodeG1(encoded, 0).in_group();
    } catch (InvalidInputException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  private static boolean inG2(byte[] encoded) {
    try {
      return Encoding.decodeG2(encoded, 0).in_group();
    } catch (InvalidInputException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  @Test
  void additionHandlesInfinityAndInverses() {
    assertThat(run(Bls12381Precompiles.G1ADD, G1_INFINITY, G1_INFINITY).output().toArray())
        .isEqualTo(G1_INFINITY);
    assertThat(run(Bls12381Precompiles.G1ADD, g1(5), G1_INFINITY).output().toArray())
        .isEqualTo(g1(5));
    byte[] minusFive = Encoding.encodeG1(P1.generator().mult(BigInteger.valueOf(5)).neg());
    assertThat(run(Bls12381Precompiles.G1ADD, g1(5), minusFive).output().toArray())
        .isEqualTo(G1_INFINITY);
    assertThat(run(Bls12381Precompiles.G1ADD, g1(2), g1(3)).output().toArray()).isEqualTo(g1(5));
    assertThat(run(Bls12381Precompiles.G1ADD, g1(4), g1(4)).output().toArray()).isEqualTo(g1(8));
    assertThat(run(Bls12381Precompiles.G2ADD, g2(2), g2(3)).output().toArray()).isEqualTo(g2(5));
    assertThat(run(Bls12381Precompiles.G2ADD, G2_INFINITY, g2(7)).output().toArray())
        .isEqualTo(g2(7));
  }

  @Test
  void additionAcceptsPointsOutsideTheSubgroupButMsmAndPairingDoNot() {
    byte[] p = g1OutsideSubgroup();
    assertThat(run(Bls12381Precompiles.G1ADD, p, g1(1)).success()).isTrue();
    assertThat(run(Bls12381Precompiles.G1MSM, p, scalar(1)).reason())
        .isEqualTo(InvalidInputException.G1_NOT_IN_SUBGROUP);
    assertThat(run(Bls12381Precompiles.PAIRING_CHECK, p, g2(1)).reason())
        .isEqualTo(InvalidInputException.G1_NOT_IN_SUBGROUP);

    byte[] q = g2OutsideSubgroup();
    assertThat(run(Bls12381Precompiles.G2ADD, q, g2(1)).success()).isTrue();
    assertThat(run(Bls12381Precompiles.G2MSM, q, scalar(1)).reason())
        .isEqualTo(InvalidInputException.G2_NOT_IN_SUBGROUP);
    assertThat(run(Bls12381Precompiles.PAIRING_CHECK, g1(1), q).reason())
        .isEqualTo(InvalidInputException.G2_NOT_IN_SUBGROUP);
  }

  @Test
  void msmOfZeroScalarsAndInfinityIsInfinity() {
    assertThat(run(Bls12381Precompiles.G1MSM, g1(3), scalar(0)).output().toArray())
        .isEqualTo(G1_INFINITY);
    assertThat(run(Bls12381Precompiles.G1MSM, G1_INFINITY, scalar(9)).output().toArray())
        .isEqualTo(G1_INFINITY);
    assertThat(
            run(Bls12381Precompiles.G2MSM, g2(3), scalar(2), G2_INFINITY, scalar(5))
                .output()
                .toArray())
        .isEqualTo(g2(6));
    assertThat(
            run(Bls12381Precompiles.G1MSM, g1(3), scalar(2), g1(1), scalar(5)).output().toArray())
        .isEqualTo(g1(11));
  }

  @Test
  void msmDoesNotReduceLengthErrorsToEmptyOutput() {
    assertThat(run(Bls12381Precompiles.G1MSM).reason())
        .isEqualTo(InvalidInputException.INVALID_LENGTH);
    assertThat(run(Bls12381Precompiles.G2MSM, g2(1)).reason())
        .isEqualTo(InvalidInputException.INVALID_LENGTH);
  }

  @Test
  void pairingCheck() {
    byte[] one = scalar(1);
    byte[] zero = new byte[32];
    byte[] minusG1 = Encoding.encodeG1(P1.generator().neg());
    assertThat(run(Bls12381Precompiles.PAIRING_CHECK, g1(1), g2(1)).output().toArray())
        .isEqualTo(zero);
    assertThat(
            run(Bls12381Precompiles.PAIRING_CHECK, g1(1), g2(1), minusG1, g2(1))
                .output()
                .toArray())
        .isEqualTo(one);
    // Bilinearity: e(2·G1, 3·G2) = e(6·G1, G2).
    byte[] minusSix = Encoding.encodeG1(P1.generator().mult(BigInteger.valueOf(6)).neg());
    assertThat(
            run(Bls12381Precompiles.PAIRING_CHECK, g1(2), g2(3), minusSix, g2(1))
                .output()
                .toArray())
        .isEqualTo(one);
    assertThat(run(Bls12381Precompiles.PAIRING_CHECK, G1_INFINITY, g2(1)).output().toArray())
        .isEqualTo(one);
    assertThat(run(Bls12381Precompiles.PAIRING_CHECK, g1(1), G2_INFINITY).output().toArray())
        .isEqualTo(one);
  }

  @Test
  void offCurvePointsAreRejected() {
    byte[] bad = g1(1);
    bad[127] ^= 1;
    assertThat(run(Bls12381Precompiles.G1ADD, bad, G1_INFINITY).reason())
        .isEqualTo(InvalidInputException.NOT_ON_CURVE);
    byte[] bad2 = g2(1);
    bad2[255] ^= 1;
    assertThat(run(Bls12381Precompiles.G2ADD, G2_INFINITY, bad2).reason())
        .isEqualTo(InvalidInputException.NOT_ON_CURVE);
    // (0, 0) is infinity, but (0, y) or (x, 0) are ordinary, off-curve encodings.
    byte[] zeroX = g1(1);
    Arrays.fill(zeroX, 0, 64, (byte) 0);
    assertThat(run(Bls12381Precompiles.G1ADD, zeroX, G1_INFINITY).reason())
        .isEqualTo(InvalidInputException.NOT_ON_CURVE);
  }
}
