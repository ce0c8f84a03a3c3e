package org.linden.crypto;

import java.nio.charset.StandardCharsets;
import org.linden.types.Address;

/** EIP-55 mixed-case checksum encoding of addresses. */
public final class AddressChecksum {
  private AddressChecksum() {}

  /** {@code 0x} and the 40 digits with letters upper-cased where the hash nibble is 8 or more. */
  public static String toChecksumHex(Address address) {
    String lower = address.bytes().toUnprefixedHex();
    byte[] h = Keccak.digest(lower.getBytes(StandardCharsets.US_ASCII), 0, lower.length());
    StringBuilder sb = new StringBuilder(42).append("0x");
    for (int i = 0; i < 40; i++) {
      char c = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  /**
   * Parses an address. All-lower or all-upper case digits carry no checksum and are taken
   * as they are; mixed case must match the EIP-55 checksum.
   */
  public static Address parse(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 40) {
      throw new IllegalArgumentException("an address has 40 hex digits, got " + digits.length() + ": " + hex);
    }
    Address a = Address.fromHex(digits);
    boolean hasLower = !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
    boolean hasUpper = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT));
    if (hasLower && hasUpper && !toChecksumHex(a).substring(2).equals(digits)) {
      throw new IllegalArgumentException("address has an invalid EIP-55 checksum: " + hex);
    }
    return a;
  }
}
