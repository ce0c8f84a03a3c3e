package org.linden.rpc;

import java.math.BigInteger;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * The execution-apis encodings: quantities as {@code 0x}-prefixed hex without leading
 * zeros ({@code 0x0} for zero), data as {@code 0x}-prefixed hex with two digits a byte.
 */
public final class Quantity {
  private Quantity() {}

  public static String of(long unsigned) {
    return "0x" + Long.toUnsignedString(unsigned, 16);
  }

  public static String of(UInt256 v) {
    return v.toHexString();
  }

  public static String of(BigInteger v) {
    return "0x" + v.toString(16);
  }

  public static String data(Bytes b) {
    return b.toHex();
  }
}
