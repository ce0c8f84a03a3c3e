package org.linden.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;
import org.junit.jupiter.api.Test;

class ModexpTest {
  private static final Modexp MODEXP = new Modexp();
  private static final String SECP256K1_P_MINUS_1 = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
  private static final String SECP256K1_P = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

  // --- the EIP-198 examples ---

  @Test
  void fermatExampleGivesOne() {
    Bytes in = input(1, 32, 32, "03" + SECP256K1_P_MINUS_1 + SECP256K1_P);
    assertThat(MODEXP.run(in, Fork.BYZANTIUM).output()).isEqualTo(UInt256.ONE.toBytes32());
    // EIP-198 works this example's price out: mult_complexity(32) * 255 / 20.
    assertThat(MODEXP.gas(in, Fork.BYZANTIUM)).isEqualTo(13056);
    // EIP-2565: ceil(32/8)^2 * 255 / 3. EIP-7883 (as Osaka shipped it): 16 for operands
    // up to 32 bytes, times the iterations, with no divisor.
    assertThat(MODEXP.gas(in, Fork.BERLIN)).isEqualTo(1360);
    assertThat(MODEXP.gas(in, Fork.OSAKA)).isEqualTo(16 * 255);
  }

  @Test
  void emptyBaseReadsNoBaseBytes() {
    Bytes in = input(0, 32, 32, SECP256K1_P_MINUS_1 + SECP256K1_P);
    assertThat(MODEXP.run(in, Fork.BYZANTIUM).output()).isEqualTo(Bytes.wrap(new byte[32]));
  }

  @Test
  void astronomicalModulusLengthIsUnaffordableAndNeverAllocated() {
    Bytes in =
        Bytes.concat(
            UInt256.ZERO.toBytes32(),
            UInt256.valueOf(32).toBytes32(),
            UInt256.MAX.toBytes32(),
            Bytes.fromHex("ff".repeat(31) + "fe" + "ff".repeat(31) + "fd"));
    for (Fork fork : new Fork[] {Fork.BYZANTIUM, Fork.BERLIN, Fork.OSAKA}) {
      assertThat(MODEXP.gas(in, fork)).isEqualTo(Long.MAX_VALUE);
      assertThat(MODEXP.run(in, fork).success()).isFalse();
    }
  }

  @Test
  void excessDataIsIgnoredAndMissingDataIsZero() {
    BigInteger expected = BigInteger.valueOf(3).modPow(BigInteger.valueOf(65535), BigInteger.ONE.shiftLeft(255));
    Bytes withExtra = input(1, 2, 32, "03" + "ffff" + "80" + "00".repeat(31) + "07");
    Bytes truncated = input(1, 2, 32, "03" + "ffff" + "80");
    assertThat(MODEXP.run(withExtra, Fork.BYZANTIUM).output()).isEqualTo(fixed(expected, 32));
    assertThat(MODEXP.run(truncated, Fork.BYZANTIUM).output()).isEqualTo(fixed(expected, 32));
    // Exponent 0xffff: highest bit index 15.
    assertThat(MODEXP.gas(truncated, Fork.BYZANTIUM)).isEqualTo(32 * 32 * 15 / 20);
    assertThat(MODEXP.gas(truncated, Fork.BERLIN)).isEqualTo(200);
    assertThat(MODEXP.gas(truncated, Fork.OSAKA)).isEqualTo(500);
  }

  // --- results ---

  @Test
  void outputKeepsTheModulusLength() {
    assertThat(MODEXP.run(input(1, 1, 2, "02" + "03" + "0100"), Fork.BERLIN).output()).isEqualTo(Bytes.fromHex("0008"));
    assertThat(MODEXP.run(input(1, 1, 1, "05" + "00" + "07"), Fork.BERLIN).output()).isEqualTo(Bytes.fromHex("01"));
    assertThat(MODEXP.run(input(1, 1, 1, "05" + "03" + "01"), Fork.BERLIN).output()).isEqualTo(Bytes.fromHex("00"));
  }

  @Test
  void zeroModulusGivesZerosOfModulusLength() {
    PrecompileResult result = MODEXP.run(input(1, 1, 4, "02" + "03" + "00000000"), Fork.CANCUN);
    assertThat(result.success()).isTrue();
    assertThat(result.output()).isEqualTo(Bytes.wrap(new byte[4]));
  }

  @Test
  void emptyBaseAndModulusGiveEmptyOutputWhateverTheExponentLength() {
    Bytes in = Bytes.concat(UInt256.ZERO.toBytes32(), UInt256.MAX.toBytes32(), UInt256.ZERO.toBytes32());
    // Under EIP-198 an empty base and modulus cost nothing at all.
    assertThat(MODEXP.gas(in, Fork.BYZANTIUM)).isZero();
    assertThat(MODEXP.gas(in, Fork.BERLIN)).isEqualTo(200);
    assertThat(MODEXP.run(in, Fork.BYZANTIUM).output()).isEqualTo(Bytes.EMPTY);
    assertThat(MODEXP.run(in, Fork.BERLIN).output()).isEqualTo(Bytes.EMPTY);
    assertThat(MODEXP.run(Bytes.EMPTY, Fork.OSAKA).output()).isEqualTo(Bytes.EMPTY);
  }

  // --- gas per fork, from each EIP's formula ---

  @Test
  void rsaStyleExponentGas() {
    // 64-byte base and modulus, exponent 0x010001 (highest bit 16): EIP-2565's and
    // EIP-7883's "nagydani_1_pow0x10001" prices.
    Bytes in = input(64, 3, 64, "aa".repeat(64) + "010001" + "bb".repeat(64));
    assertThat(MODEXP.gas(in, Fork.BYZANTIUM)).isEqualTo(64 * 64 * 16 / 20);
    assertThat(MODEXP.gas(in, Fork.ISTANBUL)).isEqualTo(64 * 64 * 16 / 20);
    assertThat(MODEXP.gas(in, Fork.BERLIN)).isEqualTo(341);
    assertThat(MODEXP.gas(in, Fork.PRAGUE)).isEqualTo(341);
    assertThat(MODEXP.gas(in, Fork.OSAKA)).isEqualTo(2 * 8 * 8 * 16);
  }

  @Test
  void squaringGasHitsEachMinimum() {
    // "nagydani_1_square": exponent 2.
    Bytes in = input(64, 1, 64, "aa".repeat(64) + "02" + "bb".repeat(64));
    assertThat(MODEXP.gas(in, Fork.BYZANTIUM)).isEqualTo(64 * 64 / 20);
    assertThat(MODEXP.gas(in, Fork.BERLIN)).isEqualTo(200);
    assertThat(MODEXP.gas(in, Fork.OSAKA)).isEqualTo(500);
  }

  @Test
  void longExponentGas() {
    // 64-byte exponent whose first 32 bytes hold 1 (highest bit 0): the length alone prices it.
    String exponent = "00".repeat(31) + "01" + "ff".repeat(32);
    Bytes in = input(64, 64, 64, "aa".repeat(64) + exponent + "bb".repeat(64));
    // EIP-198: mult_complexity(64) = 4096, adjusted length 8 * 32 = 256.
    assertThat(MODEXP.gas(in, Fork.BYZANTIUM)).isEqualTo(4096L * 256 / 20);
    // EIP-2565: 8 words squared = 64, iterations 8 * 32 = 256.
    assertThat(MODEXP.gas(in, Fork.BERLIN)).isEqualTo(64L * 256 / 3);
    // EIP-7883: 2 * 64 = 128, iterations 16 * 32 = 512.
    assertThat(MODEXP.gas(in, Fork.OSAKA)).isEqualTo(128L * 512);
  }

  @Test
  void largeOperandGasUsesEachComplexityBand() {
    // 200-byte modulus: EIP-198's middle band x^2/4 + 96x - 3072; exponent 3 (bit index 1).
    Bytes in = input(1, 1, 200, "02" + "03" + "cc".repeat(200));
    assertThat(MODEXP.gas(in, Fork.BYZANTIUM)).isEqualTo((200L * 200 / 4 + 96 * 200 - 3072) / 20);
    assertThat(MODEXP.gas(in, Fork.BERLIN)).isEqualTo(Math.max(200, 25L * 25 / 3));
    assertThat(MODEXP.gas(in, Fork.OSAKA)).isEqualTo(Math.max(500, 2L * 25 * 25));
    // 2000-byte base: the top band x^2/16 + 480x - 199680.
    Bytes big = input(2000, 1, 1, "00".repeat(2000) + "03" + "07");
    assertThat(MODEXP.gas(big, Fork.BYZANTIUM)).isEqualTo((2000L * 2000 / 16 + 480 * 2000 - 199680) / 20);
  }

  @Test
  void hugeBaseLengthSaturatesGas() {
    Bytes in = Bytes.concat(UInt256.MAX.toBytes32(), UInt256.ONE.toBytes32(), UInt256.ONE.toBytes32());
    for (Fork fork : new Fork[] {Fork.BYZANTIUM, Fork.BERLIN, Fork.OSAKA}) {
      assertThat(MODEXP.gas(in, fork)).isEqualTo(Long.MAX_VALUE);
    }
  }

  // --- EIP-7823 bounds ---

  @Test
  void osakaAcceptsLengthsUpTo1024Bytes() {
    Bytes in = input(1024, 1, 1024, "02".repeat(1024) + "03" + "ff".repeat(1024));
    PrecompileResult result = MODEXP.run(in, Fork.OSAKA);
    assertThat(result.success()).isTrue();
    assertThat(result.output().size()).isEqualTo(1024);
  }

  @Test
  void osakaRejectsAnyLengthAbove1024Bytes() {
    Bytes bigBase = input(1025, 1, 1, "02".repeat(1025) + "03" + "07");
    Bytes bigExp = input(1, 1025, 1, "02" + "03".repeat(1025) + "07");
    Bytes bigMod = input(1, 1, 1025, "02" + "03" + "07".repeat(1025));
    for (Bytes in : new Bytes[] {bigBase, bigExp, bigMod}) {
      PrecompileResult result = MODEXP.run(in, Fork.OSAKA);
      assertThat(result.success()).isFalse();
      assertThat(result.reason()).contains("1024");
      // Before Osaka the same call is merely priced.
      assertThat(MODEXP.run(in, Fork.PRAGUE).success()).isTrue();
    }
    // The bound applies even when the other lengths are zero.
    assertThat(MODEXP.run(input(1025, 0, 0, ""), Fork.OSAKA).success()).isFalse();
  }

  private static Bytes input(long baseLen, long expLen, long modLen, String operandsHex) {
    return Bytes.concat(
        UInt256.valueOf(baseLen).toBytes32(),
        UInt256.valueOf(expLen).toBytes32(),
        UInt256.valueOf(modLen).toBytes32(),
        Bytes.fromHex(operandsHex));
  }

  private static Bytes fixed(BigInteger value, int size) {
    return Bytes.wrap(value.toByteArray()).trimLeadingZeros().leftPad(size);
  }
}
