package org.linden.trie;

import org.linden.types.Bytes;

/**
 * Hex-prefix ("compact") encoding of a nibble path, Yellow Paper appendix C. The first
 * nibble carries two flags: bit 1 marks a leaf (terminator), bit 0 an odd length; an
 * even-length path pads the flag nibble with a zero nibble so the result is whole bytes.
 */
public final class HexPrefix {
  private HexPrefix() {}

  /** A decoded path: the nibbles, one per byte, and whether it belongs to a leaf. */
  public record Decoded(Bytes nibbles, boolean leaf) {}

  /** Encodes {@code nibbles} (one nibble 0..15 per byte). */
  public static Bytes encode(Bytes nibbles, boolean leaf) {
    byte[] n = nibbles.unsafeArray();
    for (byte b : n) {
      if ((b & 0xff) > 0x0f) {
        throw new IllegalArgumentException("not a nibble: " + (b & 0xff));
      }
    }
    return Bytes.wrap(encode(n, leaf));
  }

  /** Decodes a compact path; a bad flag nibble or padding is an {@link IllegalArgumentException}. */
  public static Decoded decode(Bytes compact) {
    return new Decoded(Bytes.wrap(decodeNibbles(compact)), isLeaf(compact));
  }

  static byte[] encode(byte[] nibbles, boolean leaf) {
    int flag = (leaf ? 2 : 0) | (nibbles.length & 1);
    byte[] out = new byte[nibbles.length / 2 + 1];
    int in = 0;
    if ((nibbles.length & 1) != 0) {
      out[0] = (byte) ((flag << 4) | nibbles[0]);
      in = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = 1; i < out.length; i++, in += 2) {
      out[i] = (byte) ((nibbles[in] << 4) | nibbles[in + 1]);
    }
    return out;
  }

  static boolean isLeaf(Bytes compact) {
    return (flag(compact) & 2) != 0;
  }

  static byte[] decodeNibbles(Bytes compact) {
    int flag = flag(compact);
    boolean odd = (flag & 1) != 0;
    int first = compact.getUnsigned(0);
    if (!odd && (first & 0x0f) != 0) {
      throw new IllegalArgumentException("even-length hex-prefix path has a non-zero padding nibble");
    }
    int length = (compact.size() - 1) * 2 + (odd ? 1 : 0);
    byte[] out = new byte[length];
    int pos = 0;
    if (odd) {
      out[pos++] = (byte) (first & 0x0f);
    }
    for (int i = 1; i < compact.size(); i++) {
      int b = compact.getUnsigned(i);
      out[pos++] = (byte) (b >> 4);
      out[pos++] = (byte) (b & 0x0f);
    }
    return out;
  }

  private static int flag(Bytes compact) {
    if (compact.isEmpty()) {
      throw new IllegalArgumentException("empty hex-prefix path");
    }
    int flag = compact.getUnsigned(0) >> 4;
    if (flag > 3) {
      throw new IllegalArgumentException("hex-prefix flag nibble " + flag + " is not 0..3");
    }
    return flag;
  }
}
