package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.junit.jupiter.api.Test;

class Ripemd160Test {
  private static final Ripemd160 RIPEMD = new Ripemd160();

  @Test
  void digestsAreLeftPaddedTo32Bytes() {
    assertThat(RIPEMD.run(Bytes.EMPTY, Fork.FRONTIER).output())
        .isEqualTo(Bytes.fromHex("0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31"));
    assertThat(RIPEMD.run(Sha256Test.ascii("abc"), Fork.OSAKA).output())
        .isEqualTo(Bytes.fromHex("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc"));
  }

  @Test
  void gasIs600Plus120PerWord() {
    assertThat(RIPEMD.gas(Bytes.EMPTY, Fork.FRONTIER)).isEqualTo(600);
    assertThat(RIPEMD.gas(Bytes.wrap(new byte[32]), Fork.FRONTIER)).isEqualTo(720);
    assertThat(RIPEMD.gas(Bytes.wrap(new byte[64]), Fork.FRONTIER)).isEqualTo(840);
    assertThat(RIPEMD.gas(Bytes.wrap(new byte[65]), Fork.FRONTIER)).isEqualTo(960);
  }
}
