package org.linden.chain.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.Hex;
import org.linden.types.UInt256;

/**
 * Reads values of geth-format genesis and config JSON the way geth accepts them, and turns
 * every problem into an {@link InvalidConfigException} naming the JSON path.
 *
 * <p>Numbers are JSON integers or strings, hexadecimal with {@code 0x} or decimal (geth's
 * {@code math.HexOrDecimal64/256}); byte strings are {@code 0x}-prefixed hex of even length
 * ({@code hexutil.Bytes}); object keys match case-insensitively, as Go's JSON decoder
 * matches struct fields (so Besu-style {@code mixhash} works).
 */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Json() {}

  static JsonNode parse(String text, String what) throws InvalidConfigException {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new InvalidConfigException(what + ": empty document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(what + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** An object's fields by lower-cased key; a JSON null counts as absent. */
  static Map<String, Field> fields(JsonNode node, String path) throws InvalidConfigException {
    if (!node.isObject()) {
      throw new InvalidConfigException(path + ": expected an object, got " + kind(node));
    }
    Map<String, Field> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (out.containsKey(key)) {
        throw new InvalidConfigException(path + ": keys '" + out.get(key).name() + "' and '" + e.getKey()
            + "' are the same field (keys are case-insensitive)");
      }
      if (!e.getValue().isNull()) {
        out.put(key, new Field(e.getKey(), join(path, e.getKey()), e.getValue()));
      }
    }
    return out;
  }

  /** A field of an object: its name as written, its JSON path and its value. */
  record Field(String name, String path, JsonNode value) {}

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** An unsigned 64-bit number, returned in a long read as unsigned. */
  static long u64(Field f) throws InvalidConfigException {
    BigInteger v = integer(f.value, f.path);
    if (v.compareTo(MAX_U64) > 0) {
      throw new InvalidConfigException(f.path + ": " + v + " does not fit in 64 bits");
    }
    return v.longValue();
  }

  /** A number that fits in an int, e.g. a blob count. */
  static int smallInt(Field f) throws InvalidConfigException {
    BigInteger v = integer(f.value, f.path);
    if (v.bitLength() > 31) {
      throw new InvalidConfigException(f.path + ": " + v + " is too large");
    }
    return v.intValue();
  }

  static UInt256 u256(Field f) throws InvalidConfigException {
    BigInteger v = integer(f.value, f.path);
    if (v.bitLength() > 256) {
      throw new InvalidConfigException(f.path + ": " + v + " does not fit in 256 bits");
    }
    return UInt256.fromBigInteger(v);
  }

  private static BigInteger integer(JsonNode node, String path) throws InvalidConfigException {
    BigInteger v;
    if (node.isIntegralNumber()) {
      v = node.bigIntegerValue();
    } else if (node.isTextual()) {
      v = parseHexOrDecimal(node.textValue(), path);
    } else {
      throw new InvalidConfigException(path + ": expected an integer (a JSON number, or a string in hex with 0x"
          + " or in decimal), got " + kind(node));
    }
    if (v.signum() < 0) {
      throw new InvalidConfigException(path + ": must not be negative, got " + v);
    }
    return v;
  }

  private static BigInteger parseHexOrDecimal(String s, String path) throws InvalidConfigException {
    if (s.isEmpty()) {
      // geth reads an empty string as zero.
      return BigInteger.ZERO;
    }
    boolean hex = s.startsWith("0x") || s.startsWith("0X");
    String digits = hex ? s.substring(2) : s;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
      throw new InvalidConfigException(path + ": '" + s + "' is not a " + (hex ? "hexadecimal" : "decimal")
          + " integer");
    }
    return new BigInteger(digits, hex ? 16 : 10);
  }

  static boolean bool(Field f) throws InvalidConfigException {
    if (!f.value.isBoolean()) {
      throw new InvalidConfigException(f.path + ": expected true or false, got " + kind(f.value));
    }
    return f.value.booleanValue();
  }

  /** {@code 0x}-prefixed hex of even length, any size. */
  static Bytes hexBytes(Field f) throws InvalidConfigException {
    String s = text(f);
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new InvalidConfigException(f.path + ": hex string without 0x prefix: '" + abbreviate(s) + "'");
    }
    try {
      return Bytes.wrap(Hex.decode(s));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(f.path + ": " + e.getMessage(), e);
    }
  }

  /** {@code 0x}-prefixed hex of exactly {@code size} bytes. */
  static Bytes fixed(Field f, int size) throws InvalidConfigException {
    Bytes b = hexBytes(f);
    if (b.size() != size) {
      throw new InvalidConfigException(f.path + ": expected " + size + " bytes, got " + b.size());
    }
    return b;
  }

  static Hash hash(Field f) throws InvalidConfigException {
    return Hash.wrap(fixed(f, Hash.SIZE));
  }

  static Address address(Field f) throws InvalidConfigException {
    return Address.wrap(fixed(f, Address.SIZE));
  }

  /** An address as an alloc key: 40 hex digits, with or without {@code 0x}. */
  static Address addressKey(String key, String path) throws InvalidConfigException {
    String digits = key.startsWith("0x") || key.startsWith("0X") ? key.substring(2) : key;
    if (digits.length() != 2 * Address.SIZE) {
      throw new InvalidConfigException(path + ": an address has 40 hex digits, got '" + abbreviate(key) + "'");
    }
    try {
      return Address.wrap(Bytes.wrap(Hex.decode(digits)));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A 32-byte storage key or value: up to 64 hex digits, {@code 0x} optional, left-padded
   * with zeros (geth's {@code storageJSON}, which lets {@code "0x01"} stand for slot 1).
   */
  static UInt256 storageWord(String s, String path) throws InvalidConfigException {
    String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if (digits.length() > 64) {
      throw new InvalidConfigException(path + ": more than 64 hex digits: '" + abbreviate(s) + "'");
    }
    try {
      return UInt256.fromBytes(Bytes.wrap(Hex.decodeLenient(digits)));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(path + ": " + e.getMessage(), e);
    }
  }

  static String text(Field f) throws InvalidConfigException {
    if (!f.value.isTextual()) {
      throw new InvalidConfigException(f.path + ": expected a string, got " + kind(f.value));
    }
    return f.value.textValue();
  }

  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "the string '" + abbreviate(node.textValue()) + "'";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(node.toString());
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
