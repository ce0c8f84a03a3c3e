package org.linden.evm.precompile.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * The simplified SWU maps. blst computes the same map only behind hashing (encode_to_curve =
 * hash_to_field, then map, then clear cofactor), so the test hashes to the field itself with
 * RFC 9380's expand_message_xmd and compares our un-hashed map against blst's encode_to. The
 * EIP's own map vectors (run by {@link Bls12381VectorsTest}) are RFC 9380's NU suite vectors.
 */
class Bls12381MapTest {
  private static final String G1_NU_DST = "QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_NU_";
  private static final String G2_NU_DST = "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_NU_";

  @Test
  void hashToFieldHelperReproducesRfc9380() {
    // RFC 9380 appendix J.9.2, msg = "": u[0].
    Fp u = hashToFp(new byte[0], G1_NU_DST);
    assertThat(u)
        .isEqualTo(
            Fp.ofHex(
                "156c8a6a2c184569d69a76be144b5cdc5141d2d2ca4fe341f011e25e3969c55ad9e9b9ce2eb833c81a908e5fa4ac5f03"));
  }

  @Test
  void g1MapToCurveBeforeCofactorClearingMatchesRfc9380() {
    // RFC 9380 appendix J.9.2, msg = "": Q = map_to_curve(u[0]).
    MapToG1.Point q = MapToG1.mapToCurve(hashToFp(new byte[0], G1_NU_DST));
    assertThat(q.x())
        .isEqualTo(
            Fp.ofHex(
                "11398d3b324810a1b093f8e35aa8571cced95858207e7f49c4fd74656096d61d8a2f9a23cdb18a4dd11cd1d66f41f709"));
    assertThat(q.y())
        .isEqualTo(
            Fp.ofHex(
                "19316b6fb2ba7717355d5d66a361899057e1e84a6823039efc7beccefe09d023fb2713b1c415fcf278eb0c39a89b4f72"));
  }

  @Test
  void g1MapAgreesWithBlstEncodeToCurve() {
    String dst = "LINDEN-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_NU_";
    for (int i = 0; i < 64; i++) {
      byte[] msg = ("message " + i).getBytes(StandardCharsets.UTF_8);
      P1 expected = new P1().encode_to(msg, dst);
      P1 actual = MapToG1.map(hashToFp(msg, dst));
      assertThat(actual.serialize()).as("message %d", i).isEqualTo(expected.serialize());
    }
  }

  @Test
  void g2MapAgreesWithBlstEncodeToCurve() {
    for (String dst : new String[] {G2_NU_DST, "LINDEN-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_NU_"}) {
      for (int i = 0; i < 32; i++) {
        byte[] msg = ("message " + i).getBytes(StandardCharsets.UTF_8);
        P2 expected = new P2().encode_to(msg, dst);
        P2 actual = MapToG2.map(hashToFp2(msg, dst));
        assertThat(actual.serialize()).as("message %d", i).isEqualTo(expected.serialize());
      }
    }
  }

  @Test
  void isogeniesLandOnTheTargetCurves() {
    Random random = new Random(7);
    Fp four = Fp.of(4);
    Fp2 fourFourI = Fp2.of(4, 4);
    for (int i = 0; i < 50; i++) {
      Fp u = Fp.of(new BigInteger(400, random));
      MapToG1.Point p = MapToG1.mapToCurve(u);
      assertThat(p.y().square()).isEqualTo(p.x().square().multiply(p.x()).add(four));

      Fp2 u2 = new Fp2(Fp.of(new BigInteger(400, random)), Fp.of(new BigInteger(400, random)));
      MapToG2.Point q = MapToG2.mapToCurve(u2);
      assertThat(q.y().square()).isEqualTo(q.x().square().multiply(q.x()).add(fourFourI));
    }
  }

  @Test
  void endomorphismCofactorClearingEqualsMultiplicationByHeff() {
    Random random = new Random(11);
    for (int i = 0; i < 20; i++) {
      Fp2 u = new Fp2(Fp.of(new BigInteger(400, random)), Fp.of(new BigInteger(400, random)));
      MapToG2.Point q = MapToG2.mapToCurve(u);
      P2 point = new P2(Encoding.toBlst(q.x(), q.y()));
      assertThat(point.in_group()).isFalse();
      P2 expected = point.dup().mult(MapToG2.H_EFF);
      assertThat(G2Cofactor.clear(point).is_equal(expected)).isTrue();
    }
    assertThat(G2Cofactor.clear(new P2()).is_inf()).isTrue();
    P2 g = P2.generator();
    assertThat(G2Cofactor.clear(g).is_equal(g.dup().mult(MapToG2.H_EFF))).isTrue();
  }

  @Test
  void exceptionalInputZeroUsesTheFallbackX() {
    // u = 0 makes Z^2 u^4 + Z u^2 vanish; RFC 9380 then sets x1 = B / (Z A), whose g(x1) is
    // square, and sgn0(y) must equal sgn0(0) = 0.
    MapToG1.Point swu1 = MapToG1.simpleSwu(Fp.ZERO);
    Fp a1 =
        Fp.ofHex(
            "144698a3b8e9433d693a02c96d4982b0ea985383ee66a8d8e8981aefd881ac98936f8da0e0f97f5cf428082d584c1d");
    Fp b1 =
        Fp.ofHex(
            "12e2908d11688030018b12e8753eee3b2016c1f0f24f4070a0b9c14fcef35ef55a23215a316ceaa5d1cc48e98e172be0");
    assertThat(swu1.x()).isEqualTo(b1.multiply(Fp.of(11).multiply(a1).inverse()));
    assertThat(swu1.y().sgn0()).isZero();
    assertThat(MapToG1.map(Fp.ZERO).in_group()).isTrue();

    MapToG2.Point swu2 = MapToG2.simpleSwu(Fp2.ZERO);
    Fp2 a2 = Fp2.of(0, 240);
    Fp2 b2 = Fp2.of(1012, 1012);
    assertThat(swu2.x()).isEqualTo(b2.multiply(Fp2.of(-2, -1).multiply(a2).inverse()));
    assertThat(swu2.y().sgn0()).isZero();
    assertThat(MapToG2.map(Fp2.ZERO).in_group()).isTrue();
  }

  @Test
  void g1ExceptionalNonZeroInputUsesTheFallbackX() {
    // In Fp, -1/Z is a square, so u^2 = -1/Z also makes Z^2 u^4 + Z u^2 vanish.
    Fp z = Fp.of(11);
    Fp u = z.inverse().negate().sqrt();
    assertThat(u).isNotNull();
    Fp zu2 = z.multiply(u.square());
    assertThat(zu2.square().add(zu2).isZero()).isTrue();
    assertThat(MapToG1.simpleSwu(u).x()).isEqualTo(MapToG1.simpleSwu(Fp.ZERO).x());
    assertThat(MapToG1.simpleSwu(u).y().sgn0()).isEqualTo(u.sgn0());
    P1 p = MapToG1.map(u);
    assertThat(p.in_group()).isTrue();
    assertThat(MapToG1.map(u.negate()).is_equal(p.neg())).isTrue();
  }

  @Test
  void negatedInputGivesNegatedPoint() {
    Random random = new Random(9);
    for (int i = 0; i < 10; i++) {
      Fp u = Fp.of(new BigInteger(400, random));
      assertThat(MapToG1.map(u.negate()).is_equal(MapToG1.map(u).neg())).isTrue();
      Fp2 u2 = new Fp2(Fp.of(new BigInteger(400, random)), Fp.of(new BigInteger(400, random)));
      assertThat(MapToG2.map(u2.negate()).is_equal(MapToG2.map(u2).neg())).isTrue();
    }
  }

  @Test
  void precompilesRejectBadFieldElements() {
    byte[] topByte = new byte[64];
    topByte[15] = 1;
    assertThat(new MapFpToG1().run(Bytes.wrap(topByte), Fork.PRAGUE).reason())
        .isEqualTo(InvalidInputException.TOP_BYTES);
    byte[] modulus = new byte[128];
    System.arraycopy(Fp.MODULUS_BYTES, 0, modulus, 64 + 16, Fp.BYTES);
    assertThat(new MapFp2ToG2().run(Bytes.wrap(modulus), Fork.PRAGUE).reason())
        .isEqualTo(InvalidInputException.NOT_CANONICAL);
    byte[] pMinusOne = new byte[64];
    System.arraycopy(Fp.MODULUS_BYTES, 0, pMinusOne, 16, Fp.BYTES);
    pMinusOne[63]--;
    assertThat(new MapFpToG1().run(Bytes.wrap(pMinusOne), Fork.PRAGUE).success())
        .isTrue();
  }

  // RFC 9380 section 5: hash_to_field with expand_message_xmd (SHA-256), L = 64, count = 1.

  private static Fp hashToFp(byte[] msg, String dst) {
    byte[] uniform = expandMessageXmd(msg, dst, 64);
    return Fp.of(new BigInteger(1, uniform));
  }

  private static Fp2 hashToFp2(byte[] msg, String dst) {
    byte[] uniform = expandMessageXmd(msg, dst, 128);
    return new Fp2(
        Fp.of(new BigInteger(1, Arrays.copyOfRange(uniform, 0, 64))),
        Fp.of(new BigInteger(1, Arrays.copyOfRange(uniform, 64, 128))));
  }

  private static byte[] expandMessageXmd(byte[] msg, String dst, int length) {
    byte[] dstBytes = dst.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream dstPrime = new ByteArrayOutputStream();
    dstPrime.writeBytes(dstBytes);
    dstPrime.write(dstBytes.length);
    byte[] dp = dstPrime.toByteArray();

    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[64]); // Z_pad: one SHA-256 block
    m.writeBytes(msg);
    m.write(length >>> 8);
    m.write(length & 0xff);
    m.write(0);
    m.writeBytes(dp);
    byte[] b0 = sha256(m.toByteArray());

    int blocks = (length + 31) / 32;
    byte[] out = new byte[blocks * 32];
    byte[] previous = new byte[32];
    for (int i = 1; i <= blocks; i++) {
      byte[] x = new byte[32];
      for (int j = 0; j < 32; j++) {
        x[j] = (byte) (b0[j] ^ (i == 1 ? 0 : previous[j]));
      }
      ByteArrayOutputStream bi = new ByteArrayOutputStream();
      bi.writeBytes(i == 1 ? b0 : x);
      bi.write(i);
      bi.writeBytes(dp);
      previous = sha256(bi.toByteArray());
      System.arraycopy(previous, 0, out, (i - 1) * 32, 32);
    }
    return Arrays.copyOf(out, length);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
