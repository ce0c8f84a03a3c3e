package org.linden.evm;

import java.util.Arrays;
import org.linden.types.Bytes;

/**
 * EVM memory: a byte array that grows in 32-byte words and is never shrunk. The
 * interpreter charges expansion gas before calling {@link #ensure}.
 */
public final class Memory {
  private byte[] data = new byte[0];
  private long words;

  /** Active size in bytes (always a multiple of 32). */
  public long size() {
    return words << 5;
  }

  public long words() {
    return words;
  }

  /** Grows the active size to cover {@code [offset, offset + length)}; no-op for length 0. */
  public void ensure(long offset, long length) {
    if (length == 0) {
      return;
    }
    long end = offset + length;
    long newWords = (end + 31) >>> 5;
    if (newWords <= words) {
      return;
    }
    int needed = (int) (newWords << 5);
    if (needed > data.length) {
      // Grow geometrically so a loop of small expansions stays linear.
      data = Arrays.copyOf(data, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 2L)));
    }
    words = newWords;
  }

  /** Words needed to cover {@code [offset, offset+length)}, or the current words if length is 0. */
  public long wordsAfter(long offset, long length) {
    if (length == 0) {
      return words;
    }
    return Math.max(words, (offset + length + 31) >>> 5);
  }

  /** Bytes held, used or not. */
  int capacity() {
    return data.length;
  }

  /** Empties memory for another frame: the bytes in use are zeroed, the array is kept. */
  void clear() {
    Arrays.fill(data, 0, (int) (words << 5), (byte) 0);
    words = 0;
  }

  public byte[] array() {
    return data;
  }

  public Bytes slice(long offset, long length) {
    if (length == 0) {
      return Bytes.EMPTY;
    }
    return Bytes.copyOf(data, (int) offset, (int) length);
  }

  /** Copies {@code length} bytes from {@code src[srcOffset..]} to memory, padding with zeros past the source's end. */
  public void copyPadded(long memOffset, byte[] src, long srcOffset, long length) {
    if (length == 0) {
      return;
    }
    int mo = (int) memOffset;
    int len = (int) length;
    long available = srcOffset >= src.length ? 0 : Math.min(len, src.length - srcOffset);
    if (available > 0) {
      System.arraycopy(src, (int) srcOffset, data, mo, (int) available);
    }
    if (available < len) {
      Arrays.fill(data, mo + (int) available, mo + len, (byte) 0);
    }
  }

  public void copyWithin(long dst, long src, long length) {
    if (length > 0) {
      System.arraycopy(data, (int) src, data, (int) dst, (int) length);
    }
  }

  public void storeByte(long offset, byte b) {
    data[(int) offset] = b;
  }
}
