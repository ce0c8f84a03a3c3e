package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.types.Words.big;
import static org.linden.types.Words.values;
import static org.linden.types.Words.word;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Construction, bytes, hex, decimal, limbs and range clamps of {@link UInt256}. */
class UInt256ConversionTest {
  private static final int EXAMPLES = 3000;

  @Test
  void bigIntegerRoundTrip() {
    qt().withExamples(EXAMPLES).forAll(values()).checkAssert(x ->
        assertThat(UInt256.fromBigInteger(x).toBigInteger()).isEqualTo(x));
    assertThatThrownBy(() -> UInt256.fromBigInteger(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 unsigned bits");
    assertThatThrownBy(() -> UInt256.fromBigInteger(EvmReference.MOD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valueOfReadsTheLongAsUnsigned() {
    assertThat(UInt256.valueOf(-1L).toBigInteger()).isEqualTo(Words.pow2(64).subtract(BigInteger.ONE));
    assertThat(UInt256.valueOf(0)).isSameAs(UInt256.ZERO);
    assertThat(UInt256.valueOf(42).toString()).isEqualTo("42");
  }

  @Test
  void bytes32RoundTripAndMinimalBytes() {
    qt().withExamples(EXAMPLES).forAll(values()).checkAssert(x -> {
      UInt256 w = word(x);
      byte[] expected = EvmReference.toBytes32(x);
      assertThat(w.toBytes32().toArray()).isEqualTo(expected);
      byte[] dest = new byte[40];
      w.toBytes32(dest, 5);
      assertThat(Arrays.copyOfRange(dest, 5, 37)).isEqualTo(expected);
      assertThat(UInt256.fromBytes(Bytes.wrap(expected))).isEqualTo(w);
      Bytes minimal = w.toMinimalBytes();
      assertThat(minimal).isEqualTo(Bytes.wrap(expected).trimLeadingZeros());
      assertThat(UInt256.fromBytes(minimal)).isEqualTo(w);
    });
    assertThat(UInt256.ZERO.toMinimalBytes()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void fromBytesReadsAnyLengthUpTo32AtAnyOffset() {
    qt().withExamples(EXAMPLES)
        .forAll(Generate.byteArrays(Generate.range(40, 48), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
            Generate.range(0, 8), Generate.range(0, 32))
        .checkAssert((src, off, len) -> {
          BigInteger expected = new BigInteger(1, Arrays.copyOfRange(src, off, off + len));
          assertThat(UInt256.fromBytes(src, off, len).toBigInteger()).isEqualTo(expected);
          long[] s = new long[6];
          UInt256Math.fromBytes(src, off, len, s, 1);
          assertThat(UInt256.fromLimbs(s, 1).toBigInteger()).isEqualTo(expected);
        });
  }

  @Test
  void fromBytesRejectsBadLengthsAndBounds() {
    assertThatThrownBy(() -> UInt256.fromBytes(Bytes.wrap(new byte[33])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33");
    assertThatThrownBy(() -> UInt256.fromBytes(new byte[40], 0, 33))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> UInt256.fromBytes(new byte[10], 5, 8))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> UInt256.ONE.toBytes32(new byte[40], 9))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void hexQuantityForm() {
    assertThat(UInt256.ZERO.toHexString()).isEqualTo("0x0");
    assertThat(UInt256.valueOf(0x1a).toHexString()).isEqualTo("0x1a");
    assertThat(word(Words.pow2(64)).toHexString()).isEqualTo("0x10000000000000000");
    assertThat(UInt256.MAX.toHexString()).isEqualTo("0x" + "f".repeat(64));
    qt().withExamples(EXAMPLES).forAll(values()).checkAssert(x -> {
      String hex = word(x).toHexString();
      assertThat(hex).isEqualTo("0x" + x.toString(16));
      assertThat(UInt256.fromHex(hex)).isEqualTo(word(x));
    });
  }

  @Test
  void fromHexAcceptsCommonSpellings() {
    assertThat(UInt256.fromHex("0x0")).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.fromHex("0")).isEqualTo(UInt256.ZERO);
    assertThat(UInt256.fromHex("0x1A")).isEqualTo(UInt256.valueOf(26));
    assertThat(UInt256.fromHex("0X1a")).isEqualTo(UInt256.valueOf(26));
    assertThat(UInt256.fromHex("1a")).isEqualTo(UInt256.valueOf(26));
    assertThat(UInt256.fromHex("0x" + "0".repeat(70) + "ff")).isEqualTo(UInt256.valueOf(255));
    assertThat(UInt256.fromHex("0x" + "f".repeat(64))).isEqualTo(UInt256.MAX);
  }

  @Test
  void fromHexRejectsWithClearMessages() {
    assertThatThrownBy(() -> UInt256.fromHex("0x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no hex digits");
    assertThatThrownBy(() -> UInt256.fromHex(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no hex digits");
    assertThatThrownBy(() -> UInt256.fromHex("0x1" + "0".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
    assertThatThrownBy(() -> UInt256.fromHex("0x12g4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid hex digit 'g' at position 4");
    assertThatThrownBy(() -> UInt256.fromHex("0x\u0661\u0662")) // Arabic-Indic digits
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid hex digit");
    assertThatThrownBy(() -> UInt256.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decimalToString() {
    assertThat(UInt256.ZERO.toString()).isEqualTo("0");
    assertThat(UInt256.MAX.toString())
        .isEqualTo("115792089237316195423570985008687907853269984665640564039457584007913129639935");
    assertThat(word(BigInteger.TEN.pow(19)).toString()).isEqualTo("1" + "0".repeat(19));
    qt().withExamples(EXAMPLES).forAll(values()).checkAssert(x ->
        assertThat(word(x).toString()).isEqualTo(x.toString()));
  }

  @Test
  void limbs() {
    UInt256 w = new UInt256(1, 2, 3, 4);
    assertThat(new long[] {w.limb(0), w.limb(1), w.limb(2), w.limb(3)}).containsExactly(1, 2, 3, 4);
    long[] dest = new long[6];
    w.toLimbs(dest, 2);
    assertThat(dest).containsExactly(0, 0, 1, 2, 3, 4);
    assertThat(UInt256.fromLimbs(dest, 2)).isEqualTo(w);
    assertThatThrownBy(() -> w.limb(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(w.toBigInteger()).isEqualTo(Words.fromLimbs(1, 2, 3, 4));
  }

  @Test
  void rangeChecksAndClamps() {
    UInt256 longMax = UInt256.valueOf(Long.MAX_VALUE);
    UInt256 twoPow63 = word(Words.pow2(63));
    assertThat(longMax.fitsInLong()).isTrue();
    assertThat(twoPow63.fitsInLong()).isFalse();
    assertThat(word(Words.pow2(64)).fitsInLong()).isFalse();
    assertThat(longMax.clampedToLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(twoPow63.clampedToLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(UInt256.MAX.clampedToLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(UInt256.valueOf(12345).clampedToLong()).isEqualTo(12345);
    assertThat(UInt256.valueOf(Integer.MAX_VALUE).fitsInInt()).isTrue();
    assertThat(UInt256.valueOf(Integer.MAX_VALUE + 1L).fitsInInt()).isFalse();
    assertThat(UInt256.valueOf(Integer.MAX_VALUE + 1L).clampedToInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(word(Words.pow2(128).add(BigInteger.ONE)).clampedToInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(UInt256.valueOf(7).clampedToInt()).isEqualTo(7);
    assertThat(UInt256.valueOf(7).toLongExact()).isEqualTo(7);
    assertThat(UInt256.valueOf(7).toIntExact()).isEqualTo(7);
    assertThatThrownBy(twoPow63::toLongExact).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt256.valueOf(1L << 31).toIntExact()).isInstanceOf(ArithmeticException.class);
    assertThat(word(Words.pow2(64).add(BigInteger.valueOf(5))).longValue()).isEqualTo(5);
    qt().withExamples(EXAMPLES).forAll(values()).checkAssert(x -> {
      long expected = x.bitLength() <= 63 ? x.longValueExact() : Long.MAX_VALUE;
      assertThat(word(x).clampedToLong()).isEqualTo(expected);
      long[] s = new long[5];
      word(x).toLimbs(s, 1);
      assertThat(UInt256Math.clampedToLong(s, 1)).isEqualTo(expected);
    });
  }

  @Test
  void equalityHashAndOrder() {
    qt().withExamples(EXAMPLES).forAll(values(), values()).checkAssert((x, y) -> {
      UInt256 a = word(x);
      UInt256 b = word(y);
      assertThat(a.equals(b)).isEqualTo(x.equals(y));
      assertThat(a.equals(word(x))).isTrue();
      assertThat(a.hashCode()).isEqualTo(word(x).hashCode());
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(x.compareTo(y));
    });
    assertThat(new UInt256(5, 7, 7, 0).hashCode()).isNotEqualTo(new UInt256(5, 0, 0, 0).hashCode());
    assertThat(UInt256.ONE.equals(null)).isFalse();
    assertThat(UInt256.ONE.equals(big("1"))).isFalse();
  }

  @Test
  void arrayLoadsAndStores() {
    long[] s = new long[9];
    UInt256Math.set(s, 1, -1L);
    assertThat(UInt256.fromLimbs(s, 1)).isEqualTo(UInt256.valueOf(-1L));
    UInt256Math.copy(s, 1, s, 5);
    assertThat(UInt256Math.eq(s, 1, s, 5)).isTrue();
    assertThat(UInt256Math.isZero(s, 5)).isFalse();
    UInt256Math.set(s, 5, 0);
    assertThat(UInt256Math.isZero(s, 5)).isTrue();
    byte[] out = new byte[34];
    UInt256Math.toBytes32(s, 1, out, 1);
    assertThat(Arrays.copyOfRange(out, 1, 33)).isEqualTo(UInt256.valueOf(-1L).toBytes32().toArray());
    assertThat(out[0]).isZero();
    assertThat(out[33]).isZero();
  }
}
