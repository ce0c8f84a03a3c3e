package org.linden.trie;

import java.util.Arrays;
import org.linden.types.Bytes;

/**
 * Helpers for nibble paths. Inside the trie a path is a {@code byte[]} holding one nibble
 * (0..15) per element; arrays held by nodes are never modified after construction, which
 * is what lets nodes be shared between versions of a trie.
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  /** The nibbles of {@code key}, high nibble of each byte first. */
  static byte[] fromBytes(Bytes key) {
    byte[] in = key.unsafeArray();
    byte[] out = new byte[in.length * 2];
    for (int i = 0; i < in.length; i++) {
      out[2 * i] = (byte) ((in[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (in[i] & 0x0f);
    }
    return out;
  }

  /** Packs an even number of nibbles back into bytes (a key found by iteration). */
  static Bytes toBytes(byte[] nibbles, int length) {
    if ((length & 1) != 0) {
      throw new IllegalStateException("a key path has an odd number of nibbles: " + length);
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return Bytes.wrap(out);
  }

  /** The first {@code length} nibbles of {@code path} as the store sees them, one per byte. */
  static Bytes storePath(byte[] path, int length) {
    return length == 0 ? Bytes.EMPTY : Bytes.wrap(Arrays.copyOf(path, length));
  }

  /** Length of the common prefix of {@code a} and {@code b[bOffset..]}. */
  static int commonPrefix(byte[] a, byte[] b, int bOffset) {
    int max = Math.min(a.length, b.length - bOffset);
    int i = 0;
    while (i < max && a[i] == b[bOffset + i]) {
      i++;
    }
    return i;
  }

  /** True if {@code key[offset..]} starts with {@code part}. */
  static boolean startsWith(byte[] key, int offset, byte[] part) {
    return key.length - offset >= part.length
        && Arrays.equals(key, offset, offset + part.length, part, 0, part.length);
  }

  /** True if {@code key[offset..]} equals {@code part} exactly. */
  static boolean restEquals(byte[] key, int offset, byte[] part) {
    return key.length - offset == part.length && startsWith(key, offset, part);
  }

  static byte[] slice(byte[] a, int from, int to) {
    return from == to ? EMPTY : Arrays.copyOfRange(a, from, to);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** {@code path[0..length)} followed by one more nibble. */
  static byte[] append(byte[] path, int length, int nibble) {
    byte[] out = Arrays.copyOf(path, length + 1);
    out[length] = (byte) nibble;
    return out;
  }
}
