package org.linden.evm.tracing;

import org.linden.types.Bytes;
import org.linden.types.UInt256;

/** The hex spellings geth's tracers use: quantities without leading zeros, data, 32-byte words. */
final class JsonValues {
  private JsonValues() {}

  /** {@code 0x} and the shortest hex of a non-negative number ({@code 0x0} for zero). */
  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  static String quantity(UInt256 value) {
    return value.toHexString();
  }

  /** All 32 bytes of a word, {@code 0x}-prefixed, as geth prints a {@code common.Hash}. */
  static String word(UInt256 value) {
    return value.toBytes32().toHex();
  }

  /** All 32 bytes of a word without a prefix, as the struct logger prints storage. */
  static String bareWord(UInt256 value) {
    return value.toBytes32().toUnprefixedHex();
  }

  static String data(Bytes bytes) {
    return bytes.toHex();
  }
}
