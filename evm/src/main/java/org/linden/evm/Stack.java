package org.linden.evm;

import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The EVM operand stack: up to 1024 words kept as four {@code long} limbs each in one
 * array, so pushes and pops never allocate. Word {@code i} (0 = bottom) occupies
 * {@code data[4i..4i+3]}, least significant limb first. Callers check depth before use
 * ({@link #size()}); the interpreter does that once per instruction.
 */
public final class Stack {
  public static final int LIMIT = 1024;

  final long[] data = new long[LIMIT * 4];
  int top;

  public int size() {
    return top;
  }

  /** Offset in {@link #data} of the word {@code n} below the top (0 = the top). */
  int at(int n) {
    return (top - 1 - n) << 2;
  }

  public void push(long u0, long u1, long u2, long u3) {
    int i = top << 2;
    data[i] = u0;
    data[i + 1] = u1;
    data[i + 2] = u2;
    data[i + 3] = u3;
    top++;
  }

  public void pushLong(long unsigned) {
    push(unsigned, 0, 0, 0);
  }

  public void pushBool(boolean b) {
    push(b ? 1 : 0, 0, 0, 0);
  }

  public void push(UInt256 v) {
    push(v.limb(0), v.limb(1), v.limb(2), v.limb(3));
  }

  /** Pushes up to 32 big-endian bytes as one word. */
  public void pushBytes(byte[] src, int offset, int length) {
    long u0 = 0, u1 = 0, u2 = 0, u3 = 0;
    for (int k = 0; k < length; k++) {
      int bit = 8 * (length - 1 - k);
      long b = src[offset + k] & 0xffL;
      switch (bit >>> 6) {
        case 0 -> u0 |= b << (bit & 63);
        case 1 -> u1 |= b << (bit & 63);
        case 2 -> u2 |= b << (bit & 63);
        default -> u3 |= b << (bit & 63);
      }
    }
    push(u0, u1, u2, u3);
  }

  public void push(Address a) {
    byte[] b = a.bytes().unsafeArray();
    pushBytes(b, 0, b.length);
  }

  public void push(Hash h) {
    byte[] b = h.bytes().unsafeArray();
    pushBytes(b, 0, b.length);
  }

  public void pop() {
    top--;
  }

  public void pop(int n) {
    top -= n;
  }

  /** The word {@code n} below the top as an immutable value. */
  public UInt256 peek(int n) {
    int i = at(n);
    return new UInt256(data[i], data[i + 1], data[i + 2], data[i + 3]);
  }

  public UInt256 popWord() {
    UInt256 v = peek(0);
    top--;
    return v;
  }

  /** Overwrites the word {@code n} below the top. */
  public void set(int n, long u0, long u1, long u2, long u3) {
    int i = at(n);
    data[i] = u0;
    data[i + 1] = u1;
    data[i + 2] = u2;
    data[i + 3] = u3;
  }

  public void set(int n, UInt256 v) {
    set(n, v.limb(0), v.limb(1), v.limb(2), v.limb(3));
  }

  /** True if the word {@code n} below the top fits in a non-negative int. */
  public boolean fitsInt(int n) {
    int i = at(n);
    return data[i + 1] == 0 && data[i + 2] == 0 && data[i + 3] == 0 && data[i] >= 0 && data[i] <= Integer.MAX_VALUE;
  }

  /** The word as a long, or {@link Long#MAX_VALUE} if it does not fit in 63 bits. */
  public long clampedLong(int n) {
    int i = at(n);
    if (data[i + 1] != 0 || data[i + 2] != 0 || data[i + 3] != 0 || data[i] < 0) {
      return Long.MAX_VALUE;
    }
    return data[i];
  }

  public boolean isZero(int n) {
    int i = at(n);
    return (data[i] | data[i + 1] | data[i + 2] | data[i + 3]) == 0;
  }

  /** The low 160 bits of the word as an address. */
  public Address address(int n) {
    return Address.wrap(Bytes.wrap(bytes32(n)).slice(12, 20));
  }

  /** The word as 32 big-endian bytes (a fresh array). */
  public byte[] bytes32(int n) {
    byte[] out = new byte[32];
    writeBytes32(n, out, 0);
    return out;
  }

  public void writeBytes32(int n, byte[] dest, int offset) {
    int i = at(n);
    for (int limb = 0; limb < 4; limb++) {
      long v = data[i + limb];
      int base = offset + 24 - 8 * limb;
      for (int k = 7; k >= 0; k--) {
        dest[base + k] = (byte) v;
        v >>>= 8;
      }
    }
  }

  /** DUPn: copies the word {@code n-1} below the top onto the top. */
  public void dup(int n) {
    int src = at(n - 1);
    int dst = top << 2;
    System.arraycopy(data, src, data, dst, 4);
    top++;
  }

  /** SWAPn: swaps the top with the word {@code n} below it. */
  public void swap(int n) {
    int a = at(0);
    int b = at(n);
    for (int k = 0; k < 4; k++) {
      long t = data[a + k];
      data[a + k] = data[b + k];
      data[b + k] = t;
    }
  }
}
