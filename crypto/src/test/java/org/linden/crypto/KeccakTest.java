package org.linden.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.linden.types.Bytes;

class KeccakTest {
  @ParameterizedTest(name = "keccak256(\"{0}\")")
  @CsvSource({
    "'', c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
    "abc, 4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
    "The quick brown fox jumps over the lazy dog, 4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15",
  })
  void knownTextVectors(String input, String expected) {
    assertThat(Keccak.hash256(input.getBytes(StandardCharsets.US_ASCII)).bytes().toUnprefixedHex()).isEqualTo(expected);
  }

  @Test
  void ethereumConstants() {
    // keccak256(rlp("")) is the empty trie root; keccak256(rlp([])) the empty uncle hash.
    assertThat(Keccak.hash256(Bytes.of((byte) 0x80)).bytes().toUnprefixedHex())
        .isEqualTo("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    assertThat(Keccak.EMPTY_LIST_HASH.bytes().toUnprefixedHex())
        .isEqualTo("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
    assertThat(Keccak.EMPTY_HASH.bytes().toUnprefixedHex())
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void sliceOfALongerArrayHashesLikeACopy() {
    // 300 bytes cross the 136-byte rate twice, so several absorb rounds run.
    byte[] data = new byte[310];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
    }
    byte[] slice = java.util.Arrays.copyOfRange(data, 5, 305);
    assertThat(Keccak.digest(data, 5, 300)).isEqualTo(Keccak.hash256(slice).bytes().toArray());
    assertThat(Keccak.hash256(Bytes.wrap(slice))).isEqualTo(Keccak.hash256(slice));
  }
}
