package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signatures come from the JDK's own P-256 ECDSA, then are checked through the precompile. */
class P256VerifyTest {
  private static final P256Verify P256 = new P256Verify();
  private static final Bytes ONE = Bytes.fromHex("00".repeat(31) + "01");
  private static final BigInteger N =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  private static final BigInteger P =
      new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

  private static Bytes h;
  private static BigInteger r;
  private static BigInteger s;
  private static BigInteger qx;
  private static BigInteger qy;

  @BeforeAll
  static void sign() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    byte[] message = "linden p256verify".getBytes();
    Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
    signer.initSign(pair.getPrivate());
    signer.update(message);
    byte[] rs = signer.sign();
    h = Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(message));
    r = new BigInteger(1, rs, 0, 32);
    s = new BigInteger(1, rs, 32, 32);
    ECPublicKey pub = (ECPublicKey) pair.getPublic();
    qx = pub.getW().getAffineX();
    qy = pub.getW().getAffineY();
  }

  @Test
  void validSignatureReturnsOne() {
    PrecompileResult result = P256.run(input(h, r, s, qx, qy), Fork.OSAKA);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(ONE);
  }

  @Test
  void highSIsAccepted() {
    // ECDSA over P-256 is malleable and EIP-7951 does not forbid it.
    assertValid(input(h, r, N.subtract(s), qx, qy));
  }

  @Test
  void gasIs6900() {
    assertThat(P256.gas(Bytes.EMPTY, Fork.OSAKA)).isEqualTo(6900);
    assertThat(P256.gas(input(h, r, s, qx, qy), Fork.OSAKA)).isEqualTo(6900);
  }

  @Test
  void wrongHashOrKeyIsInvalid() {
    byte[] otherHash = h.toArray();
    otherHash[31] ^= 1;
    assertInvalid(input(Bytes.wrap(otherHash), r, s, qx, qy));
    // The generator is a valid point, but not the signer's key.
    BigInteger gx = new BigInteger("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", 16);
    BigInteger gy = new BigInteger("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5", 16);
    assertInvalid(input(h, r, s, gx, gy));
  }

  @Test
  void signatureComponentsOutsideOneToNMinusOneAreInvalid() {
    assertInvalid(input(h, BigInteger.ZERO, s, qx, qy));
    assertInvalid(input(h, r, BigInteger.ZERO, qx, qy));
    assertInvalid(input(h, N, s, qx, qy));
    assertInvalid(input(h, r, N, qx, qy));
    // r + n would pass a comparison modulo n; the range check must come first.
    if (r.add(N).bitLength() <= 256) {
      assertInvalid(input(h, r.add(N), s, qx, qy));
    }
  }

  @Test
  void publicKeyMustBeAFiniteCurvePointWithCanonicalCoordinates() {
    assertInvalid(input(h, r, s, qx, qy.add(BigInteger.ONE).mod(P)));
    assertInvalid(input(h, r, s, BigInteger.ZERO, BigInteger.ZERO));
    // The same point with a coordinate written as x + p (still below 2^256) is not canonical.
    BigInteger unreduced = qx.add(P);
    if (unreduced.bitLength() <= 256) {
      assertInvalid(input(h, r, s, unreduced, qy));
    }
    assertInvalid(input(h, r, s, qx, P));
  }

  @Test
  void inputMustBeExactly160Bytes() {
    Bytes good = input(h, r, s, qx, qy);
    assertInvalid(good.slice(0, 159));
    assertInvalid(Bytes.concat(good, Bytes.of((byte) 0)));
    assertInvalid(Bytes.EMPTY);
  }

  @Test
  void hashesThatAreZeroModuloNStillVerify() {
    // Then u1 = 0 and R' = u2·Q alone: an edge of the double multiplication.
    X9ECParameters params = CustomNamedCurves.getByName("secp256r1");
    BigInteger d = new BigInteger("c0ffee1234567890", 16);
    ECPoint q = params.getG().multiply(d).normalize();
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(d, new ECDomainParameters(params)));
    for (Bytes hash : new Bytes[] {Bytes.wrap(new byte[32]), word(N)}) {
      BigInteger[] rs = signer.generateSignature(hash.toArray());
      assertValid(input(hash, rs[0], rs[1], q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()));
    }
  }

  @Test
  void eipVectorSignatureMalleability() {
    // EIP-7951 test-vectors.json, Wycheproof ecdsa_secp256r1_sha256_p1363 #1.
    assertValid(
        Bytes.fromHex(
            "bb5a52f42f9c9261ed4361f59422a1e30036e7c32b270c8807a419feca605023"
                + "2ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18"
                + "4cd60b855d442f5b3c7b11eb6c4e0ae7525fe710fab9aa7c77a67f79e6fadd76"
                + "2927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838"
                + "c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e"));
  }

  @Test
  void eipVectorLargeXCoordinateIsComparedModuloN() {
    // Wycheproof #113 "k*G has a large x-coordinate": R'.x lies in [n, p), and r = R'.x - n.
    String h113 = "bb5a52f42f9c9261ed4361f59422a1e30036e7c32b270c8807a419feca605023";
    BigInteger r113 = new BigInteger("000000000000000000000000000000004319055358e8617b0c46353d039cdaab", 16);
    BigInteger s113 = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254e", 16);
    BigInteger qx113 = new BigInteger("0ad99500288d466940031d72a9f5445a4d43784640855bf0a69874d2de5fe103", 16);
    BigInteger qy113 = new BigInteger("c5011e6ef2c42dcd50d5d3d29f99ae6eba2c80c9244f4c5422f0979ff0c3ba5e", 16);
    assertValid(input(Bytes.fromHex(h113), r113, s113, qx113, qy113));
    // "r too large": the raw x coordinate itself is not an acceptable r.
    assertInvalid(input(Bytes.fromHex(h113), r113.add(N), s113, qx113, qy113));
  }

  private static void assertValid(Bytes in) {
    PrecompileResult result = P256.run(in, Fork.OSAKA);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(ONE);
  }

  private static void assertInvalid(Bytes in) {
    PrecompileResult result = P256.run(in, Fork.OSAKA);
    assertThat(result.success()).as("P256VERIFY never fails the call").isTrue();
    assertThat(result.output()).isEqualTo(Bytes.EMPTY);
  }

  private static Bytes input(Bytes hash, BigInteger rr, BigInteger ss, BigInteger x, BigInteger y) {
    return Bytes.concat(hash, word(rr), word(ss), word(x), word(y));
  }

  private static Bytes word(BigInteger v) {
    return Bytes.wrap(v.toByteArray()).trimLeadingZeros().leftPad(32);
  }
}
