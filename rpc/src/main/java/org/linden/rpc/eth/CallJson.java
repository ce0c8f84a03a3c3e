package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.linden.chain.tx.Access;
import org.linden.rpc.Params;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Strict readers for the fields of a JSON object inside a request (a call object, an
 * override, a simulation payload). Each reader names the argument position and the
 * field path in its error, as {@code invalid argument 0 (transaction.gas): …}, so a
 * client sees which value was wrong; an absent or {@code null} field reads as Java
 * {@code null}.
 */
final class CallJson {
  private CallJson() {}

  static RpcException bad(int arg, String name, String why) {
    return RpcException.invalidParams("invalid argument " + arg + " (" + name + "): " + why);
  }

  /** Refuses any field outside {@code allowed}: a misspelt field must not be silently ignored. */
  static void onlyFields(JsonNode obj, Set<String> allowed, int arg, String name) {
    Iterator<String> names = obj.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!allowed.contains(field)) {
        throw bad(arg, name, "unknown field \"" + field + "\"");
      }
    }
  }

  static JsonNode object(JsonNode n, int arg, String name) {
    if (!n.isObject()) {
      throw bad(arg, name, "expected an object");
    }
    return n;
  }

  /** The field's node, or null when absent or JSON null. */
  static JsonNode field(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    return n == null || n.isNull() ? null : n;
  }

  static String text(JsonNode n, int arg, String name) {
    if (!n.isTextual()) {
      throw bad(arg, name, "expected a hex string, got " + n.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return n.textValue();
  }

  static Address address(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    return n == null ? null : Params.parseAddress(text(n, arg, path + "." + field), arg, path + "." + field);
  }

  static Long uint64(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    return n == null ? null : Params.parseQuantityLong(text(n, arg, path + "." + field), arg, path + "." + field);
  }

  static UInt256 uint256(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    return n == null ? null : Params.parseUInt256(text(n, arg, path + "." + field), arg, path + "." + field);
  }

  static Bytes data(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    return n == null ? null : Params.parseData(text(n, arg, path + "." + field), arg, path + "." + field);
  }

  static Hash hash(JsonNode n, int arg, String name) {
    return Params.parseHash(text(n, arg, name), arg, name);
  }

  static Hash hash(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    return n == null ? null : hash(n, arg, path + "." + field);
  }

  static Boolean bool(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    if (n == null) {
      return null;
    }
    if (!n.isBoolean()) {
      throw bad(arg, path + "." + field, "expected a boolean");
    }
    return n.booleanValue();
  }

  static JsonNode array(JsonNode obj, String field, int arg, String path) {
    JsonNode n = field(obj, field);
    if (n != null && !n.isArray()) {
      throw bad(arg, path + "." + field, "expected an array");
    }
    return n;
  }

  static List<Hash> hashes(JsonNode obj, String field, int arg, String path) {
    JsonNode n = array(obj, field, arg, path);
    if (n == null) {
      return null;
    }
    List<Hash> out = new ArrayList<>(n.size());
    for (int k = 0; k < n.size(); k++) {
      out.add(hash(n.get(k), arg, path + "." + field + "[" + k + "]"));
    }
    return out;
  }

  /** An EIP-2930 access list: {@code [{address, storageKeys: [hash…]}…]}, both fields required. */
  static List<Access> accessList(JsonNode obj, String field, int arg, String path) {
    JsonNode n = array(obj, field, arg, path);
    if (n == null) {
      return null;
    }
    List<Access> out = new ArrayList<>(n.size());
    for (int k = 0; k < n.size(); k++) {
      String entryName = path + "." + field + "[" + k + "]";
      JsonNode entry = object(n.get(k), arg, entryName);
      onlyFields(entry, Set.of("address", "storageKeys"), arg, entryName);
      Address account = address(entry, "address", arg, entryName);
      List<Hash> keys = hashes(entry, "storageKeys", arg, entryName);
      if (account == null) {
        throw bad(arg, entryName + ".address", "missing");
      }
      if (keys == null) {
        throw bad(arg, entryName + ".storageKeys", "missing");
      }
      out.add(new Access(account, keys));
    }
    return out;
  }

  /**
   * A storage key or 32-byte word given as hex of at most 32 bytes, with or without leading
   * zeros and of odd or even length: clients send slots both as quantities ({@code 0x0})
   * and as 32-byte data, and geth accepts both.
   */
  static UInt256 word(String s, int arg, String name) {
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw bad(arg, name, "hex string without 0x prefix");
    }
    String digits = s.substring(2);
    if (digits.isEmpty()) {
      throw bad(arg, name, "hex string \"0x\"");
    }
    if (digits.length() > 64) {
      throw bad(arg, name, "hex string too long, want at most 32 bytes");
    }
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), 16) < 0 || digits.charAt(k) > 'f') {
        throw bad(arg, name, "invalid hex string");
      }
    }
    return UInt256.fromBigInteger(new java.math.BigInteger(digits, 16));
  }
}
