package org.linden.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linden.types.Bytes;

class HexPrefixTest {
  @ParameterizedTest(name = "{0} leaf={1} -> {2}")
  @CsvSource({
    "'',         false, 00",
    "'',         true,  20",
    "01,         false, 11",
    "0102,       false, 0012",
    "0f0102,     true,  3f12",
    "000102,     true,  3012",
    "0001020304, false, 101234",
  })
  void encodesAndDecodes(String nibbles, boolean leaf, String compact) {
    Bytes n = Bytes.fromHex(nibbles);
    assertThat(HexPrefix.encode(n, leaf)).isEqualTo(Bytes.fromHex(compact));
    assertThat(HexPrefix.decode(Bytes.fromHex(compact))).isEqualTo(new HexPrefix.Decoded(n, leaf));
  }

  @ParameterizedTest
  @CsvSource({"''", "40", "f0", "0100", "2f"})
  void rejectsBadFlagsAndPadding(String compact) {
    assertThatThrownBy(() -> HexPrefix.decode(Bytes.fromHex(compact)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
