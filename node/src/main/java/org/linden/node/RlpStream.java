package org.linden.node;

import java.io.IOException;
import java.io.InputStream;
import org.linden.types.Bytes;

/**
 * Reads consecutive top-level RLP items from a stream (a {@code chain.rlp} file) without
 * loading the whole file. Only the item's header is interpreted here; the item itself is
 * decoded strictly by its reader.
 */
final class RlpStream {
  /** Refuse items larger than this: no real block comes near it, and it bounds memory. */
  private static final long MAX_ITEM = 256L * 1024 * 1024;

  private final InputStream in;
  private long offset;

  RlpStream(InputStream in) {
    this.in = in;
  }

  /** The next item with its header, or null at the end of the stream. */
  Bytes next() throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    long itemStart = offset;
    offset++;
    int headerLen;
    long payload;
    if (first < 0x80) {
      return Bytes.of((byte) first);
    } else if (first <= 0xb7 || (first >= 0xc0 && first <= 0xf7)) {
      headerLen = 1;
      payload = first - (first >= 0xc0 ? 0xc0 : 0x80);
    } else {
      int lenOfLen = first - (first >= 0xf8 ? 0xf7 : 0xb7);
      headerLen = 1 + lenOfLen;
      payload = 0;
      for (int i = 0; i < lenOfLen; i++) {
        int b = in.read();
        if (b < 0) {
          throw new ImportCommand.ImportFailure("truncated RLP header at byte " + itemStart);
        }
        offset++;
        payload = (payload << 8) | b;
        if (payload > MAX_ITEM) {
          throw new ImportCommand.ImportFailure("RLP item at byte " + itemStart + " is larger than " + MAX_ITEM);
        }
      }
    }
    byte[] item = new byte[(int) (headerLen + payload)];
    item[0] = (byte) first;
    if (headerLen > 1) {
      // Re-encode the length bytes we consumed.
      long p = payload;
      for (int i = headerLen - 1; i >= 1; i--) {
        item[i] = (byte) p;
        p >>>= 8;
      }
    }
    int read = in.readNBytes(item, headerLen, (int) payload);
    offset += read;
    if (read < payload) {
      throw new ImportCommand.ImportFailure("truncated RLP item at byte " + itemStart + ": " + read + " of "
          + payload + " bytes");
    }
    return Bytes.wrap(item);
  }

  boolean skip() throws IOException {
    return next() != null;
  }
}
