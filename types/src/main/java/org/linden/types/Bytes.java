package org.linden.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes. The array given to {@link #wrap} must not be changed
 * afterwards; {@link #of} and {@link #copyOf} copy.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;
  private int hash;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** Takes ownership of {@code data}: the caller must not modify it later. */
  public static Bytes wrap(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data);
  }

  public static Bytes of(byte... data) {
    return wrap(data.clone());
  }

  /**
   * Copies {@code length} bytes from {@code offset}. A range outside the array throws
   * {@link IndexOutOfBoundsException}; it is never padded with zeros, which would hide a bad
   * length read from outside input.
   */
  public static Bytes copyOf(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    return wrap(Arrays.copyOfRange(data, offset, offset + length));
  }

  /** Parses hex with or without {@code 0x}; an odd number of digits is an error. */
  public static Bytes fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  public static Bytes concat(Bytes... parts) {
    int len = 0;
    for (Bytes p : parts) {
      len += p.data.length;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (Bytes p : parts) {
      System.arraycopy(p.data, 0, out, pos, p.data.length);
      pos += p.data.length;
    }
    return wrap(out);
  }

  public int size() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  public byte get(int index) {
    return data[index];
  }

  /** The byte at {@code index} as an unsigned value 0..255. */
  public int getUnsigned(int index) {
    return data[index] & 0xff;
  }

  public Bytes slice(int from) {
    return slice(from, data.length - from);
  }

  /** The {@code length} bytes from {@code from}; throws if that range is not inside. */
  public Bytes slice(int from, int length) {
    if (from == 0 && length == data.length) {
      return this;
    }
    return copyOf(data, from, length);
  }

  /** A fresh copy of the contents. */
  public byte[] toArray() {
    return data.clone();
  }

  /**
   * The backing array, for hot paths that only read it. Callers must never modify it.
   */
  public byte[] unsafeArray() {
    return data;
  }

  public void copyTo(byte[] dest, int destOffset) {
    System.arraycopy(data, 0, dest, destOffset, data.length);
  }

  /** Left-pads with zeros to {@code length}; fails if already longer. */
  public Bytes leftPad(int length) {
    if (data.length == length) {
      return this;
    }
    if (data.length > length) {
      throw new IllegalArgumentException("cannot pad " + data.length + " bytes to " + length);
    }
    byte[] out = new byte[length];
    System.arraycopy(data, 0, out, length - data.length, data.length);
    return wrap(out);
  }

  /** Drops leading zero bytes. */
  public Bytes trimLeadingZeros() {
    int i = 0;
    while (i < data.length && data[i] == 0) {
      i++;
    }
    return i == 0 ? this : slice(i);
  }

  public boolean isZero() {
    for (byte b : data) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Lower-case hex without prefix. */
  public String toUnprefixedHex() {
    return Hex.encode(data);
  }

  /** Lower-case hex with {@code 0x}. */
  public String toHex() {
    return Hex.encodePrefixed(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(data);
      hash = h;
    }
    return h;
  }

  /** Unsigned lexicographic order. */
  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, o.data);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
