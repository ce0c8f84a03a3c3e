package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class LogsBloomTest {
  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void matchesGethsPublishedBloomVector() {
    // go-ethereum core/types/bloom9_test.go TestBloomExtensively: 100 entries, keccak of the bloom.
    LogsBloom bloom = LogsBloom.EMPTY;
    for (int i = 0; i < 100; i++) {
      bloom = bloom.with(ascii("xxxxxxxxxx data " + i + " yyyyyyyyyyyyyy"));
    }
    assertThat(Keccak.hash256(bloom.bytes()))
        .isEqualTo(Hash.fromHex("0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263"));
  }

  @Test
  void testsMembershipLikeGeth() {
    // go-ethereum core/types/bloom9_test.go TestBloom.
    LogsBloom bloom = LogsBloom.EMPTY;
    for (String s : List.of("testtest", "test", "hallo", "other")) {
      bloom = bloom.with(ascii(s));
    }
    for (String s : List.of("testtest", "test", "hallo", "other")) {
      assertThat(bloom.mightContain(ascii(s))).as(s).isTrue();
    }
    for (String s : List.of("tes", "lo")) {
      assertThat(bloom.mightContain(ascii(s))).as(s).isFalse();
    }
  }

  @Test
  void setsThreeBitsPerEntryAtTheSpecifiedPositions() {
    Bytes entry = ascii("entry");
    Bytes h = Keccak.hash256(entry).bytes();
    byte[] expected = new byte[256];
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h.getUnsigned(i) << 8) | h.getUnsigned(i + 1)) & 2047;
      // bit 0 is the least significant bit of the last byte
      expected[255 - bit / 8] |= (byte) (1 << (bit % 8));
    }
    assertThat(LogsBloom.EMPTY.with(entry).bytes()).isEqualTo(Bytes.wrap(expected));
  }

  @Test
  void bloomOfLogsCoversAddressesAndTopicsAndAccumulatesByOr() {
    Address a1 = Address.fromHex("0x00000000000000000000000000000000000000aa");
    Address a2 = Address.fromHex("0x00000000000000000000000000000000000000bb");
    Hash t1 = Hash.fromHex("0x" + "11".repeat(32));
    Hash t2 = Hash.fromHex("0x" + "22".repeat(32));
    Log l1 = new Log(a1, List.of(t1, t2), Bytes.fromHex("0x01"));
    Log l2 = new Log(a2, List.of(), Bytes.EMPTY);
    LogsBloom both = LogsBloom.of(List.of(l1, l2));
    assertThat(both).isEqualTo(LogsBloom.EMPTY.with(a1.bytes()).with(t1.bytes()).with(t2.bytes()).with(a2.bytes()));
    assertThat(both).isEqualTo(LogsBloom.of(List.of(l1)).or(LogsBloom.of(List.of(l2))));
    assertThat(both).isEqualTo(LogsBloom.union(List.of(LogsBloom.of(List.of(l1)), LogsBloom.of(List.of(l2)))));
    assertThat(both.mightContain(t2.bytes())).isTrue();
    // Log data is not part of the bloom.
    assertThat(LogsBloom.of(List.of(new Log(a2, List.of(), Bytes.fromHex("0xff"))))).isEqualTo(LogsBloom.of(List.of(l2)));
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    assertThat(LogsBloom.EMPTY.isEmpty()).isTrue();
    assertThat(both.isEmpty()).isFalse();
  }

  @Test
  void hasExactly256Bytes() {
    assertThatThrownBy(() -> new LogsBloom(Bytes.wrap(new byte[255]))).isInstanceOf(IllegalArgumentException.class);
  }
}
