package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class IntrinsicGasTest {
  private static final Address TO = Samples.TO;

  private static LegacyTransaction call(Bytes data) {
    return LegacyTransaction.unsigned(0, UInt256.ONE, 1_000_000, TO, UInt256.ZERO, data);
  }

  private static LegacyTransaction create(Bytes data) {
    return LegacyTransaction.unsigned(0, UInt256.ONE, 1_000_000, null, UInt256.ZERO, data);
  }

  @Test
  void aPlainTransferCosts21000InEveryFork() {
    for (Fork fork : Fork.values()) {
      assertThat(IntrinsicGas.of(call(Bytes.EMPTY), fork).intrinsicGas()).isEqualTo(21_000);
    }
  }

  @Test
  void nonZeroCalldataGotCheaperInIstanbul() {
    Bytes data = Bytes.fromHex("0x00010200"); // two zero, two non-zero bytes
    assertThat(IntrinsicGas.of(call(data), Fork.PETERSBURG).intrinsicGas()).isEqualTo(21_000 + 2 * 4 + 2 * 68);
    assertThat(IntrinsicGas.of(call(data), Fork.ISTANBUL).intrinsicGas()).isEqualTo(21_000 + 2 * 4 + 2 * 16);
  }

  @Test
  void contractCreationCostsExtraFromHomesteadAndPerInitcodeWordFromShanghai() {
    Bytes initcode = Bytes.wrap(new byte[33]); // 33 zero bytes: two words
    assertThat(IntrinsicGas.of(create(initcode), Fork.FRONTIER).intrinsicGas()).isEqualTo(21_000 + 33 * 4);
    assertThat(IntrinsicGas.of(create(initcode), Fork.HOMESTEAD).intrinsicGas()).isEqualTo(53_000 + 33 * 4);
    assertThat(IntrinsicGas.of(create(initcode), Fork.PARIS).intrinsicGas()).isEqualTo(53_000 + 33 * 4);
    assertThat(IntrinsicGas.of(create(initcode), Fork.SHANGHAI).intrinsicGas()).isEqualTo(53_000 + 33 * 4 + 2 * 2);
  }

  @Test
  void accessListEntriesAndKeysArePaidFor() {
    // Samples.ACCESS_LIST: two addresses, two keys; the data has four non-zero bytes and one zero.
    long expected = 21_000 + 4 * 16 + 4 + 2 * 2_400 + 2 * 1_900;
    assertThat(IntrinsicGas.of(Samples.accessList(), Fork.BERLIN).intrinsicGas()).isEqualTo(expected);
  }

  @Test
  void eachAuthorizationCostsAnEmptyAccount() {
    PrivateKey k = PrivateKey.fromHex("0x" + "22".repeat(32));
    Authorization a = Authorization.sign(UInt256.ONE, TO, 0, k);
    SetCodeTransaction one = Samples.setCode(List.of(a));
    SetCodeTransaction three = Samples.setCode(List.of(a, a, a));
    assertThat(IntrinsicGas.of(three, Fork.PRAGUE).intrinsicGas() - IntrinsicGas.of(one, Fork.PRAGUE).intrinsicGas())
        .isEqualTo(2 * 25_000);
  }

  @Test
  void theCalldataFloorStartsInPrague() {
    Bytes data = Bytes.fromHex("0x0001"); // one zero byte (1 token), one non-zero byte (4 tokens)
    assertThat(IntrinsicGas.of(call(data), Fork.CANCUN).calldataFloorGas()).isZero();
    IntrinsicGas prague = IntrinsicGas.of(call(data), Fork.PRAGUE);
    assertThat(prague.calldataFloorGas()).isEqualTo(21_000 + 10 * 5);
    assertThat(prague.intrinsicGas()).isEqualTo(21_000 + 4 + 16);
    assertThat(prague.minimumGasLimit()).isEqualTo(21_050);
  }

  @Test
  void theFloorIgnoresCreationAndAccessListCosts() {
    IntrinsicGas g = IntrinsicGas.of(Samples.blob(List.of(Hash.fromHex("0x01" + "00".repeat(31)))), Fork.PRAGUE);
    // data deadbeef00: 4 non-zero bytes and one zero byte = 17 tokens.
    assertThat(g.calldataFloorGas()).isEqualTo(21_000 + 170);
  }
}
