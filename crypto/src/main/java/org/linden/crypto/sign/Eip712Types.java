package org.linden.crypto.sign;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linden.crypto.Keccak;
import org.linden.types.Hash;

/**
 * The struct types of one typed-data document, validated: every name an identifier, every
 * member type either atomic, a declared struct, or an array of those. Also the type
 * grammar (atomic names, array suffixes) and {@code encodeType}.
 */
final class Eip712Types {
  static final String DOMAIN = "EIP712Domain";
  static final int MAX_ARRAY_DIMENSIONS = 32;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern INTEGER = Pattern.compile("u?int([1-9][0-9]*)?");
  private static final Pattern FIXED_BYTES = Pattern.compile("bytes([1-9][0-9]?)");
  private static final Pattern ARRAY = Pattern.compile("(.+)\\[([0-9]*)]");

  /** An array type: element type and fixed length, or -1 for a dynamic array. */
  record ArrayType(String element, int length) {
    boolean isFixed() {
      return length >= 0;
    }
  }

  private final Map<String, List<TypedField>> structs;

  Eip712Types(Map<String, List<TypedField>> structs) {
    this.structs = Collections.unmodifiableMap(new LinkedHashMap<>(structs));
    for (Map.Entry<String, List<TypedField>> e : this.structs.entrySet()) {
      checkStruct(e.getKey(), e.getValue());
    }
  }

  Map<String, List<TypedField>> all() {
    return structs;
  }

  boolean isStruct(String type) {
    return structs.containsKey(type);
  }

  List<TypedField> fields(String struct) {
    List<TypedField> f = structs.get(struct);
    if (f == null) {
      throw new TypedDataException("types", "struct type '" + struct + "' is not declared");
    }
    return f;
  }

  /**
   * {@code Name(type1 name1,...)} of {@code primary}, followed by every struct it references,
   * directly or through arrays, sorted by name.
   */
  String encodeType(String primary) {
    fields(primary);
    Set<String> found = new LinkedHashSet<>();
    collect(primary, found);
    found.remove(primary);
    StringBuilder sb = new StringBuilder();
    append(sb, primary);
    for (String dep : new TreeSet<>(found)) {
      append(sb, dep);
    }
    return sb.toString();
  }

  Hash typeHash(String primary) {
    return Keccak.hash256(encodeType(primary).getBytes(StandardCharsets.UTF_8));
  }

  private void append(StringBuilder sb, String struct) {
    sb.append(struct).append('(');
    List<TypedField> fields = structs.get(struct);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(fields.get(i).type()).append(' ').append(fields.get(i).name());
    }
    sb.append(')');
  }

  private void collect(String type, Set<String> found) {
    String base = baseOf(type);
    if (!structs.containsKey(base) || !found.add(base)) {
      return;
    }
    for (TypedField f : structs.get(base)) {
      collect(f.type(), found);
    }
  }

  /** The type with every array suffix removed: {@code Person[][2]} → {@code Person}. */
  static String baseOf(String type) {
    int bracket = type.indexOf('[');
    return bracket < 0 ? type : type.substring(0, bracket);
  }

  /** The outermost array level of {@code type}, or null if it is not an array. */
  static ArrayType arrayOf(String type, String at) {
    if (!type.endsWith("]")) {
      return null;
    }
    Matcher m = ARRAY.matcher(type);
    if (!m.matches()) {
      throw new TypedDataException(at, "malformed array type '" + type + "'");
    }
    String length = m.group(2);
    if (length.isEmpty()) {
      return new ArrayType(m.group(1), -1);
    }
    if (length.length() > 9 || (length.length() > 1 && length.startsWith("0")) || Integer.parseInt(length) == 0) {
      throw new TypedDataException(at, "array type '" + type + "' has an invalid length " + length);
    }
    return new ArrayType(m.group(1), Integer.parseInt(length));
  }

  /**
   * True for bool, address, string, bytes, bytes1..bytes32, uint8..uint256 and int8..int256 in
   * steps of 8, and plain uint/int, which the ABI reads as the 256-bit types.
   */
  static boolean isAtomic(String type) {
    switch (type) {
      case "bool", "address", "string", "bytes" -> {
        return true;
      }
      default -> { }
    }
    Matcher bytes = FIXED_BYTES.matcher(type);
    if (bytes.matches()) {
      int n = Integer.parseInt(bytes.group(1));
      return n >= 1 && n <= 32;
    }
    Matcher integer = INTEGER.matcher(type);
    if (integer.matches()) {
      if (integer.group(1) == null) {
        return true;
      }
      String digits = integer.group(1);
      if (digits.length() > 3) {
        return false;
      }
      int bits = Integer.parseInt(digits);
      return bits >= 8 && bits <= 256 && bits % 8 == 0;
    }
    return false;
  }

  private void checkStruct(String name, List<TypedField> fields) {
    String at = "types." + name;
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new TypedDataException(at, "'" + name + "' is not a valid struct name (letters, digits, _ and $)");
    }
    if (isAtomic(name)) {
      throw new TypedDataException(at, "'" + name + "' is an atomic type and cannot name a struct");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      TypedField f = fields.get(i);
      String fieldAt = at + "[" + i + "]";
      if (!IDENTIFIER.matcher(f.name()).matches()) {
        throw new TypedDataException(fieldAt + ".name", "'" + f.name() + "' is not a valid field name");
      }
      if (!names.add(f.name())) {
        throw new TypedDataException(fieldAt + ".name", "field '" + f.name() + "' is declared twice in " + name);
      }
      checkType(f.type(), fieldAt + ".type");
    }
  }

  private void checkType(String type, String at) {
    // Each dimension is one level of recursion here and in the encoder; a type string from
    // an RPC request must not be able to exhaust the stack.
    if (type.chars().filter(c -> c == '[').count() > MAX_ARRAY_DIMENSIONS) {
      throw new TypedDataException(at, "type has more than " + MAX_ARRAY_DIMENSIONS + " array dimensions");
    }
    checkTypeLevel(type, at);
  }

  private void checkTypeLevel(String type, String at) {
    ArrayType array = arrayOf(type, at);
    if (array != null) {
      checkTypeLevel(array.element(), at);
    } else if (!isStruct(type) && !isAtomic(type)) {
      throw new TypedDataException(at, "unknown type '" + type + "': neither a struct declared in types nor an "
          + "atomic type (bool, address, string, bytes, bytes1..bytes32, uint8..uint256, int8..int256)");
    }
  }
}
