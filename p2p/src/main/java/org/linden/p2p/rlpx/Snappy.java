package org.linden.p2p.rlpx;

import java.io.ByteArrayOutputStream;
import org.linden.p2p.rlpx.RlpxException.Reason;

/**
 * The Snappy block format (no framing), which devp2p v5 applies to every message payload
 * after Hello. The encoder is a plain greedy matcher over a 64 KiB window; any valid
 * Snappy stream decodes with any decoder, so matching the reference compressor's output
 * byte for byte is not needed. The decoder checks the declared length against a limit
 * before allocating, so a small message cannot claim a huge buffer.
 */
public final class Snappy {
  private static final int HASH_BITS = 14;
  private static final int MAX_OFFSET = 65535;
  private static final int MAX_COPY = 64;

  private Snappy() {}

  /** Compresses {@code input} into one Snappy block. */
  public static byte[] compress(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 16);
    writeVarint(out, input.length);
    int[] table = new int[1 << HASH_BITS];
    java.util.Arrays.fill(table, -1);
    int literalStart = 0;
    int i = 0;
    while (i + 4 <= input.length) {
      int word = read32(input, i);
      int slot = (word * 0x1e35a7bd) >>> (32 - HASH_BITS);
      int candidate = table[slot];
      table[slot] = i;
      if (candidate >= 0 && i - candidate <= MAX_OFFSET && read32(input, candidate) == word) {
        writeLiteral(out, input, literalStart, i - literalStart);
        int length = 4;
        while (i + length < input.length && input[candidate + length] == input[i + length]) {
          length++;
        }
        writeCopy(out, i - candidate, length);
        i += length;
        literalStart = i;
      } else {
        i++;
      }
    }
    writeLiteral(out, input, literalStart, input.length - literalStart);
    return out.toByteArray();
  }

  /**
   * Decompresses one Snappy block whose declared length is at most {@code maxLength};
   * a larger claim is {@link Reason#FRAME_TOO_LARGE}, a corrupt block
   * {@link Reason#MALFORMED_MESSAGE}.
   */
  public static byte[] decompress(byte[] input, int maxLength) {
    int[] pos = {0};
    long declared = readVarint(input, pos);
    if (declared > maxLength) {
      throw new RlpxException(Reason.FRAME_TOO_LARGE, "snappy block claims " + declared + " bytes, limit " + maxLength);
    }
    byte[] out = new byte[(int) declared];
    int op = 0;
    int p = pos[0];
    while (p < input.length) {
      int tag = input[p++] & 0xff;
      long length;
      long offset;
      switch (tag & 3) {
        case 0 -> {
          length = tag >>> 2;
          if (length >= 60) {
            int n = (int) length - 59;
            require(p + n <= input.length, "truncated literal length");
            length = 0;
            for (int k = 0; k < n; k++) {
              length |= (long) (input[p + k] & 0xff) << (8 * k);
            }
            p += n;
          }
          length += 1;
          require(p + length <= input.length && op + length <= out.length, "literal overruns");
          System.arraycopy(input, p, out, op, (int) length);
          p += (int) length;
          op += (int) length;
          continue;
        }
        case 1 -> {
          require(p + 1 <= input.length, "truncated copy");
          length = 4 + ((tag >>> 2) & 7);
          offset = ((long) (tag >>> 5) << 8) | (input[p++] & 0xff);
        }
        case 2 -> {
          require(p + 2 <= input.length, "truncated copy");
          length = 1 + (tag >>> 2);
          offset = (input[p] & 0xff) | ((input[p + 1] & 0xff) << 8);
          p += 2;
        }
        default -> {
          require(p + 4 <= input.length, "truncated copy");
          length = 1 + (tag >>> 2);
          offset = read32(input, p) & 0xffffffffL;
          p += 4;
        }
      }
      require(offset > 0 && offset <= op && op + length <= out.length, "copy out of range");
      // Byte by byte: a copy may overlap the bytes it produces (run-length style).
      for (int k = 0; k < length; k++, op++) {
        out[op] = out[op - (int) offset];
      }
    }
    require(op == out.length, "block is shorter than its declared length");
    return out;
  }

  private static void writeLiteral(ByteArrayOutputStream out, byte[] data, int from, int length) {
    if (length == 0) {
      return;
    }
    int n = length - 1;
    if (n < 60) {
      out.write(n << 2);
    } else {
      int bytes = n < (1 << 8) ? 1 : n < (1 << 16) ? 2 : n < (1 << 24) ? 3 : 4;
      out.write((59 + bytes) << 2);
      for (int k = 0; k < bytes; k++) {
        out.write(n >>> (8 * k));
      }
    }
    out.write(data, from, length);
  }

  private static void writeCopy(ByteArrayOutputStream out, int offset, int length) {
    while (length > 0) {
      int chunk = Math.min(length, MAX_COPY);
      out.write(((chunk - 1) << 2) | 2);
      out.write(offset);
      out.write(offset >>> 8);
      length -= chunk;
    }
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    while ((value & ~0x7f) != 0) {
      out.write((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }

  private static long readVarint(byte[] input, int[] pos) {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      require(pos[0] < input.length, "truncated length");
      int b = input[pos[0]++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new RlpxException(Reason.MALFORMED_MESSAGE, "snappy length varint too long");
  }

  private static int read32(byte[] data, int at) {
    return (data[at] & 0xff) | ((data[at + 1] & 0xff) << 8) | ((data[at + 2] & 0xff) << 16) | ((data[at + 3] & 0xff) << 24);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new RlpxException(Reason.MALFORMED_MESSAGE, "snappy: " + what);
    }
  }
}
