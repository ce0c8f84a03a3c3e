package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WeiTest {
  @Test
  void constructionAndConversion() {
    assertThat(Wei.of(0)).isEqualTo(Wei.ZERO);
    assertThat(Wei.of(1234).toString()).isEqualTo("1234");
    assertThat(Wei.ofEther(1).toBigInteger()).isEqualTo(BigInteger.TEN.pow(18));
    assertThat(Wei.ofEther(10_000).toString()).isEqualTo("10000" + "0".repeat(18));
    assertThat(Wei.of(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)).value()).isEqualTo(UInt256.MAX);
  }

  @Test
  void rejectsNegativeTooLargeAndNull() {
    assertThatThrownBy(() -> Wei.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> Wei.of(BigInteger.valueOf(-5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.of(BigInteger.TWO.pow(256))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Wei(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addAndSubtract() {
    assertThat(Wei.of(5).add(Wei.of(7))).isEqualTo(Wei.of(12));
    assertThat(Wei.of(12).subtract(Wei.of(7))).isEqualTo(Wei.of(5));
    assertThat(Wei.of(7).subtract(Wei.of(7))).isEqualTo(Wei.ZERO);
    // carries across limbs
    Wei big = Wei.of(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    assertThat(big.add(Wei.of(1)).toBigInteger()).isEqualTo(BigInteger.TWO.pow(64));
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    Wei max = new Wei(UInt256.MAX);
    assertThatThrownBy(() -> max.add(Wei.of(1)))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("overflow");
    assertThatThrownBy(() -> max.add(max)).isInstanceOf(ArithmeticException.class);
    assertThat(max.add(Wei.ZERO)).isEqualTo(max);
  }

  @Test
  void underflowThrowsInsteadOfWrapping() {
    assertThatThrownBy(() -> Wei.of(1).subtract(Wei.of(2)))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("underflow");
    assertThatThrownBy(() -> Wei.ZERO.subtract(new Wei(UInt256.MAX))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void orderIsNumeric() {
    assertThat(Wei.of(2).compareTo(Wei.of(10))).isNegative();
    assertThat(Wei.ofEther(1).compareTo(Wei.of(Long.MAX_VALUE))).isNegative();
    assertThat(new Wei(UInt256.MAX).compareTo(Wei.ofEther(1))).isPositive();
    assertThat(Wei.of(3).compareTo(Wei.of(3))).isZero();
  }
}
