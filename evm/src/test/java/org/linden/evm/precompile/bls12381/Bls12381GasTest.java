package org.linden.evm.precompile.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linden.evm.precompile.Precompile;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** EIP-2537 gas: fixed prices, MSM discounts and their cap, pairing per pair. */
class Bls12381GasTest {
  private static long gas(int address, int inputLength) {
    Precompile p = Bls12381Precompiles.byAddress().get(address);
    return p.gas(Bytes.wrap(new byte[inputLength]), Fork.PRAGUE);
  }

  @Test
  void fixedPrices() {
    assertThat(gas(Bls12381Precompiles.G1ADD, 256)).isEqualTo(375);
    assertThat(gas(Bls12381Precompiles.G2ADD, 512)).isEqualTo(600);
    assertThat(gas(Bls12381Precompiles.MAP_FP_TO_G1, 64)).isEqualTo(5500);
    assertThat(gas(Bls12381Precompiles.MAP_FP2_TO_G2, 128)).isEqualTo(23800);
    // Length does not change a fixed price; the call itself then fails.
    assertThat(gas(Bls12381Precompiles.G1ADD, 0)).isEqualTo(375);
  }

  @Test
  void g1MsmUsesTheDiscountTableThenItsCap() {
    assertThat(gas(Bls12381Precompiles.G1MSM, 160)).isEqualTo(12000);
    assertThat(gas(Bls12381Precompiles.G1MSM, 2 * 160)).isEqualTo(2 * 12000 * 949 / 1000);
    assertThat(gas(Bls12381Precompiles.G1MSM, 128 * 160)).isEqualTo(128L * 12000 * 519 / 1000);
    assertThat(gas(Bls12381Precompiles.G1MSM, 129 * 160)).isEqualTo(129L * 12000 * 519 / 1000);
    assertThat(gas(Bls12381Precompiles.G1MSM, 1000 * 160)).isEqualTo(1000L * 12000 * 519 / 1000);
  }

  @Test
  void g2MsmUsesTheDiscountTableThenItsCap() {
    assertThat(gas(Bls12381Precompiles.G2MSM, 288)).isEqualTo(22500);
    assertThat(gas(Bls12381Precompiles.G2MSM, 2 * 288)).isEqualTo(45000);
    assertThat(gas(Bls12381Precompiles.G2MSM, 3 * 288)).isEqualTo(3 * 22500 * 923 / 1000);
    assertThat(gas(Bls12381Precompiles.G2MSM, 128 * 288)).isEqualTo(128L * 22500 * 524 / 1000);
    assertThat(gas(Bls12381Precompiles.G2MSM, 500 * 288)).isEqualTo(500L * 22500 * 524 / 1000);
  }

  @Test
  void msmChargesWholePairsOnly() {
    assertThat(gas(Bls12381Precompiles.G1MSM, 0)).isZero();
    assertThat(gas(Bls12381Precompiles.G1MSM, 159)).isZero();
    assertThat(gas(Bls12381Precompiles.G1MSM, 161)).isEqualTo(12000);
    assertThat(gas(Bls12381Precompiles.G2MSM, 287)).isZero();
  }

  @Test
  void pairingCostsPerPairPlusBase() {
    assertThat(gas(Bls12381Precompiles.PAIRING_CHECK, 384)).isEqualTo(70300);
    assertThat(gas(Bls12381Precompiles.PAIRING_CHECK, 2 * 384)).isEqualTo(102900);
    assertThat(gas(Bls12381Precompiles.PAIRING_CHECK, 10 * 384)).isEqualTo(32600 * 10 + 37700);
    assertThat(gas(Bls12381Precompiles.PAIRING_CHECK, 0)).isEqualTo(37700);
  }

  @Test
  void discountTablesHave128Entries() {
    assertThat(MsmGas.G1_DISCOUNTS).hasSize(128);
    assertThat(MsmGas.G2_DISCOUNTS).hasSize(128);
  }

  @Test
  void registryListsTheSevenAddresses() {
    assertThat(Bls12381Precompiles.byAddress().keySet())
        .containsExactly(0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11);
  }
}
