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
   * Decodes hex with or without a {@code 0x} prefix. An odd number of digits is rejected;
   * use {@link #decodeLenient} where a leading zero may be missing.
   */
  public static byte[] decode(String hex) {
    String s = strip(hex);
    if ((s.length() & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits: " + abbreviate(hex));
    }
    return decodeDigits(s, hex);
  }

  /** Decodes hex, accepting an odd number of digits by assuming a leading zero. */
  public static byte[] decodeLenient(String hex) {
    String s = strip(hex);
    if ((s.length() & 1) != 0) {
      s = "0" + s;
    }
    return decodeDigits(s, hex);
  }

  private static String strip(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex string is null");
    }
    return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
  }

  private static byte[] decodeDigits(String s, String original) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s.charAt(2 * i), 2 * i, original);
      int lo = digit(s.charAt(2 * i + 1), 2 * i + 1, original);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(char c, int index, String original) {
    int d = Character.digit(c, 16);
    if (d < 0) {
      throw new IllegalArgumentException(
          "invalid hex digit '" + c + "' at position " + index + " in " + abbreviate(original));
    }
    return d;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? '"' + s + '"' : '"' + s.substring(0, 77) + "...\"";
  }
}
