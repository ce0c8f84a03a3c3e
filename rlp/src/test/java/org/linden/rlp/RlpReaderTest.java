package org.linden.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linden.rlp.RlpException.Reason;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

class RlpReaderTest {
  private static RlpException decodeFailure(String hex) {
    try {
      RlpItem.decode(Bytes.fromHex(hex));
    } catch (RlpException e) {
      return e;
    }
    throw new AssertionError("decoding " + hex + " should have failed");
  }

  @ParameterizedTest(name = "{0} is rejected as {1} at byte {2}")
  @CsvSource({
    "8100, NON_CANONICAL_SINGLE_BYTE, 0",
    "817f, NON_CANONICAL_SINGLE_BYTE, 0",
    "b800, NON_MINIMAL_LENGTH, 0",
    "b837" + "00, NON_MINIMAL_LENGTH, 0",
    "b90038, NON_MINIMAL_LENGTH, 0",
    "f800, NON_MINIMAL_LENGTH, 0",
    "83646f, LENGTH_PAST_END, 0",
    "c4646f67, LENGTH_PAST_END, 0",
    "c28364, LENGTH_PAST_END, 1",
    "b9ffff00, LENGTH_PAST_END, 0",
    "bf0f000000000000021111, LENGTH_PAST_END, 0",
    "8080, TRAILING_BYTES, 1",
    "c0c0, TRAILING_BYTES, 1",
    "c28100, NON_CANONICAL_SINGLE_BYTE, 1",
  })
  void rejectsNonCanonicalInput(String hex, Reason reason, int offset) {
    RlpException e = decodeFailure(hex);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.getMessage()).contains("at byte " + offset);
  }

  @Test
  void emptyInputHasNoItem() {
    assertThat(decodeFailure("").reason()).isEqualTo(Reason.NO_MORE_ITEMS);
  }

  @Test
  void integersRejectLeadingZeros() {
    RlpReader r = RlpReader.of(Bytes.fromHex("820001"));
    assertThatThrownBy(r::readLong)
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LEADING_ZEROS));
    // A single zero byte is not canonical for the integer zero either (zero is 0x80).
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("00")).readLong())
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LEADING_ZEROS));
  }

  @Test
  void integersOfEverySize() {
    assertThat(RlpReader.of(Bytes.fromHex("80")).readLong()).isZero();
    assertThat(RlpReader.of(Bytes.fromHex("7f")).readLong()).isEqualTo(127);
    assertThat(RlpReader.of(Bytes.fromHex("8180")).readLong()).isEqualTo(128);
    assertThat(RlpReader.of(Bytes.fromHex("88ffffffffffffffff")).readUnsignedLong()).isEqualTo(-1L);
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("88ffffffffffffffff")).readLong())
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VALUE_TOO_LARGE));
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("89010000000000000000")).readUnsignedLong())
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VALUE_TOO_LARGE));
    Bytes max = Bytes.fromHex("a0" + "ff".repeat(32));
    assertThat(RlpReader.of(max).readUInt256()).isEqualTo(UInt256.MAX);
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("a1" + "01" + "00".repeat(32))).readUInt256())
        .isInstanceOf(RlpException.class);
    assertThat(RlpReader.of(Bytes.fromHex("a1" + "01" + "00".repeat(32))).readBigInteger())
        .isEqualTo(BigInteger.ONE.shiftLeft(256));
  }

  @Test
  void typeMismatchIsReported() {
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("c0")).readBytes())
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_TYPE));
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("80")).readList())
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_TYPE));
  }

  @Test
  void fixedSizeStrings() {
    assertThat(RlpReader.of(Bytes.fromHex("820102")).readBytes(2)).isEqualTo(Bytes.fromHex("0102"));
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHex("820102")).readBytes(3))
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SIZE));
  }

  @Test
  void nestedListsReportOffsetsFromTheStartOfTheInput() {
    // [[ "a", 0x8100 ]]: the bad single byte sits at byte 3.
    RlpException e = decodeFailure("c4c3618100");
    assertThat(e.reason()).isEqualTo(Reason.NON_CANONICAL_SINGLE_BYTE);
    assertThat(e.offset()).isEqualTo(3);
  }

  @Test
  void rawItemsAndSkipping() {
    RlpReader list = RlpReader.of(Bytes.fromHex("c6c2010283646f")).readList();
    assertThat(list.readRaw()).isEqualTo(Bytes.fromHex("c20102"));
    assertThatThrownBy(list::readRaw).isInstanceOf(RlpException.class);
    RlpReader ok = RlpReader.of(Bytes.fromHex("c7c20102836f6b21")).readList();
    assertThat(ok.readRaw()).isEqualTo(Bytes.fromHex("c20102"));
    assertThat(ok.nextIsList()).isFalse();
    ok.skip();
    assertThat(ok.isDone()).isTrue();
    ok.ensureDone();
  }

  @Test
  void readingPastTheEndOfAListFails() {
    RlpReader list = RlpReader.of(Bytes.fromHex("c101")).readList();
    assertThat(list.readLong()).isEqualTo(1);
    assertThatThrownBy(list::readLong)
        .isInstanceOfSatisfying(RlpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_MORE_ITEMS));
  }
}
