package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ForkTest {
  @Test
  void declaredInActivationOrder() {
    assertThat(Arrays.stream(Fork.values()).map(Fork::fixtureName)).containsExactly(
        "Frontier", "Homestead", "EIP150", "EIP158", "Byzantium", "Constantinople", "ConstantinopleFix",
        "Istanbul", "Berlin", "London", "Paris", "Shanghai", "Cancun", "Prague", "Osaka");
  }

  @Test
  void comparisons() {
    assertThat(Fork.PRAGUE.isAtLeast(Fork.CANCUN)).isTrue();
    assertThat(Fork.PRAGUE.isAtLeast(Fork.PRAGUE)).isTrue();
    assertThat(Fork.CANCUN.isAtLeast(Fork.PRAGUE)).isFalse();
    assertThat(Fork.BERLIN.isBefore(Fork.LONDON)).isTrue();
    assertThat(Fork.LONDON.isBefore(Fork.LONDON)).isFalse();
    assertThat(Fork.FRONTIER.isBefore(Fork.OSAKA)).isTrue();
    assertThat(Fork.PETERSBURG.isAtLeast(Fork.CONSTANTINOPLE)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Fork.class)
  void everyForkResolvesFromItsFixtureNameAndItsConstantName(Fork fork) {
    assertThat(Fork.fromName(fork.fixtureName())).contains(fork);
    assertThat(Fork.fromName(fork.name())).contains(fork);
    assertThat(Fork.fromName(fork.name().toLowerCase())).contains(fork);
  }

  @ParameterizedTest
  @CsvSource({
    "EIP150, TANGERINE_WHISTLE",
    "TangerineWhistle, TANGERINE_WHISTLE",
    "tangerine-whistle, TANGERINE_WHISTLE",
    "Tangerine, TANGERINE_WHISTLE",
    "EIP158, SPURIOUS_DRAGON",
    "SpuriousDragon, SPURIOUS_DRAGON",
    "spurious dragon, SPURIOUS_DRAGON",
    "ConstantinopleFix, PETERSBURG",
    "Petersburg, PETERSBURG",
    "Merge, PARIS",
    "paris, PARIS",
    "CANCUN, CANCUN",
    "osaka, OSAKA",
  })
  void aliases(String name, Fork expected) {
    assertThat(Fork.fromName(name)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"Amsterdam", "ShanghaiToCancunAtTime15k", "''", "EIP1559", "frontier2"})
  void unknownNamesAreEmpty(String name) {
    assertThat(Fork.fromName(name)).isEmpty();
  }
}
