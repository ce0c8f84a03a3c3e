package org.linden.crypto.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.linden.crypto.Keccak;
import org.linden.types.Hex;

/**
 * Encodes one atomic value to its 32-byte EIP-712 word, accepting the JSON shapes wallets
 * send (numbers or decimal/hex strings for integers, hex strings for bytes and addresses)
 * and refusing anything that would need guessing.
 */
final class Eip712Values {
  // 2^256 has 78 decimal digits; anything longer is out of range without building it.
  private static final int MAX_DECIMAL_DIGITS = 80;
  private static final double MAX_EXACT_DOUBLE = 0x1p53;

  private Eip712Values() {}

  static byte[] encode(String type, JsonNode value, String at) {
    return switch (type) {
      case "string" -> hash(utf8(string(value, type, at)));
      case "bytes" -> hash(hex(value, type, at));
      case "bool" -> word(BigInteger.valueOf(bool(value, at) ? 1 : 0));
      case "address" -> address(value, at);
      default -> type.startsWith("bytes") ? fixedBytes(type, value, at) : integer(type, value, at);
    };
  }

  private static byte[] fixedBytes(String type, JsonNode value, String at) {
    int n = Integer.parseInt(type.substring(5));
    byte[] b = hex(value, type, at);
    // ethers refuses a length mismatch; MetaMask pads. Refusing keeps the signed bytes
    // exactly the ones the user was shown.
    if (b.length != n) {
      throw new TypedDataException(at, type + " needs exactly " + n + " bytes, got " + b.length);
    }
    byte[] word = new byte[32];
    System.arraycopy(b, 0, word, 0, n);
    return word;
  }

  private static byte[] integer(String type, JsonNode value, String at) {
    boolean signed = type.startsWith("int");
    String digits = type.substring(signed ? 3 : 4);
    int bits = digits.isEmpty() ? 256 : Integer.parseInt(digits);
    BigInteger v = toInteger(value, type, at);
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits))
        .subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new TypedDataException(at, show(value) + " is out of range for " + type + " (" + min + " to " + max + ")");
    }
    return word(v);
  }

  private static BigInteger toInteger(JsonNode value, String type, String at) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue();
    }
    if (value.isBigDecimal()) {
      BigDecimal d = value.decimalValue().stripTrailingZeros();
      if (d.scale() > 0) {
        throw new TypedDataException(at, "expected an integer for " + type + ", got " + show(value));
      }
      if (d.precision() - d.scale() > MAX_DECIMAL_DIGITS) {
        throw outOfRange(value, type, at);
      }
      return d.toBigIntegerExact();
    }
    if (value.isFloatingPointNumber()) {
      // A double from a lenient parser: past 2^53 it may already have been rounded.
      double d = value.doubleValue();
      if (!Double.isFinite(d) || d != Math.rint(d)) {
        throw new TypedDataException(at, "expected an integer for " + type + ", got " + show(value));
      }
      if (Math.abs(d) >= MAX_EXACT_DOUBLE) {
        throw new TypedDataException(at, show(value) + " may have lost precision as a floating-point number; "
            + "send large integers as decimal or hex strings");
      }
      return BigInteger.valueOf((long) d);
    }
    if (value.isTextual()) {
      return parseIntegerText(value.textValue(), type, at);
    }
    throw new TypedDataException(at, "expected an integer (number, decimal or 0x-hex string) for " + type
        + ", got " + show(value));
  }

  private static BigInteger parseIntegerText(String s, String type, String at) {
    boolean negative = s.startsWith("-");
    String body = negative ? s.substring(1) : s;
    boolean hex = body.startsWith("0x") || body.startsWith("0X");
    String digits = hex ? body.substring(2) : body;
    boolean wellFormed = !digits.isEmpty()
        && digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 && c < 128 : c >= '0' && c <= '9');
    if (!wellFormed) {
      throw new TypedDataException(at,
          "expected an integer (decimal or 0x-hex) for " + type + ", got \"" + show(s) + "\"");
    }
    String significant = digits.replaceFirst("^0+(?=.)", "");
    if (significant.length() > MAX_DECIMAL_DIGITS) {
      throw new TypedDataException(at, "\"" + show(s) + "\" is out of range for " + type);
    }
    BigInteger v = new BigInteger(significant, hex ? 16 : 10);
    return negative ? v.negate() : v;
  }

  private static boolean bool(JsonNode value, String at) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
      return value.textValue().equals("true");
    }
    throw new TypedDataException(at, "expected true or false for bool, got " + show(value));
  }

  // Case is not checked against EIP-55: MetaMask, ethers' encoder and geth accept any case,
  // and the encoded word does not depend on it.
  private static byte[] address(JsonNode value, String at) {
    String s = value.isTextual() ? value.textValue() : null;
    String digits = s == null ? "" : s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if (digits.length() != 40 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
      throw new TypedDataException(at, "expected a 20-byte address as 0x-prefixed hex, got " + show(value));
    }
    byte[] word = new byte[32];
    System.arraycopy(Hex.decode(digits), 0, word, 12, 20);
    return word;
  }

  private static byte[] hex(JsonNode value, String type, String at) {
    String s = value.isTextual() ? value.textValue() : "";
    boolean ok = (s.startsWith("0x") || s.startsWith("0X")) && s.length() % 2 == 0
        && s.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    if (!ok) {
      throw new TypedDataException(at, "expected 0x-prefixed hex with an even number of digits for " + type
          + ", got " + show(value));
    }
    return Hex.decode(s.substring(2));
  }

  private static String string(JsonNode value, String type, String at) {
    if (!value.isTextual()) {
      throw new TypedDataException(at, "expected a string for " + type + ", got " + show(value));
    }
    return value.textValue();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hash(byte[] data) {
    return Keccak.digest(data, 0, data.length);
  }

  /** Two's complement, sign-extended to 32 bytes. */
  static byte[] word(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] word = new byte[32];
    if (v.signum() < 0) {
      Arrays.fill(word, (byte) 0xff);
    }
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, word, 32 - len, len);
    return word;
  }

  private static TypedDataException outOfRange(JsonNode value, String type, String at) {
    return new TypedDataException(at, show(value) + " is out of range for " + type);
  }

  /** A JSON value for an error message, cut short so that a huge input cannot flood a log. */
  static String show(JsonNode value) {
    return value == null ? "nothing" : show(value.toString());
  }

  private static String show(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
