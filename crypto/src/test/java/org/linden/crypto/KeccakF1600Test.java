package org.linden.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** Our Keccak-256 agrees with BouncyCastle's on every block-boundary length and on random input. */
class KeccakF1600Test {
  private static byte[] reference(byte[] in, int off, int len) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, off, len);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  @Test
  void matchesTheReferenceAroundEveryBlockBoundary() {
    Random r = new Random(11);
    for (int len = 0; len <= 3 * KeccakF1600.RATE + 2; len++) {
      byte[] in = new byte[len + 7];
      r.nextBytes(in);
      assertThat(Keccak.digest(in, 3, len)).as("length %d", len).isEqualTo(reference(in, 3, len));
    }
  }

  @Test
  void matchesTheReferenceOnRandomInputs() {
    Random r = new Random(12);
    for (int i = 0; i < 500; i++) {
      byte[] in = new byte[r.nextInt(5000)];
      r.nextBytes(in);
      assertThat(Keccak.digest(in, 0, in.length)).isEqualTo(reference(in, 0, in.length));
    }
  }

  @Test
  void knownAnswers() {
    assertThat(Keccak.EMPTY_HASH.toHex())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Keccak.hash256("abc".getBytes()).toHex())
        .isEqualTo("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }
}
