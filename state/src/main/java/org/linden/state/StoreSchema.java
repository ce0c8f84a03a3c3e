package org.linden.state;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The database layout version. It is written into {@link Column#META} when a store is
 * created and checked when one is opened, so that a build never reads (or, worse,
 * writes) a layout it does not understand. Bump it whenever a key or value format of an
 * existing column changes.
 */
final class StoreSchema {
  /** The layout described in {@link Column}. */
  static final int VERSION = 1;

  private StoreSchema() {}

  static byte[] encode(int version) {
    return ByteBuffer.allocate(4).putInt(version).array();
  }

  /** The version stored in {@code value}, or empty if it is not a 4-byte version. */
  static Optional<Integer> decode(byte[] value) {
    return value.length == 4 ? Optional.of(ByteBuffer.wrap(value).getInt()) : Optional.empty();
  }
}
