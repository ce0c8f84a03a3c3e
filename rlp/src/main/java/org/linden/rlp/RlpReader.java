package org.linden.rlp;

import java.math.BigInteger;
import org.linden.rlp.RlpException.Reason;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * Reads RLP items in sequence with strict, canonical decoding. A reader covers a range of
 * the input: the top-level reader the whole input, a reader from {@link #readList()} the
 * payload of one list. Offsets in errors are always counted from the start of the input.
 */
public final class RlpReader {
  private final byte[] data;
  private int pos;
  private final int end;

  private RlpReader(byte[] data, int pos, int end) {
    this.data = data;
    this.pos = pos;
    this.end = end;
  }

  /** A reader over the whole input. Call {@link #ensureDone()} after the last item. */
  public static RlpReader of(Bytes input) {
    return new RlpReader(input.unsafeArray(), 0, input.size());
  }

  public static RlpReader of(byte[] input) {
    return new RlpReader(input, 0, input.length);
  }

  /** True when no item is left in this range. */
  public boolean isDone() {
    return pos >= end;
  }

  /** Fails with {@link Reason#TRAILING_BYTES} if any byte is left in this range. */
  public void ensureDone() {
    if (pos < end) {
      throw new RlpException(Reason.TRAILING_BYTES, pos, (end - pos) + " unexpected byte(s) after the last item");
    }
  }

  public int position() {
    return pos;
  }

  /** True if the next item is a list. */
  public boolean nextIsList() {
    requireMore();
    return (data[pos] & 0xff) >= 0xc0;
  }

  /** True if the next item is the empty string (0x80). */
  public boolean nextIsEmptyString() {
    requireMore();
    return (data[pos] & 0xff) == 0x80;
  }

  /** Reads a byte string. */
  public Bytes readBytes() {
    Item item = header(false);
    pos = item.payloadEnd();
    return Bytes.copyOf(data, item.payloadStart, item.length);
  }

  /** Reads a byte string that must have exactly {@code size} bytes. */
  public Bytes readBytes(int size) {
    int at = pos;
    Bytes b = readBytes();
    if (b.size() != size) {
      throw new RlpException(Reason.WRONG_SIZE, at, "expected a string of " + size + " bytes, got " + b.size());
    }
    return b;
  }

  /** Reads a non-negative integer that fits in a signed long. */
  public long readLong() {
    int at = pos;
    long v = readUnsignedLong();
    if (v < 0) {
      throw new RlpException(Reason.VALUE_TOO_LARGE, at, "integer does not fit in 63 bits");
    }
    return v;
  }

  /** Reads an integer of at most 64 bits, returned as an unsigned long. */
  public long readUnsignedLong() {
    int at = pos;
    Item item = integerItem();
    if (item.length > 8) {
      throw new RlpException(Reason.VALUE_TOO_LARGE, at, "integer of " + item.length + " bytes does not fit in 64 bits");
    }
    long v = 0;
    for (int i = item.payloadStart; i < item.payloadEnd(); i++) {
      v = (v << 8) | (data[i] & 0xff);
    }
    pos = item.payloadEnd();
    return v;
  }

  /** Reads an integer that fits in an int (e.g. a transaction type or a chain position). */
  public int readInt() {
    int at = pos;
    long v = readLong();
    if (v > Integer.MAX_VALUE) {
      throw new RlpException(Reason.VALUE_TOO_LARGE, at, "integer does not fit in 31 bits");
    }
    return (int) v;
  }

  public UInt256 readUInt256() {
    int at = pos;
    Item item = integerItem();
    if (item.length > 32) {
      throw new RlpException(Reason.VALUE_TOO_LARGE, at, "integer of " + item.length + " bytes does not fit in 256 bits");
    }
    pos = item.payloadEnd();
    return UInt256.fromBytes(Bytes.copyOf(data, item.payloadStart, item.length));
  }

  public BigInteger readBigInteger() {
    Item item = integerItem();
    pos = item.payloadEnd();
    if (item.length == 0) {
      return BigInteger.ZERO;
    }
    return new BigInteger(1, java.util.Arrays.copyOfRange(data, item.payloadStart, item.payloadEnd()));
  }

  /** Enters the next item, which must be a list, and returns a reader over its payload. */
  public RlpReader readList() {
    Item item = header(true);
    pos = item.payloadEnd();
    return new RlpReader(data, item.payloadStart, item.payloadEnd());
  }

  /** Returns the next item, string or list, in its encoded form, and moves past it. */
  public Bytes readRaw() {
    int start = pos;
    Item item = header(nextIsList());
    pos = item.payloadEnd();
    return Bytes.copyOf(data, start, pos - start);
  }

  /** Skips the next item, string or list. */
  public void skip() {
    Item item = header(nextIsList());
    pos = item.payloadEnd();
  }

  private Item integerItem() {
    int at = pos;
    Item item = header(false);
    if (item.length > 0 && data[item.payloadStart] == 0) {
      throw new RlpException(Reason.LEADING_ZEROS, at, "integer has a leading zero byte");
    }
    return item;
  }

  private record Item(int payloadStart, int length) {
    int payloadEnd() {
      return payloadStart + length;
    }
  }

  private void requireMore() {
    if (pos >= end) {
      throw new RlpException(Reason.NO_MORE_ITEMS, pos, "no more items");
    }
  }

  /** Parses the header at {@code pos} and checks it is canonical and in bounds. */
  private Item header(boolean wantList) {
    requireMore();
    int at = pos;
    int prefix = data[pos] & 0xff;
    boolean isList = prefix >= 0xc0;
    if (isList != wantList) {
      throw new RlpException(Reason.UNEXPECTED_TYPE, at, wantList ? "expected a list, found a string" : "expected a string, found a list");
    }
    if (prefix < 0x80) {
      return new Item(pos, 1);
    }
    int base = isList ? 0xc0 : 0x80;
    int shortMax = base + 55;
    if (prefix <= shortMax) {
      int len = prefix - base;
      checkBounds(at, pos + 1, len);
      if (!isList && len == 1 && (data[pos + 1] & 0xff) < 0x80) {
        throw new RlpException(Reason.NON_CANONICAL_SINGLE_BYTE, at, "single byte below 0x80 must be encoded as itself");
      }
      return new Item(pos + 1, len);
    }
    int lenOfLen = prefix - shortMax;
    checkBounds(at, pos + 1, lenOfLen);
    if (data[pos + 1] == 0) {
      throw new RlpException(Reason.NON_MINIMAL_LENGTH, at, "length has a leading zero byte");
    }
    if (lenOfLen > 4) {
      throw new RlpException(Reason.LENGTH_PAST_END, at, "length of " + lenOfLen + " bytes exceeds any input");
    }
    long len = 0;
    for (int i = 0; i < lenOfLen; i++) {
      len = (len << 8) | (data[pos + 1 + i] & 0xff);
    }
    if (len < 56) {
      throw new RlpException(Reason.NON_MINIMAL_LENGTH, at, "length " + len + " must use the short form");
    }
    if (len > Integer.MAX_VALUE) {
      throw new RlpException(Reason.LENGTH_PAST_END, at, "length " + len + " runs past the end of the input");
    }
    checkBounds(at, pos + 1 + lenOfLen, (int) len);
    return new Item(pos + 1 + lenOfLen, (int) len);
  }

  private void checkBounds(int at, int start, int len) {
    if ((long) start + len > end) {
      throw new RlpException(Reason.LENGTH_PAST_END, at,
          "item of " + len + " bytes runs past the end (" + Math.max(0, end - start) + " available)");
    }
  }
}
