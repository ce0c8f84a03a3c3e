package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.types.Bytes;
import org.junit.jupiter.api.Test;

class RlpxSnappyTest {
  @Test
  void decodesHandWrittenBlocksWithEachElementKind() {
    // literal "abcd", then a 2-byte-offset copy of 12 bytes at distance 4
    assertThat(Snappy.decompress(Bytes.fromHex("100c616263642e0400").toArray(), 100))
        .isEqualTo("abcdabcdabcdabcd".getBytes(StandardCharsets.US_ASCII));
    // literal "abcd", then a 1-byte-offset copy of 8 bytes at distance 4
    assertThat(Snappy.decompress(Bytes.fromHex("0c0c616263641104").toArray(), 100))
        .isEqualTo("abcdabcdabcd".getBytes(StandardCharsets.US_ASCII));
    // a 4-byte-offset copy of 2 bytes at distance 1: run-length expansion
    assertThat(Snappy.decompress(Bytes.fromHex("03007a0701000000").toArray(), 100))
        .isEqualTo("zzz".getBytes(StandardCharsets.US_ASCII));
    assertThat(Snappy.decompress(new byte[] {0}, 0)).isEmpty();
  }

  @Test
  void roundTripsRandomAndRepetitiveData() {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 3, 4, 5, 59, 60, 61, 255, 256, 300, 70_000, 200_000}) {
      byte[] noise = new byte[size];
      random.nextBytes(noise);
      assertThat(Snappy.decompress(Snappy.compress(noise), size)).isEqualTo(noise);
      byte[] text = new byte[size];
      for (int i = 0; i < size; i++) {
        text[i] = (byte) "the quick brown fox ".charAt((i * 7 / 5) % 20);
      }
      byte[] packed = Snappy.compress(text);
      assertThat(Snappy.decompress(packed, size)).isEqualTo(text);
      if (size > 1000) {
        assertThat(packed.length).isLessThan(size / 4);
      }
    }
  }

  @Test
  void refusesOversizedClaimsBeforeAllocating() {
    // varint 0xffffffff: 4 GiB claimed by a five-byte message
    assertThatThrownBy(() -> Snappy.decompress(Bytes.fromHex("ffffffff0f").toArray(), 1 << 24))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_LARGE));
  }

  @Test
  void corruptBlocksAreTypedErrors() {
    for (String hex : new String[] {"05", "0a0c6162", "0c0c616263641108", "04ff", "10fc", "ffffffffff0f"}) {
      assertThatThrownBy(() -> Snappy.decompress(Bytes.fromHex(hex).toArray(), 1000))
          .as(hex)
          .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MESSAGE));
    }
  }

  @Test
  void mutatedBlocksNeverCrash() {
    Random random = new Random(11);
    byte[] base = Snappy.compress("hello hello hello world world world".repeat(20).getBytes(StandardCharsets.US_ASCII));
    for (int round = 0; round < 2000; round++) {
      byte[] mutated = base.clone();
      mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      try {
        Snappy.decompress(mutated, 4096);
      } catch (RlpxException expected) {
        // a typed error is the only acceptable failure
      }
    }
  }
}
