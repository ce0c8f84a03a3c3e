package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Reads typed fields out of an upstream's JSON; a missing or malformed field fails verification. */
final class JsonFields {
  private JsonFields() {}

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new VerificationException("field " + field + " is missing or not a string");
    }
    return v.asText();
  }

  static boolean present(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && !v.isNull();
  }

  static Hash hash(JsonNode n, String field) {
    try {
      return Hash.fromHex(text(n, field));
    } catch (IllegalArgumentException e) {
      throw new VerificationException("field " + field + " is not a 32-byte hash");
    }
  }

  static Address address(JsonNode n, String field) {
    try {
      return Address.fromHex(text(n, field));
    } catch (IllegalArgumentException e) {
      throw new VerificationException("field " + field + " is not an address");
    }
  }

  static Bytes data(JsonNode n, String field) {
    return data(text(n, field), field);
  }

  static Bytes data(String hex, String field) {
    try {
      return Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("field " + field + " is not hex data");
    }
  }

  static long quantity(JsonNode n, String field) {
    return quantity(text(n, field), field);
  }

  static long quantity(String s, String field) {
    try {
      if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
        throw new NumberFormatException(s);
      }
      return Long.parseUnsignedLong(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new VerificationException("field " + field + " is not a 64-bit quantity: " + s);
    }
  }

  static UInt256 uint256(JsonNode n, String field) {
    try {
      return UInt256.fromHex(text(n, field));
    } catch (IllegalArgumentException e) {
      throw new VerificationException("field " + field + " is not a 256-bit quantity");
    }
  }
}
