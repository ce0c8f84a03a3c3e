package org.linden.types;

/** Hexadecimal conversion with strict parsing: the error says what and where. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Lower-case hex without prefix. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Lower-case hex with a {@code 0x} prefix. */
  public static String encodePrefixed(byte[] bytes) {
    return "0x" + encode(bytes);
  }

  /**
   * Decodes hex with or without a {@code 0x} prefix, digits in either case. An odd number of
   * digits is rejected; use {@link #decodeLenient} where a leading zero may be missing.
   */
  public static byte[] decode(String hex) {
    int start = prefixLength(hex);
    if (((hex.length() - start) & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits: " + abbreviate(hex));
    }
    return decodeDigits(hex, start, false);
  }

  /** Decodes hex, accepting an odd number of digits by assuming a leading zero. */
  public static byte[] decodeLenient(String hex) {
    int start = prefixLength(hex);
    return decodeDigits(hex, start, ((hex.length() - start) & 1) != 0);
  }

  private static int prefixLength(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex string is null");
    }
    return hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
  }

  private static byte[] decodeDigits(String hex, int start, boolean impliedLeadingZero) {
    int digits = hex.length() - start;
    byte[] out = new byte[(digits + 1) / 2];
    int pos = start;
    int i = 0;
    if (impliedLeadingZero) {
      out[i++] = (byte) digit(hex, pos++);
    }
    for (; i < out.length; i++, pos += 2) {
      out[i] = (byte) ((digit(hex, pos) << 4) | digit(hex, pos + 1));
    }
    return out;
  }

  /**
   * The value of the ASCII hex digit at {@code pos}. {@link Character#digit} is not used because
   * it also accepts digits of other scripts, such as fullwidth or Arabic-Indic digits.
   */
  private static int digit(String hex, int pos) {
    char c = hex.charAt(pos);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    // The position counts from the start of the string as given, prefix included.
    throw new IllegalArgumentException(
        "invalid hex digit '" + c + "' at position " + pos + " in " + abbreviate(hex));
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? '"' + s + '"' : '"' + s.substring(0, 77) + "...\"";
  }
}
