package org.linden.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linden.types.Hex;

class ScryptKdfTest {
  @Test
  void rfc7914Vectors() {
    String empty = "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906";
    String nacl = "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640";
    assertThat(Hex.encode(ScryptKdf.derive(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(empty);
    assertThat(Hex.encode(ScryptKdf.deriveDirect(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(empty);
    byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
    byte[] salt = "NaCl".getBytes(StandardCharsets.US_ASCII);
    assertThat(Hex.encode(ScryptKdf.derive(password, salt, 1024, 8, 16, 64))).isEqualTo(nacl);
    assertThat(Hex.encode(ScryptKdf.deriveDirect(password, salt, 1024, 8, 16, 64))).isEqualTo(nacl);
  }

  /** The own implementation (used only where BouncyCastle refuses) agrees with BouncyCastle. */
  @ParameterizedTest(name = "n={0} r={1} p={2}")
  @CsvSource({"2, 1, 1", "16, 1, 3", "32768, 1, 2", "256, 3, 2", "1024, 8, 1", "64, 16, 2"})
  void agreesWithBouncyCastle(int n, int r, int p) {
    byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
    byte[] salt = Hex.decode("ab0c7876052600dd703518d6fc3fe898");
    assertThat(ScryptKdf.deriveDirect(password, salt, n, r, p, 32))
        .isEqualTo(SCrypt.generate(password, salt, n, r, p, 32));
  }

  @Test
  void runsWhereBouncyCastleRefuses() {
    // BouncyCastle rejects r = 1 with n >= 2^16; geth and the KeyStoreTests fixture use it.
    byte[] dk = ScryptKdf.derive("pw".getBytes(StandardCharsets.UTF_8), new byte[16], 1 << 16, 1, 1, 32);
    assertThat(dk).hasSize(32);
  }
}
