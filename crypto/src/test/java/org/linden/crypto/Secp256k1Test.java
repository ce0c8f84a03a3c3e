package org.linden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class Secp256k1Test {
  private static final Hash MESSAGE = Keccak.hash256("linden".getBytes(StandardCharsets.US_ASCII));

  @Test
  void wellKnownKeysGiveTheirAddresses() {
    assertThat(AddressChecksum.toChecksumHex(PrivateKey.fromHex(
        "0000000000000000000000000000000000000000000000000000000000000001").address()))
        .isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    // The first account of the standard dev mnemonic (anvil, hardhat).
    assertThat(AddressChecksum.toChecksumHex(PrivateKey.fromHex(
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80").address()))
        .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  }

  /**
   * RFC 6979 deterministic signatures: the widely used secp256k1 + SHA-256 vectors for the
   * private key 1 (the message hash is SHA-256 of the text).
   */
  @ParameterizedTest
  @CsvSource({
    "Satoshi Nakamoto, 934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8, "
        + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
    "'All those moments will be lost in time, like tears in rain. Time to die...', "
        + "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b, "
        + "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21",
  })
  void deterministicSignatureKnownAnswers(String text, String r, String s) throws Exception {
    Hash msg = Hash.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    PrivateKey one = PrivateKey.fromHex("0000000000000000000000000000000000000000000000000000000000000001");
    Signature sig = Secp256k1.sign(msg, one);
    assertThat(sig.r().toBytes32().toUnprefixedHex()).isEqualTo(r);
    assertThat(sig.s().toBytes32().toUnprefixedHex()).isEqualTo(s);
    assertThat(Secp256k1.sign(msg, one)).isEqualTo(sig);
    assertThat(Secp256k1.recover(msg, sig)).contains(one.publicKey());
  }

  /** Against BouncyCastle's independent RFC 6979 ECDSA, normalised to low s. */
  @Test
  void agreesWithAnIndependentDeterministicSigner() {
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    BigInteger n = curve.getN();
    for (int i = 0; i < 20; i++) {
      PrivateKey key = PrivateKey.random();
      Hash msg = Keccak.hash256(Bytes.of((byte) i));
      ECDSASigner bc = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      bc.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.bytes().toArray()), domain));
      BigInteger[] rs = bc.generateSignature(msg.bytes().toArray());
      BigInteger lowS = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1];
      Signature sig = Secp256k1.sign(msg, key);
      assertThat(sig.r().toBigInteger()).isEqualTo(rs[0]);
      assertThat(sig.s().toBigInteger()).isEqualTo(lowS);
    }
  }

  @Test
  void signRecoverVerifyRoundTrip() {
    for (int i = 0; i < 50; i++) {
      PrivateKey key = PrivateKey.random();
      Hash msg = Keccak.hash256(Bytes.of((byte) i, (byte) (i >> 8)));
      Signature sig = Secp256k1.sign(msg, key);
      assertThat(Secp256k1.recover(msg, sig)).contains(key.publicKey());
      assertThat(Secp256k1.verify(msg, sig, key.publicKey())).isTrue();
      assertThat(Secp256k1.verify(MESSAGE, sig, key.publicKey())).isFalse();
      assertThat(Secp256k1.verify(msg, sig, PrivateKey.random().publicKey())).isFalse();
    }
  }

  @Test
  void signaturesAreAlwaysLowS() {
    PrivateKey key = PrivateKey.random();
    for (int i = 0; i < 300; i++) {
      Signature sig = Secp256k1.sign(Keccak.hash256(Bytes.of((byte) i, (byte) (i >> 8))), key);
      assertThat(sig.isLowS()).as("signature %d", i).isTrue();
    }
  }

  @Test
  void highSFormIsStillRecoverableButNotVerified() {
    PrivateKey key = PrivateKey.random();
    Signature low = Secp256k1.sign(MESSAGE, key);
    // (r, n - s) is the same signature with R's y flipped, so the recovery id flips too.
    Signature high = new Signature(low.r(), minus(Secp256k1.ORDER, low.s()), low.recoveryId() ^ 1);
    assertThat(high.isLowS()).isFalse();
    assertThat(Secp256k1.recover(MESSAGE, high)).contains(key.publicKey());
    assertThat(Secp256k1.verify(MESSAGE, high, key.publicKey())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r=0", "s=0", "r=n", "s=n", "r=max", "s=max"})
  void outOfRangeRAndSAreRejected(String which) {
    PrivateKey key = PrivateKey.random();
    Signature good = Secp256k1.sign(MESSAGE, key);
    UInt256 max = UInt256.fromBigInteger(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
    UInt256 bad = switch (which.substring(2)) {
      case "0" -> UInt256.valueOf(0);
      case "n" -> Secp256k1.ORDER;
      default -> max;
    };
    Signature sig = which.startsWith("r")
        ? new Signature(bad, good.s(), good.recoveryId())
        : new Signature(good.r(), bad, good.recoveryId());
    assertThat(Secp256k1.recover(MESSAGE, sig)).isEmpty();
    assertThat(Secp256k1.verify(MESSAGE, sig, key.publicKey())).isFalse();
  }

  @Test
  void recoveryIdsOutsideZeroAndOneAreRejected() {
    Signature good = Secp256k1.sign(MESSAGE, PrivateKey.random());
    assertThat(Secp256k1.recover(MESSAGE, new Signature(good.r(), good.s(), 2))).isEmpty();
    assertThatThrownBy(() -> new Signature(good.r(), good.s(), 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Signature(good.r(), good.s(), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidPrivateKeysAreRejected() {
    assertThatThrownBy(() -> PrivateKey.of(Bytes.wrap(new byte[32]))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.of(Secp256k1.ORDER.toBytes32())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivateKey.of(Bytes.wrap(new byte[31]))).isInstanceOf(IllegalArgumentException.class);
  }

  private static UInt256 minus(UInt256 a, UInt256 b) {
    return UInt256.fromBigInteger(a.toBigInteger().subtract(b.toBigInteger()));
  }
}
