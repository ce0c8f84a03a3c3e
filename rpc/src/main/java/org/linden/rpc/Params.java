package org.linden.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Locale;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A request's positional parameters with strict readers: quantities must be {@code 0x}
 * hex without leading zeros, data must be {@code 0x} hex with whole bytes, addresses 20
 * bytes, hashes 32. Every error names the argument's position and meaning, as
 * {@code invalid argument 1 (block): …}, and is reported as -32602.
 */
public final class Params {
  private final JsonNode params;

  public Params(JsonNode params) {
    this.params = params == null || params.isNull() ? JsonNodeFactory.instance.arrayNode() : params;
  }

  public static Params of(Object... values) {
    var array = JsonNodeFactory.instance.arrayNode();
    for (Object v : values) {
      array.addPOJO(v);
    }
    return new Params(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(array));
  }

  public int size() {
    return params.size();
  }

  public JsonNode raw() {
    return params;
  }

  /** Fails unless there are at most {@code max} arguments. */
  public Params atMost(int max) {
    if (params.size() > max) {
      throw RpcException.invalidParams("too many arguments, want at most " + max);
    }
    return this;
  }

  public boolean has(int i) {
    return i < params.size() && !params.get(i).isNull();
  }

  public JsonNode required(int i, String name) {
    if (!has(i)) {
      throw RpcException.invalidParams("missing value for required argument " + i + " (" + name + ")");
    }
    return params.get(i);
  }

  public long quantity(int i, String name) {
    return parseQuantityLong(text(i, name), i, name);
  }

  public UInt256 uint256(int i, String name) {
    return parseUInt256(text(i, name), i, name);
  }

  public Bytes data(int i, String name) {
    return parseData(text(i, name), i, name);
  }

  public Address address(int i, String name) {
    return parseAddress(text(i, name), i, name);
  }

  public Hash hash(int i, String name) {
    return parseHash(text(i, name), i, name);
  }

  public boolean bool(int i, String name, boolean defaultValue) {
    if (!has(i)) {
      return defaultValue;
    }
    JsonNode n = params.get(i);
    if (!n.isBoolean()) {
      throw bad(i, name, "expected a boolean");
    }
    return n.booleanValue();
  }

  public JsonNode object(int i, String name) {
    JsonNode n = required(i, name);
    if (!n.isObject()) {
      throw bad(i, name, "expected an object");
    }
    return n;
  }

  /** The block parameter at {@code i}, defaulting to {@code latest} when absent. */
  public BlockParameter block(int i, String name) {
    if (!has(i)) {
      return BlockParameter.Tag.LATEST;
    }
    return parseBlock(params.get(i), i, name);
  }

  private String text(int i, String name) {
    JsonNode n = required(i, name);
    if (!n.isTextual()) {
      throw bad(i, name, "expected a hex string, got " + n.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return n.textValue();
  }

  static RpcException bad(int i, String name, String why) {
    return RpcException.invalidParams("invalid argument " + i + " (" + name + "): " + why);
  }

  public static BlockParameter parseBlock(JsonNode n, int i, String name) {
    if (n.isObject()) {
      if (n.has("blockHash")) {
        boolean canonical = n.has("requireCanonical") && n.get("requireCanonical").asBoolean(false);
        return new BlockParameter.ByHash(parseHash(n.get("blockHash").asText(), i, name + ".blockHash"), canonical);
      }
      if (n.has("blockNumber")) {
        return parseBlockText(n.get("blockNumber").asText(), i, name + ".blockNumber");
      }
      throw bad(i, name, "expected blockHash or blockNumber");
    }
    if (!n.isTextual()) {
      throw bad(i, name, "expected a block number, tag or hash");
    }
    return parseBlockText(n.textValue(), i, name);
  }

  private static BlockParameter parseBlockText(String s, int i, String name) {
    switch (s) {
      case "latest":
        return BlockParameter.Tag.LATEST;
      case "earliest":
        return BlockParameter.Tag.EARLIEST;
      case "pending":
        return BlockParameter.Tag.PENDING;
      case "safe":
        return BlockParameter.Tag.SAFE;
      case "finalized":
        return BlockParameter.Tag.FINALIZED;
      default:
        if (s.length() == 66) {
          return new BlockParameter.ByHash(parseHash(s, i, name), false);
        }
        return new BlockParameter.Number(parseQuantityLong(s, i, name));
    }
  }

  public static long parseQuantityLong(String s, int i, String name) {
    BigInteger v = parseQuantity(s, i, name);
    if (v.bitLength() > 64) {
      throw bad(i, name, "hex number > 64 bits");
    }
    return v.longValue();
  }

  public static UInt256 parseUInt256(String s, int i, String name) {
    BigInteger v = parseQuantity(s, i, name);
    if (v.bitLength() > 256) {
      throw bad(i, name, "hex number > 256 bits");
    }
    return UInt256.fromBigInteger(v);
  }

  static BigInteger parseQuantity(String s, int i, String name) {
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw bad(i, name, "hex string without 0x prefix");
    }
    String digits = s.substring(2);
    if (digits.isEmpty()) {
      throw bad(i, name, "hex string \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw bad(i, name, "hex number with leading zero digits");
    }
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), 16) < 0 || digits.charAt(k) > 'f') {
        throw bad(i, name, "invalid hex string");
      }
    }
    if (digits.length() > 64) {
      throw bad(i, name, "hex number > 256 bits");
    }
    return new BigInteger(digits, 16);
  }

  public static Bytes parseData(String s, int i, String name) {
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw bad(i, name, "hex string without 0x prefix");
    }
    if ((s.length() & 1) != 0) {
      throw bad(i, name, "hex string of odd length");
    }
    try {
      return Bytes.fromHex(s);
    } catch (IllegalArgumentException e) {
      throw bad(i, name, "invalid hex string");
    }
  }

  public static Address parseAddress(String s, int i, String name) {
    Bytes b = parseData(s, i, name);
    if (b.size() != Address.SIZE) {
      throw bad(i, name, "an address is 20 bytes, got " + b.size());
    }
    return Address.wrap(b);
  }

  public static Hash parseHash(String s, int i, String name) {
    Bytes b = parseData(s, i, name);
    if (b.size() != Hash.SIZE) {
      throw bad(i, name, "a hash is 32 bytes, got " + b.size());
    }
    return Hash.wrap(b);
  }
}
