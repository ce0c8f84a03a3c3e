package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {
  @Test
  void parsesAnyCaseAndPrintsLowerCase() {
    Address a = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(a.toHex()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertThat(a.toString()).isEqualTo(a.toHex());
    assertThat(Address.fromHex("f39fd6e51aad88f6f4ce6ab8827279cfffb92266")).isEqualTo(a).hasSameHashCodeAs(a);
  }

  @Test
  void mustBeExactly20Bytes() {
    assertThatThrownBy(() -> Address.fromHex("0x1234"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("an address is 20 bytes, got 2");
    assertThatThrownBy(() -> Address.wrap(Bytes.wrap(new byte[32])))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("an address is 20 bytes, got 32");
    assertThatThrownBy(() -> Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd number");
  }

  @Test
  void fromNumberGivesPrecompileAndSystemAddresses() {
    assertThat(Address.fromNumber(1).toHex()).isEqualTo("0x0000000000000000000000000000000000000001");
    assertThat(Address.fromNumber(0x100).toHex()).isEqualTo("0x0000000000000000000000000000000000000100");
    assertThat(Address.fromNumber(0).toHex()).isEqualTo(Address.ZERO.toHex());
    assertThat(Address.fromNumber(0).equals(Address.ZERO)).isTrue();
    assertThat(Address.fromNumber(0x0102030405060708L).toHex()).isEqualTo("0x0000000000000000000000000102030405060708");
    assertThat(Address.fromNumber(-1L).toHex()).isEqualTo("0x000000000000000000000000ffffffffffffffff");
  }

  @Test
  void orderIsUnsignedByteOrder() {
    Address low = Address.fromNumber(0x7f);
    Address high = Address.fromNumber(0x80);
    assertThat(low.compareTo(high)).isNegative();
    assertThat(Address.fromHex("0x8000000000000000000000000000000000000000").compareTo(low)).isPositive();
    assertThat(low).isNotEqualTo(low.bytes());
    assertThat(Address.ZERO.bytes().size()).isEqualTo(Address.SIZE);
  }
}
