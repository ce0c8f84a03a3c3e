package org.linden.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * Builds an RLP encoding by appending items. Lists are opened with {@link #startList()}
 * and closed with {@link #endList()}; the list header is inserted when the list closes,
 * so callers never compute lengths.
 */
public final class RlpWriter {
  private byte[] buf;
  private int pos;
  private int[] listStarts = new int[8];
  private int depth;

  public RlpWriter() {
    this(64);
  }

  public RlpWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Encodes one byte string as a complete RLP item. */
  public static Bytes encodeBytes(Bytes value) {
    return new RlpWriter(value.size() + 9).writeBytes(value).toBytes();
  }

  public RlpWriter writeBytes(Bytes value) {
    return writeBytes(value.unsafeArray(), 0, value.size());
  }

  public RlpWriter writeBytes(byte[] value) {
    return writeBytes(value, 0, value.length);
  }

  public RlpWriter writeBytes(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xff) < 0x80) {
      ensure(1);
      buf[pos++] = value[offset];
      return this;
    }
    writeHeader(0x80, length);
    ensure(length);
    System.arraycopy(value, offset, buf, pos, length);
    pos += length;
    return this;
  }

  /** Writes a non-negative integer in its minimal big-endian form (zero is the empty string). */
  public RlpWriter writeLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned; got " + value
          + " (use writeUnsignedLong for values of 2^63 and above)");
    }
    return writeUnsignedLong(value);
  }

  /** Writes a 64-bit value read as unsigned. */
  public RlpWriter writeUnsignedLong(long value) {
    if (value == 0) {
      ensure(1);
      buf[pos++] = (byte) 0x80;
      return this;
    }
    if (value > 0 && value < 0x80) {
      ensure(1);
      buf[pos++] = (byte) value;
      return this;
    }
    int n = 8 - Long.numberOfLeadingZeros(value) / 8;
    ensure(1 + n);
    buf[pos++] = (byte) (0x80 + n);
    for (int i = n - 1; i >= 0; i--) {
      buf[pos++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public RlpWriter writeBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned; got " + value);
    }
    if (value.bitLength() <= 63) {
      return writeLong(value.longValue());
    }
    byte[] b = value.toByteArray();
    int off = b[0] == 0 ? 1 : 0;
    return writeBytes(b, off, b.length - off);
  }

  public RlpWriter writeUInt256(UInt256 value) {
    return writeBytes(value.toMinimalBytes());
  }

  /** Appends an already-encoded RLP item as it is. */
  public RlpWriter writeRaw(Bytes encodedItem) {
    ensure(encodedItem.size());
    encodedItem.copyTo(buf, pos);
    pos += encodedItem.size();
    return this;
  }

  public RlpWriter writeEmptyList() {
    ensure(1);
    buf[pos++] = (byte) 0xc0;
    return this;
  }

  public RlpWriter startList() {
    if (depth == listStarts.length) {
      listStarts = Arrays.copyOf(listStarts, depth * 2);
    }
    listStarts[depth++] = pos;
    return this;
  }

  public RlpWriter endList() {
    if (depth == 0) {
      throw new IllegalStateException("endList without startList");
    }
    int start = listStarts[--depth];
    int payload = pos - start;
    int headerLen = headerLength(payload);
    ensure(headerLen);
    System.arraycopy(buf, start, buf, start + headerLen, payload);
    writeHeaderAt(start, 0xc0, payload);
    pos += headerLen;
    return this;
  }

  /** The encoding so far; every list must be closed. */
  public Bytes toBytes() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " list(s) still open");
    }
    return Bytes.wrap(Arrays.copyOf(buf, pos));
  }

  public int size() {
    return pos;
  }

  private static int headerLength(int length) {
    if (length < 56) {
      return 1;
    }
    return 1 + (4 - Integer.numberOfLeadingZeros(length) / 8);
  }

  private void writeHeader(int base, int length) {
    int h = headerLength(length);
    ensure(h);
    writeHeaderAt(pos, base, length);
    pos += h;
  }

  private void writeHeaderAt(int at, int base, int length) {
    if (length < 56) {
      buf[at] = (byte) (base + length);
      return;
    }
    int n = 4 - Integer.numberOfLeadingZeros(length) / 8;
    buf[at] = (byte) (base + 55 + n);
    for (int i = 0; i < n; i++) {
      buf[at + 1 + i] = (byte) (length >>> (8 * (n - 1 - i)));
    }
  }

  private void ensure(int extra) {
    if (pos + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
    }
  }
}
