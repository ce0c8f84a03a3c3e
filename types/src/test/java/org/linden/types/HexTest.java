package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class HexTest {
  @Test
  void encodesLowerCase() {
    assertThat(Hex.encode(new byte[] {0x00, 0x1a, (byte) 0xff})).isEqualTo("001aff");
    assertThat(Hex.encodePrefixed(new byte[] {(byte) 0xAB})).isEqualTo("0xab");
    assertThat(Hex.encodePrefixed(new byte[0])).isEqualTo("0x");
  }

  @Test
  void roundTrips() {
    qt().withExamples(1000)
        .forAll(Generate.byteArrays(Generate.range(0, 64), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
        .checkAssert(b -> {
          assertThat(Hex.decode(Hex.encode(b))).isEqualTo(b);
          assertThat(Hex.decode(Hex.encodePrefixed(b))).isEqualTo(b);
          assertThat(Hex.decode(Hex.encode(b).toUpperCase())).isEqualTo(b);
        });
  }

  @Test
  void acceptsPrefixInEitherCaseAndEmpty() {
    assertThat(Hex.decode("0XAbCd")).containsExactly(0xab, 0xcd);
    assertThat(Hex.decode("0x")).isEmpty();
    assertThat(Hex.decode("")).isEmpty();
  }

  @Test
  void oddDigitsAreAnErrorUnlessLenient() {
    assertThatThrownBy(() -> Hex.decode("0x123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hex string has an odd number of digits: \"0x123\"");
    assertThat(Hex.decodeLenient("0x123")).containsExactly(0x01, 0x23);
    assertThat(Hex.decodeLenient("abc")).containsExactly(0x0a, 0xbc);
    assertThat(Hex.decodeLenient("0x1")).containsExactly(0x01);
    assertThat(Hex.decodeLenient("0x")).isEmpty();
  }

  @Test
  void invalidDigitNamesTheCharacterAndItsPositionInTheInput() {
    assertThatThrownBy(() -> Hex.decode("0x12g4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid hex digit 'g' at position 4 in \"0x12g4\"");
    assertThatThrownBy(() -> Hex.decode("zz"))
        .hasMessage("invalid hex digit 'z' at position 0 in \"zz\"");
    assertThatThrownBy(() -> Hex.decodeLenient("0x1 2"))
        .hasMessage("invalid hex digit ' ' at position 3 in \"0x1 2\"");
    assertThatThrownBy(() -> Hex.decode("0x-1"))
        .hasMessageContaining("invalid hex digit '-' at position 2");
  }

  @Test
  void rejectsDigitsOfOtherScripts() {
    // Character.digit would read these as 1, 2 and fullwidth 3, 4.
    assertThatThrownBy(() -> Hex.decode("\u0661\u0662")).hasMessageContaining("invalid hex digit");
    assertThatThrownBy(() -> Hex.decode("\uff13\uff14")).hasMessageContaining("invalid hex digit");
  }

  @Test
  void nullAndLongInputsGiveReadableErrors() {
    assertThatThrownBy(() -> Hex.decode(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("hex string is null");
    String longBad = "0x" + "ab".repeat(100) + "q";
    assertThatThrownBy(() -> Hex.decode(longBad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("...")
        .hasMessageNotContaining(longBad);
  }
}
