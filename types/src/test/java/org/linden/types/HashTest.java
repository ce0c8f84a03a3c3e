package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashTest {
  private static final String EMPTY_KECCAK = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

  @Test
  void parsesAndPrints() {
    Hash h = Hash.fromHex(EMPTY_KECCAK);
    assertThat(h.toHex()).isEqualTo(EMPTY_KECCAK);
    assertThat(h.toString()).isEqualTo(EMPTY_KECCAK);
    assertThat(h.bytes().size()).isEqualTo(Hash.SIZE);
    assertThat(Hash.fromHex(EMPTY_KECCAK.toUpperCase().replace("0X", "0x"))).isEqualTo(h);
  }

  @Test
  void mustBeExactly32Bytes() {
    assertThatThrownBy(() -> Hash.wrap(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a hash is 32 bytes, got 31");
    assertThatThrownBy(() -> Hash.wrap(Bytes.wrap(new byte[33])))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a hash is 32 bytes, got 33");
    assertThatThrownBy(() -> Hash.fromHex("0x1234")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroEqualityAndOrder() {
    assertThat(Hash.ZERO.toHex()).isEqualTo("0x" + "0".repeat(64));
    assertThat(Hash.wrap(new byte[32])).isEqualTo(Hash.ZERO).hasSameHashCodeAs(Hash.ZERO);
    Hash h = Hash.fromHex(EMPTY_KECCAK);
    assertThat(h).isNotEqualTo(Hash.ZERO);
    assertThat(h).isNotEqualTo(h.bytes());
    assertThat(h.compareTo(Hash.ZERO)).isPositive();
    assertThat(Hash.ZERO.compareTo(h)).isNegative();
  }
}
