package org.linden.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {
  private static Bytes b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.wrap(out);
  }

  @Test
  void emptyIsShared() {
    assertThat(Bytes.wrap(new byte[0])).isSameAs(Bytes.EMPTY);
    assertThat(Bytes.of()).isSameAs(Bytes.EMPTY);
    assertThat(Bytes.EMPTY.isEmpty()).isTrue();
    assertThat(Bytes.EMPTY.toHex()).isEqualTo("0x");
  }

  @Test
  void ofAndCopyOfCopyButWrapDoesNot() {
    byte[] src = {1, 2, 3};
    Bytes copied = Bytes.of(src);
    Bytes wrapped = Bytes.wrap(src);
    src[0] = 9;
    assertThat(copied.get(0)).isEqualTo((byte) 1);
    assertThat(wrapped.get(0)).isEqualTo((byte) 9);
    assertThat(Bytes.copyOf(new byte[] {1, 2, 3, 4}, 1, 2)).isEqualTo(b(2, 3));
    byte[] out = copied.toArray();
    out[1] = 7;
    assertThat(copied.get(1)).isEqualTo((byte) 2);
  }

  @Test
  void hexConversion() {
    Bytes b = Bytes.fromHex("0x00ff7f");
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.getUnsigned(1)).isEqualTo(255);
    assertThat(b.get(1)).isEqualTo((byte) -1);
    assertThat(b.toHex()).isEqualTo("0x00ff7f");
    assertThat(b.toUnprefixedHex()).isEqualTo("00ff7f");
    assertThat(b.toString()).isEqualTo("0x00ff7f");
    assertThatThrownBy(() -> Bytes.fromHex("0xabc")).hasMessageContaining("odd number of digits");
  }

  @Test
  void concatSliceAndCopyTo() {
    Bytes a = b(1, 2);
    Bytes c = Bytes.concat(a, Bytes.EMPTY, b(3));
    assertThat(c).isEqualTo(b(1, 2, 3));
    assertThat(c.slice(1)).isEqualTo(b(2, 3));
    assertThat(c.slice(1, 1)).isEqualTo(b(2));
    assertThat(c.slice(0, 3)).isSameAs(c);
    assertThat(c.slice(3)).isSameAs(Bytes.EMPTY);
    byte[] dest = new byte[5];
    c.copyTo(dest, 2);
    assertThat(dest).containsExactly(0, 0, 1, 2, 3);
    // never padded with invented zeros
    assertThatThrownBy(() -> c.slice(2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Bytes.copyOf(new byte[3], 1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Bytes.copyOf(new byte[3], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.slice(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void padAndTrim() {
    Bytes b = b(0, 0, 5, 0);
    assertThat(b.trimLeadingZeros()).isEqualTo(b(5, 0));
    assertThat(b(0, 0).trimLeadingZeros()).isEqualTo(Bytes.EMPTY);
    assertThat(b(1).trimLeadingZeros()).isEqualTo(b(1));
    assertThat(b(5).leftPad(3)).isEqualTo(b(0, 0, 5));
    assertThat(b.leftPad(4)).isSameAs(b);
    assertThatThrownBy(() -> b.leftPad(3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot pad 4 bytes to 3");
    assertThat(b(0, 0).isZero()).isTrue();
    assertThat(Bytes.EMPTY.isZero()).isTrue();
    assertThat(b.isZero()).isFalse();
  }

  @Test
  void equalityAndUnsignedOrder() {
    assertThat(b(1, 2)).isEqualTo(Bytes.fromHex("0102")).hasSameHashCodeAs(Bytes.fromHex("0102"));
    assertThat(b(1, 2)).isNotEqualTo(b(1, 2, 0));
    assertThat(b(1)).isNotEqualTo("0x01");
    // 0x80 is above 0x7f: bytes compare unsigned
    assertThat(b(0x80).compareTo(b(0x7f))).isPositive();
    assertThat(b(1).compareTo(b(1, 0))).isNegative();
    assertThat(b(2).compareTo(b(1, 0))).isPositive();
    assertThat(b(3, 4).compareTo(b(3, 4))).isZero();
  }

  @Test
  void hashCodeOfEqualContentIsStable() {
    Bytes a = b(9, 8, 7);
    int h = a.hashCode();
    assertThat(a.hashCode()).isEqualTo(h);
    assertThat(b(9, 8, 7).hashCode()).isEqualTo(h);
  }
}
