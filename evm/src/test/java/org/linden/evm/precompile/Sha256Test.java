package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.junit.jupiter.api.Test;

class Sha256Test {
  private static final Sha256 SHA256 = new Sha256();

  @Test
  void digestsOfKnownInputs() {
    assertThat(SHA256.run(Bytes.EMPTY, Fork.FRONTIER).output())
        .isEqualTo(Bytes.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    assertThat(SHA256.run(ascii("abc"), Fork.OSAKA).output())
        .isEqualTo(Bytes.fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  @Test
  void gasIs60Plus12PerWord() {
    assertThat(SHA256.gas(Bytes.EMPTY, Fork.FRONTIER)).isEqualTo(60);
    assertThat(SHA256.gas(Bytes.wrap(new byte[1]), Fork.FRONTIER)).isEqualTo(72);
    assertThat(SHA256.gas(Bytes.wrap(new byte[32]), Fork.FRONTIER)).isEqualTo(72);
    assertThat(SHA256.gas(Bytes.wrap(new byte[33]), Fork.OSAKA)).isEqualTo(84);
  }

  static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }
}
