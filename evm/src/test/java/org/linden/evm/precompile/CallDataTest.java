package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.linden.types.Bytes;
import org.junit.jupiter.api.Test;

class CallDataTest {
  private static final Bytes DATA = Bytes.fromHex("0102030405");

  @Test
  void readsPadWithZerosPastTheEnd() {
    assertThat(Bytes.wrap(CallData.read(DATA, 0, 3))).isEqualTo(Bytes.fromHex("010203"));
    assertThat(Bytes.wrap(CallData.read(DATA, 3, 4))).isEqualTo(Bytes.fromHex("04050000"));
    assertThat(Bytes.wrap(CallData.read(DATA, 5, 2))).isEqualTo(Bytes.fromHex("0000"));
    assertThat(Bytes.wrap(CallData.read(DATA, Long.MAX_VALUE, 2))).isEqualTo(Bytes.fromHex("0000"));
  }

  @Test
  void unsignedNumbersTreatTheMissingTailAsZeroBytes() {
    assertThat(CallData.readUnsigned(DATA, 0, 2)).isEqualTo(BigInteger.valueOf(0x0102));
    assertThat(CallData.readUnsigned(DATA, 4, 3)).isEqualTo(BigInteger.valueOf(0x050000));
    assertThat(CallData.readUnsigned(DATA, 1 << 20, 1L << 40)).isZero();
    assertThat(CallData.readUnsigned(DATA, 0, 0)).isZero();
    assertThat(CallData.word(Bytes.fromHex("ff"), 0)).isEqualTo(BigInteger.valueOf(0xff).shiftLeft(248));
  }
}
