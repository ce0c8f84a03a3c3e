package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The test vectors are EIP-152's, numbered as in the EIP. */
class Blake2fTest {
  private static final Blake2f BLAKE2F = new Blake2f();

  /** h is BLAKE2b-512's initial state, m is "abc", t0 = 3: the first and only block of "abc". */
  private static final String H =
      "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
          + "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b";
  private static final String M = "6162630000000000000000000000000000000000000000000000000000000000" + "00".repeat(96);
  private static final String T = "0300000000000000" + "0000000000000000";

  @Test
  void vector0EmptyInputFails() {
    assertThat(BLAKE2F.run(Bytes.EMPTY, Fork.ISTANBUL).success()).isFalse();
  }

  @Test
  void vectors1And2WrongLengthFail() {
    Bytes shortInput = Bytes.fromHex("00000c" + H + M + T + "01");
    Bytes longInput = Bytes.fromHex("000000000c" + H + M + T + "01");
    assertThat(shortInput.size()).isEqualTo(212);
    assertThat(longInput.size()).isEqualTo(214);
    assertThat(BLAKE2F.run(shortInput, Fork.ISTANBUL).success()).isFalse();
    assertThat(BLAKE2F.run(longInput, Fork.ISTANBUL).success()).isFalse();
  }

  @Test
  void vector3BadFinalFlagFails() {
    PrecompileResult result = BLAKE2F.run(Bytes.fromHex("0000000c" + H + M + T + "02"), Fork.ISTANBUL);
    assertThat(result.success()).isFalse();
    assertThat(result.reason()).contains("flag");
  }

  @Test
  void vector4ZeroRounds() {
    assertVector(
        "00000000" + H + M + T + "01",
        "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
            + "d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b");
  }

  @Test
  void vector5TwelveRoundsIsBlake2bOfAbc() {
    String expected =
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";
    assertVector("0000000c" + H + M + T + "01", expected);
    // Cross-check with an independent BLAKE2b-512: the same digest.
    Blake2bDigest digest = new Blake2bDigest(512);
    digest.update(new byte[] {'a', 'b', 'c'}, 0, 3);
    byte[] out = new byte[64];
    digest.doFinal(out, 0);
    assertThat(Bytes.wrap(out)).isEqualTo(Bytes.fromHex(expected));
  }

  @Test
  void vector6NotFinalBlock() {
    assertVector(
        "0000000c" + H + M + T + "00",
        "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d28752"
            + "98743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735");
  }

  @Test
  void vector7OneRound() {
    assertVector(
        "00000001" + H + M + T + "01",
        "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fb"
            + "a551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421");
  }

  /**
   * 2^32 - 1 rounds: minutes of CPU, so it only runs when asked for with
   * {@code -Dlinden.slowTests=true}. Its gas is checked unconditionally below.
   */
  @Test
  @EnabledIfSystemProperty(named = "linden.slowTests", matches = "true")
  void vector8MaximumRounds() {
    assertVector(
        "ffffffff" + H + M + T + "01",
        "fc59093aafa9ab43daae0e914c57635c5402d8e3d2130eb9b3cc181de7f0ecf9"
            + "b22bf99a7815ce16419e200e01846e6b5df8cc7703041bbceb571de6631d2615");
  }

  @Test
  void gasIsOnePerRoundReadAsUnsigned() {
    assertThat(BLAKE2F.gas(Bytes.fromHex("0000000c" + H + M + T + "01"), Fork.ISTANBUL)).isEqualTo(12);
    assertThat(BLAKE2F.gas(Bytes.fromHex("00000000" + H + M + T + "01"), Fork.ISTANBUL)).isZero();
    assertThat(BLAKE2F.gas(Bytes.fromHex("ffffffff" + H + M + T + "01"), Fork.OSAKA)).isEqualTo(0xffffffffL);
    // A wrong length is a failure of the call, not a price.
    assertThat(BLAKE2F.gas(Bytes.EMPTY, Fork.ISTANBUL)).isZero();
  }

  private static void assertVector(String inputHex, String outputHex) {
    PrecompileResult result = BLAKE2F.run(Bytes.fromHex(inputHex), Fork.ISTANBUL);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(Bytes.fromHex(outputHex));
  }
}
