package org.linden.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Keccak-f[1600] permutation and the Keccak-256 sponge (rate 136 bytes, the original
 * Keccak padding 0x01…0x80 that Ethereum uses, not SHA3's 0x06). Works on 25 {@code long}
 * lanes in little-endian order and allocates nothing but the state it is given.
 */
final class KeccakF1600 {
  static final int RATE = 136;

  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private KeccakF1600() {}

  /** keccak256 of {@code input[offset, offset+length)}, written to {@code out[outOffset..+32)}. */
  static void keccak256(byte[] input, int offset, int length, byte[] out, int outOffset) {
    long[] a = new long[25];
    int end = offset + length;
    int pos = offset;
    while (end - pos >= RATE) {
      for (int i = 0; i < RATE / 8; i++) {
        a[i] ^= (long) LITTLE_ENDIAN_LONG.get(input, pos + 8 * i);
      }
      permute(a);
      pos += RATE;
    }
    // The last, partial block is absorbed from the input in place, with the padding
    // (0x01 after the data, 0x80 in the last byte of the rate) added to the lanes.
    int lane = 0;
    while (end - pos >= 8) {
      a[lane++] ^= (long) LITTLE_ENDIAN_LONG.get(input, pos);
      pos += 8;
    }
    long tail = 0;
    int k = 0;
    for (; pos < end; pos++, k++) {
      tail |= (input[pos] & 0xffL) << (8 * k);
    }
    a[lane] ^= tail | (0x01L << (8 * k));
    a[RATE / 8 - 1] ^= 0x80L << 56;
    permute(a);
    for (int i = 0; i < 4; i++) {
      LITTLE_ENDIAN_LONG.set(out, outOffset + 8 * i, a[i]);
    }
  }

  /** The 24 rounds, with the lanes held in locals so the JIT keeps them in registers. */
  static void permute(long[] s) {
    long a00 = s[0], a01 = s[1], a02 = s[2], a03 = s[3], a04 = s[4];
    long a05 = s[5], a06 = s[6], a07 = s[7], a08 = s[8], a09 = s[9];
    long a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14];
    long a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19];
    long a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];
    for (int round = 0; round < 24; round++) {
      // θ
      long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
      long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
      long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
      long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
      long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      // ρ and π: lane (x, y) moves to (y, 2x + 3y) rotated by its offset.
      long b00 = a00 ^ d0;
      long b10 = Long.rotateLeft(a01 ^ d1, 1);
      long b20 = Long.rotateLeft(a02 ^ d2, 62);
      long b05 = Long.rotateLeft(a03 ^ d3, 28);
      long b15 = Long.rotateLeft(a04 ^ d4, 27);
      long b16 = Long.rotateLeft(a05 ^ d0, 36);
      long b01 = Long.rotateLeft(a06 ^ d1, 44);
      long b11 = Long.rotateLeft(a07 ^ d2, 6);
      long b21 = Long.rotateLeft(a08 ^ d3, 55);
      long b06 = Long.rotateLeft(a09 ^ d4, 20);
      long b07 = Long.rotateLeft(a10 ^ d0, 3);
      long b17 = Long.rotateLeft(a11 ^ d1, 10);
      long b02 = Long.rotateLeft(a12 ^ d2, 43);
      long b12 = Long.rotateLeft(a13 ^ d3, 25);
      long b22 = Long.rotateLeft(a14 ^ d4, 39);
      long b23 = Long.rotateLeft(a15 ^ d0, 41);
      long b08 = Long.rotateLeft(a16 ^ d1, 45);
      long b18 = Long.rotateLeft(a17 ^ d2, 15);
      long b03 = Long.rotateLeft(a18 ^ d3, 21);
      long b13 = Long.rotateLeft(a19 ^ d4, 8);
      long b14 = Long.rotateLeft(a20 ^ d0, 18);
      long b24 = Long.rotateLeft(a21 ^ d1, 2);
      long b09 = Long.rotateLeft(a22 ^ d2, 61);
      long b19 = Long.rotateLeft(a23 ^ d3, 56);
      long b04 = Long.rotateLeft(a24 ^ d4, 14);
      // χ
      a00 = b00 ^ (~b01 & b02);
      a01 = b01 ^ (~b02 & b03);
      a02 = b02 ^ (~b03 & b04);
      a03 = b03 ^ (~b04 & b00);
      a04 = b04 ^ (~b00 & b01);
      a05 = b05 ^ (~b06 & b07);
      a06 = b06 ^ (~b07 & b08);
      a07 = b07 ^ (~b08 & b09);
      a08 = b08 ^ (~b09 & b05);
      a09 = b09 ^ (~b05 & b06);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      // ι
      a00 ^= RC[round];
    }
    s[0] = a00; s[1] = a01; s[2] = a02; s[3] = a03; s[4] = a04;
    s[5] = a05; s[6] = a06; s[7] = a07; s[8] = a08; s[9] = a09;
    s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14;
    s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19;
    s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
  }
}
