package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.junit.jupiter.api.Test;

class IdentityTest {
  private static final Identity IDENTITY = new Identity();

  @Test
  void returnsTheInput() {
    assertThat(IDENTITY.run(Bytes.EMPTY, Fork.FRONTIER).output()).isEqualTo(Bytes.EMPTY);
    Bytes data = Bytes.fromHex("00010203ff");
    PrecompileResult result = IDENTITY.run(data, Fork.OSAKA);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(data);
  }

  @Test
  void gasIs15Plus3PerWord() {
    assertThat(IDENTITY.gas(Bytes.EMPTY, Fork.FRONTIER)).isEqualTo(15);
    assertThat(IDENTITY.gas(Bytes.wrap(new byte[31]), Fork.FRONTIER)).isEqualTo(18);
    assertThat(IDENTITY.gas(Bytes.wrap(new byte[96]), Fork.FRONTIER)).isEqualTo(24);
    assertThat(IDENTITY.gas(Bytes.wrap(new byte[97]), Fork.FRONTIER)).isEqualTo(27);
  }
}
