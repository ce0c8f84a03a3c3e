package org.linden.explorer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.linden.types.Address;

/**
 * Key layout of the address index column. Every entry key is
 * {@code kind (1) ‖ address (20) ‖ ~blockNumber (8) ‖ ~position (4)}, with the number and
 * position bit-inverted so that a forward prefix scan lists an address's entries newest
 * first, which is the order a page shows them in. The position is the transaction index
 * for {@link #TRANSACTION} entries and the log index in the block for {@link #TRANSFER}
 * entries. Kind {@code 0xff} holds the index's own bookkeeping.
 */
final class IndexKeys {
  static final byte TRANSACTION = 0;
  static final byte TRANSFER = 1;
  static final int PREFIX = 1 + Address.SIZE;
  static final int SUFFIX = 8 + 4;
  static final int LENGTH = PREFIX + SUFFIX;
  /** Number and hash of the last block indexed: where indexing resumes after a restart. */
  static final byte[] INDEXED_HEAD = {(byte) 0xff, 'h', 'e', 'a', 'd'};

  private IndexKeys() {}

  static byte[] entry(byte kind, Address address, long blockNumber, int position) {
    return ByteBuffer.allocate(LENGTH).put(kind).put(address.bytes().unsafeArray())
        .putLong(~blockNumber).putInt(~position).array();
  }

  static byte[] prefix(byte kind, Address address) {
    return ByteBuffer.allocate(PREFIX).put(kind).put(address.bytes().unsafeArray()).array();
  }

  static long blockNumber(byte[] key) {
    return ~ByteBuffer.wrap(key, PREFIX, 8).getLong();
  }

  static int position(byte[] key) {
    return ~ByteBuffer.wrap(key, PREFIX + 8, 4).getInt();
  }

  /** The first key after {@code key} within the same address: where the next page starts. */
  static byte[] after(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }
}
