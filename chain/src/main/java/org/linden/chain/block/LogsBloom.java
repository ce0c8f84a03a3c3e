package org.linden.chain.block;

import java.util.List;
import org.linden.crypto.Keccak;
import org.linden.evm.Log;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The 2048-bit logs bloom of a receipt or a header (execution-specs {@code bloom.py}).
 * Each entry (a log's address, each of its topics) sets three bits: the low 11 bits of
 * the first three 16-bit words of its keccak-256, counted from the least significant bit
 * of the big-endian 256-byte value. A header's bloom is the OR of its receipts' blooms.
 *
 * <p>Immutable: {@link #with} and {@link #or} return a new bloom.
 */
public record LogsBloom(Bytes bytes) {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.wrap(new byte[SIZE]));

  public LogsBloom {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom has " + SIZE + " bytes, got " + bytes.size());
    }
  }

  /** The bloom of a list of logs: the address and every topic of each log. */
  public static LogsBloom of(List<Log> logs) {
    if (logs.isEmpty()) {
      return EMPTY;
    }
    byte[] bloom = new byte[SIZE];
    for (Log log : logs) {
      add(bloom, log.address().bytes());
      for (Hash topic : log.topics()) {
        add(bloom, topic.bytes());
      }
    }
    return new LogsBloom(Bytes.wrap(bloom));
  }

  /** The OR of several blooms, e.g. a block's bloom from its receipts' blooms. */
  public static LogsBloom union(List<LogsBloom> blooms) {
    byte[] out = new byte[SIZE];
    for (LogsBloom b : blooms) {
      byte[] in = b.bytes.unsafeArray();
      for (int i = 0; i < SIZE; i++) {
        out[i] |= in[i];
      }
    }
    return new LogsBloom(Bytes.wrap(out));
  }

  /** This bloom with the bits of {@code entry} (an address or a topic) set. */
  public LogsBloom with(Bytes entry) {
    byte[] out = bytes.toArray();
    add(out, entry);
    return new LogsBloom(Bytes.wrap(out));
  }

  /** The bitwise OR of this bloom and {@code other}. */
  public LogsBloom or(LogsBloom other) {
    return union(List.of(this, other));
  }

  /**
   * False if {@code entry} was certainly never added; true if it may have been (a bloom
   * has false positives, never false negatives). Log filters use this to skip blocks.
   */
  public boolean mightContain(Bytes entry) {
    byte[] data = bytes.unsafeArray();
    Hash h = Keccak.hash256(entry);
    for (int i = 0; i < 6; i += 2) {
      int bit = bitIndex(h.bytes(), i);
      if ((data[bit >>> 3] & mask(bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** True if every bit is clear: no log contributed to it. */
  public boolean isEmpty() {
    return bytes.isZero();
  }

  private static void add(byte[] bloom, Bytes entry) {
    Bytes h = Keccak.hash256(entry).bytes();
    for (int i = 0; i < 6; i += 2) {
      int bit = bitIndex(h, i);
      bloom[bit >>> 3] |= mask(bit);
    }
  }

  /** The position of a bit counted from the first (most significant) bit of the array. */
  private static int bitIndex(Bytes hash, int word) {
    int value = ((hash.getUnsigned(word) << 8) | hash.getUnsigned(word + 1)) & 0x7ff;
    return 0x7ff - value;
  }

  private static byte mask(int bitIndex) {
    return (byte) (1 << (7 - (bitIndex & 7)));
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
