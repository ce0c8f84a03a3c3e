package org.linden.crypto.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HdPathTest {
  @Test
  void parsesTheEthereumPath() {
    HdPath p = HdPath.parse("m/44'/60'/0'/0/7");
    assertThat(p.indices()).containsExactly(44 | HdPath.HARDENED, 60 | HdPath.HARDENED, HdPath.HARDENED, 0, 7);
    assertThat(p.depth()).isEqualTo(5);
    assertThat(p).hasToString("m/44'/60'/0'/0/7");
    assertThat(HdPath.parse("m/44h/60H/0'/0/7")).isEqualTo(p);
    assertThat(DevAccounts.path(7)).isEqualTo(p);
  }

  @Test
  void parsesTheMasterAndTheExtremes() {
    assertThat(HdPath.parse("m")).isEqualTo(HdPath.MASTER);
    assertThat(HdPath.MASTER.depth()).isZero();
    assertThat(HdPath.parse("m/2147483647'/2147483647").indices()).containsExactly(-1, Integer.MAX_VALUE);
    assertThat(HdPath.of(-1, 5).child(3)).hasToString("m/2147483647'/5/3");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ""                 | HD path is empty
      44'/60'            | must start with 'm'
      M/0                | must start with 'm'
      m/                 | segment 1 of HD path 'm/' is empty
      m/44'//0           | segment 2 of HD path 'm/44'//0' is empty
      m/44'/x/0          | segment 2 of HD path 'm/44'/x/0' is 'x'; expected a number
      m/-1               | is '-1'; expected a number
      m/1''              | is '1'''; expected a number
      m/'                | is '''; expected a number
      "m/ 1"             | is ' 1'; expected a number
      m/2147483648       | an index is below 2^31
      m/2147483648'      | an index is below 2^31
      m/99999999999999999999 | an index is below 2^31
      """)
  void malformedPathsAreExplained(String path, String message) {
    assertThatThrownBy(() -> HdPath.parse(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void depthIsLimitedToOneByte() {
    String deep = "m" + "/0".repeat(256);
    assertThatThrownBy(() -> HdPath.parse(deep)).hasMessageContaining("at most 255 levels");
    assertThat(HdPath.parse("m" + "/0".repeat(255)).depth()).isEqualTo(255);
  }
}
