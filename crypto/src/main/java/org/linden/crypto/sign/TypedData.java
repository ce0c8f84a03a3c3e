package org.linden.crypto.sign;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument of {@code eth_signTypedData_v4}: {@code {types, primaryType, domain, message}}.
 * Parsing checks the structure and every declared type, so that an instance can always be
 * hashed up to the values themselves, which {@link Eip712} checks as it encodes them.
 */
public final class TypedData {
  // Exact numbers (no double rounding of large integers), no duplicate keys (a wallet could
  // show one value and sign the other), nothing after the JSON value.
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final Eip712Types types;
  private final String primaryType;
  private final JsonNode domain;
  private final JsonNode message;

  private TypedData(Eip712Types types, String primaryType, JsonNode domain, JsonNode message) {
    this.types = types;
    this.primaryType = primaryType;
    this.domain = domain;
    this.message = message;
  }

  /** Parses the JSON text of typed data. */
  public static TypedData parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new TypedDataException("(json)", "not valid JSON: " + e.getOriginalMessage() + where);
    }
    return fromJson(root);
  }

  /** Reads typed data from an already parsed JSON tree (the tree is copied). */
  public static TypedData fromJson(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new TypedDataException("(typed data)", "expected an object {types, primaryType, domain, message}");
    }
    Eip712Types types = new Eip712Types(readTypes(required(root, "types")));
    JsonNode primary = required(root, "primaryType");
    if (!primary.isTextual()) {
      throw new TypedDataException("primaryType", "expected a type name, got " + Eip712Values.show(primary));
    }
    String primaryType = primary.textValue();
    if (!types.isStruct(primaryType)) {
      throw new TypedDataException("primaryType", "'" + primaryType + "' is not declared in types");
    }
    if (!types.isStruct(Eip712Types.DOMAIN)) {
      throw new TypedDataException("types", "EIP712Domain is not declared; the domain is hashed by that type");
    }
    JsonNode domain = required(root, "domain");
    JsonNode message = required(root, "message");
    requireObject(domain, "domain");
    requireObject(message, "message");
    return new TypedData(types, primaryType, domain.deepCopy(), message.deepCopy());
  }

  /** The struct types in declaration order, {@code EIP712Domain} included. */
  public Map<String, List<TypedField>> types() {
    return types.all();
  }

  /** The struct type of {@link #message()}. */
  public String primaryType() {
    return primaryType;
  }

  /** The domain values (a copy). */
  public JsonNode domain() {
    return domain.deepCopy();
  }

  /** The message values (a copy). */
  public JsonNode message() {
    return message.deepCopy();
  }

  Eip712Types structTypes() {
    return types;
  }

  JsonNode domainNode() {
    return domain;
  }

  JsonNode messageNode() {
    return message;
  }

  private static Map<String, List<TypedField>> readTypes(JsonNode node) {
    if (!node.isObject()) {
      throw new TypedDataException("types", "expected an object of struct types, got " + Eip712Values.show(node));
    }
    Map<String, List<TypedField>> types = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = "types." + e.getKey();
      if (!e.getValue().isArray()) {
        throw new TypedDataException(at, "expected an array of {name, type}, got " + Eip712Values.show(e.getValue()));
      }
      List<TypedField> fields = new ArrayList<>();
      int i = 0;
      for (JsonNode f : e.getValue()) {
        String fieldAt = at + "[" + i++ + "]";
        if (!f.isObject()) {
          throw new TypedDataException(fieldAt, "expected {name, type}, got " + Eip712Values.show(f));
        }
        fields.add(new TypedField(text(f, "name", fieldAt), text(f, "type", fieldAt)));
      }
      types.put(e.getKey(), Collections.unmodifiableList(fields));
    }
    return types;
  }

  private static String text(JsonNode node, String key, String at) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw new TypedDataException(at + "." + key, "expected a string, got " + Eip712Values.show(v));
    }
    return v.textValue();
  }

  private static JsonNode required(JsonNode root, String key) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      throw new TypedDataException(key, "missing");
    }
    return v;
  }

  private static void requireObject(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new TypedDataException(at, "expected an object, got " + Eip712Values.show(node));
    }
  }
}
