package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linden.evm.precompile.bls12381.G1Add;
import org.linden.evm.precompile.bls12381.G1Msm;
import org.linden.evm.precompile.bls12381.G2Add;
import org.linden.evm.precompile.bls12381.G2Msm;
import org.linden.evm.precompile.bls12381.MapFp2ToG2;
import org.linden.evm.precompile.bls12381.MapFpToG1;
import org.linden.evm.precompile.bls12381.PairingCheck;
import org.linden.evm.precompile.bn254.Bn254Add;
import org.linden.evm.precompile.bn254.Bn254Mul;
import org.linden.evm.precompile.bn254.Bn254Pairing;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrecompilesTest {
  @Test
  void addressesPerFork() {
    assertThat(Precompiles.addresses(Fork.FRONTIER)).containsExactlyElementsOf(range(0x01, 0x04));
    assertThat(Precompiles.addresses(Fork.SPURIOUS_DRAGON)).containsExactlyElementsOf(range(0x01, 0x04));
    assertThat(Precompiles.addresses(Fork.BYZANTIUM)).containsExactlyElementsOf(range(0x01, 0x08));
    assertThat(Precompiles.addresses(Fork.PETERSBURG)).containsExactlyElementsOf(range(0x01, 0x08));
    assertThat(Precompiles.addresses(Fork.ISTANBUL)).containsExactlyElementsOf(range(0x01, 0x09));
    assertThat(Precompiles.addresses(Fork.SHANGHAI)).containsExactlyElementsOf(range(0x01, 0x09));
    assertThat(Precompiles.addresses(Fork.CANCUN)).containsExactlyElementsOf(range(0x01, 0x0a));
    assertThat(Precompiles.addresses(Fork.PRAGUE)).containsExactlyElementsOf(range(0x01, 0x11));
    List<Address> osaka = range(0x01, 0x11);
    osaka.add(Address.fromNumber(0x100));
    assertThat(Precompiles.addresses(Fork.OSAKA)).containsExactlyElementsOf(osaka);
  }

  @Test
  void isPrecompileFollowsActivation() {
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x01), Fork.FRONTIER)).isTrue();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x05), Fork.SPURIOUS_DRAGON)).isFalse();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x05), Fork.BYZANTIUM)).isTrue();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x09), Fork.PETERSBURG)).isFalse();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x09), Fork.ISTANBUL)).isTrue();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x0a), Fork.SHANGHAI)).isFalse();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x0a), Fork.CANCUN)).isTrue();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x0b), Fork.CANCUN)).isFalse();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x11), Fork.PRAGUE)).isTrue();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x100), Fork.PRAGUE)).isFalse();
    assertThat(Precompiles.isPrecompile(Address.fromNumber(0x100), Fork.OSAKA)).isTrue();
    // Never precompiles: zero, the gap after 0x11, and the EIP-7212-era neighbours of 0x100.
    for (Fork fork : Fork.values()) {
      assertThat(Precompiles.isPrecompile(Address.ZERO, fork)).isFalse();
      assertThat(Precompiles.isPrecompile(Address.fromNumber(0x12), fork)).isFalse();
      assertThat(Precompiles.isPrecompile(Address.fromNumber(0xff), fork)).isFalse();
      assertThat(Precompiles.isPrecompile(Address.fromNumber(0x101), fork)).isFalse();
    }
  }

  @Test
  void frontierMapHoldsTheFourOriginals() {
    Map<Address, Precompile> frontier = Precompiles.forFork(Fork.FRONTIER);
    assertThat(frontier.keySet()).containsExactlyElementsOf(range(0x01, 0x04));
    assertThat(frontier.get(Address.fromNumber(0x01))).isInstanceOf(Ecrecover.class);
    assertThat(frontier.get(Address.fromNumber(0x02))).isInstanceOf(Sha256.class);
    assertThat(frontier.get(Address.fromNumber(0x03))).isInstanceOf(Ripemd160.class);
    assertThat(frontier.get(Address.fromNumber(0x04))).isInstanceOf(Identity.class);
  }

  @Test
  void mapsAreCachedAndUnmodifiable() {
    Map<Address, Precompile> homestead = Precompiles.forFork(Fork.HOMESTEAD);
    assertThat(Precompiles.forFork(Fork.HOMESTEAD)).isSameAs(homestead);
    assertThatThrownBy(() -> homestead.put(Address.fromNumber(0x05), new Modexp()))
        .isInstanceOf(UnsupportedOperationException.class);
    // One stateless instance serves every fork.
    assertThat(Precompiles.forFork(Fork.TANGERINE_WHISTLE).get(Ecrecover.ADDRESS)).isSameAs(homestead.get(Ecrecover.ADDRESS));
  }

  @ParameterizedTest
  @EnumSource(Fork.class)
  void everyForkMapMatchesTheAddressTable(Fork fork) {
    Map<Address, Precompile> map = Precompiles.forFork(fork);
    assertThat(map.keySet()).containsExactlyElementsOf(Precompiles.addresses(fork));
    for (Address address : map.keySet()) {
      assertThat(Precompiles.isPrecompile(address, fork)).isTrue();
    }
  }

  @Test
  void osakaMapHasEachImplementationAtItsAddress() {
    Map<Address, Precompile> osaka = Precompiles.forFork(Fork.OSAKA);
    assertThat(osaka.get(Modexp.ADDRESS)).isInstanceOf(Modexp.class);
    assertThat(osaka.get(Address.fromNumber(0x06))).isInstanceOf(Bn254Add.class);
    assertThat(osaka.get(Address.fromNumber(0x07))).isInstanceOf(Bn254Mul.class);
    assertThat(osaka.get(Address.fromNumber(0x08))).isInstanceOf(Bn254Pairing.class);
    assertThat(osaka.get(Blake2f.ADDRESS)).isInstanceOf(Blake2f.class);
    assertThat(osaka.get(KzgPointEvaluation.ADDRESS)).isInstanceOf(KzgPointEvaluation.class);
    assertThat(osaka.get(Address.fromNumber(0x0b))).isInstanceOf(G1Add.class);
    assertThat(osaka.get(Address.fromNumber(0x0c))).isInstanceOf(G1Msm.class);
    assertThat(osaka.get(Address.fromNumber(0x0d))).isInstanceOf(G2Add.class);
    assertThat(osaka.get(Address.fromNumber(0x0e))).isInstanceOf(G2Msm.class);
    assertThat(osaka.get(Address.fromNumber(0x0f))).isInstanceOf(PairingCheck.class);
    assertThat(osaka.get(Address.fromNumber(0x10))).isInstanceOf(MapFpToG1.class);
    assertThat(osaka.get(Address.fromNumber(0x11))).isInstanceOf(MapFp2ToG2.class);
    assertThat(osaka.get(P256Verify.ADDRESS)).isInstanceOf(P256Verify.class);
  }

  @Test
  void addressConstantsMatchTheTable() {
    assertThat(Ecrecover.ADDRESS).isEqualTo(Address.fromHex("0x0000000000000000000000000000000000000001"));
    assertThat(Sha256.ADDRESS).isEqualTo(Address.fromNumber(0x02));
    assertThat(Ripemd160.ADDRESS).isEqualTo(Address.fromNumber(0x03));
    assertThat(Identity.ADDRESS).isEqualTo(Address.fromNumber(0x04));
    assertThat(Modexp.ADDRESS).isEqualTo(Address.fromNumber(0x05));
    assertThat(Blake2f.ADDRESS).isEqualTo(Address.fromNumber(0x09));
    assertThat(KzgPointEvaluation.ADDRESS).isEqualTo(Address.fromNumber(0x0a));
    assertThat(P256Verify.ADDRESS).isEqualTo(Address.fromHex("0x0000000000000000000000000000000000000100"));
  }

  private static List<Address> range(int from, int to) {
    List<Address> out = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      out.add(Address.fromNumber(n));
    }
    return out;
  }
}
