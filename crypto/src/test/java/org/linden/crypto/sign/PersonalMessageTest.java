package org.linden.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class PersonalMessageTest {
  private static final PrivateKey ANVIL_0 =
      PrivateKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  /** web3.js documents hashMessage("Hello World"); ethers' hashMessage gives the same. */
  @Test
  void helloWorldHash() {
    assertThat(PersonalMessage.hash("Hello World").toHex())
        .isEqualTo("0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2");
  }

  /** Raw bytes are prefixed with their byte length (micro-eth-signer's test of [0x42, 0x43]). */
  @Test
  void rawBytesHash() {
    assertThat(PersonalMessage.hash(Bytes.fromHex("0x4243")).toHex())
        .isEqualTo("0x0d3abc18ec299cf9b42ba439ac6f7e3e6ec9f5c048943704e30fc2d9c7981438");
    // The length counts bytes, not characters: "é" is two bytes of UTF-8.
    assertThat(PersonalMessage.hash("\u00e9")).isEqualTo(PersonalMessage.hash(Bytes.fromHex("c3a9")));
    assertThat(PersonalMessage.hash("")).isEqualTo(
        Keccak.hash256("\u0019Ethereum Signed Message:\n0".getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * personal_sign("Hello World") by the first anvil account: the signature OpenZeppelin's
   * Stylus contracts use in their ECDSA end-to-end test (v = 28). RFC 6979 makes it exact.
   */
  @Test
  void signatureByTheFirstDevAccount() {
    Bytes message = Bytes.wrap("Hello World".getBytes(StandardCharsets.UTF_8));
    Bytes sig = PersonalMessage.sign(message, ANVIL_0);
    assertThat(sig.size()).isEqualTo(65);
    assertThat(sig.slice(0, 32).toUnprefixedHex())
        .isEqualTo("65e72b1cf8e189569963750e10ccb88fe89389daeeb8b735277d59cd6885ee82");
    assertThat(sig.slice(32, 32).toUnprefixedHex())
        .isEqualTo("3eb5a6982b540f185703492dab77b863a88ce01f27e21ade8b2879c10fc9e653");
    assertThat(sig.getUnsigned(64)).isEqualTo(28);
    assertThat(PersonalMessage.recover(message, sig)).contains(AddressChecksum.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
  }

  @Test
  void vIs27Or28AndRecoveryAcceptsBothForms() {
    for (int i = 0; i < 8; i++) {
      Hash digest = PersonalMessage.hash("message " + i);
      Bytes sig = MessageSignature.sign(digest, ANVIL_0);
      int v = sig.getUnsigned(64);
      assertThat(v).isIn(27, 28);
      Signature parsed = MessageSignature.fromBytes(sig);
      assertThat(parsed).isEqualTo(Secp256k1.sign(digest, ANVIL_0));
      assertThat(parsed.isLowS()).isTrue();
      Bytes zeroOne = Bytes.concat(sig.slice(0, 64), Bytes.of((byte) (v - 27)));
      assertThat(MessageSignature.fromBytes(zeroOne)).isEqualTo(parsed);
      assertThat(MessageSignature.recoverAddress(digest, zeroOne)).contains(ANVIL_0.address());
    }
  }

  @Test
  void malformedSignaturesAreRefused() {
    Bytes sig = MessageSignature.sign(PersonalMessage.hash("x"), ANVIL_0);
    assertThatThrownBy(() -> MessageSignature.fromBytes(sig.slice(0, 64)))
        .hasMessageContaining("65 bytes (r‖s‖v), got 64");
    Bytes badV = Bytes.concat(sig.slice(0, 64), Bytes.of((byte) 29));
    assertThatThrownBy(() -> MessageSignature.fromBytes(badV)).hasMessageContaining("v must be 27 or 28 (or 0/1), got 29");
    Bytes zeroR = Bytes.concat(Bytes.wrap(new byte[32]), sig.slice(32, 33));
    assertThat(MessageSignature.recoverAddress(PersonalMessage.hash("x"), zeroR)).isEmpty();
  }

  @Test
  void anotherMessageRecoversAnotherAddress() {
    Bytes sig = PersonalMessage.sign(Bytes.fromHex("0x01"), ANVIL_0);
    assertThat(PersonalMessage.recover(Bytes.fromHex("0x02"), sig)).isNotEqualTo(Optional.of(ANVIL_0.address()));
  }
}
