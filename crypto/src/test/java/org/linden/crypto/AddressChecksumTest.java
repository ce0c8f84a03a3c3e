package org.linden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linden.types.Address;

/** The test cases listed in EIP-55 (ERC-55), "Test Cases" section. */
class AddressChecksumTest {
  @ParameterizedTest
  @ValueSource(strings = {
    // All caps
    "0x52908400098527886E0F7030069857D2E4169EE7",
    "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
    // All lower
    "0xde709f2102306220921060314715629080e2fb77",
    "0x27b1fdb04752bbc536007a920d24acb045561c26",
    // Normal
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
  })
  void eip55Vectors(String checksummed) {
    Address a = Address.fromHex(checksummed.toLowerCase(Locale.ROOT));
    assertThat(AddressChecksum.toChecksumHex(a)).isEqualTo(checksummed);
    assertThat(AddressChecksum.parse(checksummed)).isEqualTo(a);
  }

  @Test
  void singleCaseInputCarriesNoChecksum() {
    String lower = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";
    assertThat(AddressChecksum.parse(lower)).isEqualTo(Address.fromHex(lower));
    assertThat(AddressChecksum.parse(lower.toUpperCase(Locale.ROOT).replace("0X", "0x"))).isEqualTo(Address.fromHex(lower));
  }

  @Test
  void wrongMixedCaseIsRejected() {
    // One letter's case flipped from the valid 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359.
    assertThatThrownBy(() -> AddressChecksum.parse("0xFB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void wrongLengthIsRejected() {
    assertThatThrownBy(() -> AddressChecksum.parse("0x1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("40 hex digits");
  }
}
