package org.linden.rpc.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;
import org.linden.types.UInt256;

/**
 * Number readers for the dev methods, which take numbers the way anvil and hardhat do: a
 * JSON integer, a {@code 0x} hex string (leading zeros allowed, so a 32-byte padded slot
 * works), or a decimal string. Test code passes all three, and a dev chain has no reason to
 * refuse any of them; {@link Params} stays strict for the standard methods.
 */
final class DevParams {
  private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private DevParams() {}

  static RpcException bad(int i, String name, String why) {
    return RpcException.invalidParams("invalid argument " + i + " (" + name + "): " + why);
  }

  /** A required number in 0..2^256-1. */
  static UInt256 uint256(Params p, int i, String name) {
    return UInt256.fromBigInteger(number(p.required(i, name), i, name, 256));
  }

  /** A required number in 0..2^64-1, as an unsigned long. */
  static long u64(Params p, int i, String name) {
    return u64(p.required(i, name), i, name);
  }

  static long u64(JsonNode n, int i, String name) {
    BigInteger v = number(n, i, name, 256);
    if (v.compareTo(MAX_U64) > 0) {
      throw bad(i, name, "number above 2^64-1");
    }
    return v.longValue();
  }

  /** A required count of seconds or a timestamp: 0..2^63-1, so that sums stay comparable. */
  static long seconds(Params p, int i, String name) {
    return seconds(p.required(i, name), i, name);
  }

  static long seconds(JsonNode n, int i, String name) {
    BigInteger v = number(n, i, name, 256);
    if (v.compareTo(MAX_LONG) > 0) {
      throw bad(i, name, "number above 2^63-1");
    }
    return v.longValue();
  }

  static boolean isNumber(JsonNode n) {
    return n.isNumber() || n.isTextual();
  }

  private static BigInteger number(JsonNode n, int i, String name, int maxBits) {
    BigInteger v;
    if (n.isIntegralNumber()) {
      v = n.bigIntegerValue();
    } else if (n.isNumber()) {
      throw bad(i, name, "expected an integer, got " + n);
    } else if (n.isTextual()) {
      v = parseText(n.textValue(), i, name);
    } else {
      throw bad(i, name, "expected a number or a hex string");
    }
    if (v.signum() < 0) {
      throw bad(i, name, "negative number");
    }
    if (v.bitLength() > maxBits) {
      throw bad(i, name, "number > " + maxBits + " bits");
    }
    return v;
  }

  private static BigInteger parseText(String s, int i, String name) {
    boolean hex = s.startsWith("0x") || s.startsWith("0X");
    String digits = hex ? s.substring(2) : s;
    if (digits.isEmpty()) {
      throw bad(i, name, "empty number \"" + s + "\"");
    }
    int firstSignificant = -1;
    for (int k = 0; k < digits.length(); k++) {
      char c = digits.charAt(k);
      boolean ok = hex ? c < 128 && Character.digit(c, 16) >= 0 : c >= '0' && c <= '9';
      if (!ok) {
        throw bad(i, name, hex ? "invalid hex string" : "expected a 0x-prefixed hex or decimal number");
      }
      if (firstSignificant < 0 && c != '0') {
        firstSignificant = k;
      }
    }
    if (firstSignificant < 0) {
      return BigInteger.ZERO;
    }
    // Bounded before BigInteger sees it, so a megabyte of digits is refused cheaply.
    String significant = digits.substring(firstSignificant);
    if (significant.length() > (hex ? 64 : 78)) {
      throw bad(i, name, "number > 256 bits");
    }
    return new BigInteger(significant, hex ? 16 : 10);
  }
}
