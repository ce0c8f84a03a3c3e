package org.linden.crypto.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * EIP-712 typed structured data hashing and signing, as {@code eth_signTypedData_v4} does it:
 * {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}, where
 * {@code hashStruct(s) = keccak256(typeHash ‖ encodeData(s))}. Arrays (fixed, dynamic and
 * nested) are the keccak of their concatenated element encodings, as v4 defines them.
 *
 * <p>Two behaviours follow MetaMask's v4 and geth where the EIP is silent: a struct-typed
 * member that is absent or null encodes as 32 zero bytes (this is what lets recursive types
 * such as {@code Person{Person mother}} end), and message members not declared in the type are
 * ignored. A missing atomic or array member is an error.
 */
public final class Eip712 {
  private static final byte[] PREFIX = {0x19, 0x01};

  private Eip712() {}

  /** The digest that is signed: {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}. */
  public static Hash hash(TypedData data) {
    Bytes separator = domainSeparator(data).bytes();
    // MetaMask signs the domain alone when the primary type is the domain itself.
    if (data.primaryType().equals(Eip712Types.DOMAIN)) {
      return Keccak.hash256(Bytes.concat(Bytes.wrap(PREFIX), separator));
    }
    return Keccak.hash256(Bytes.concat(Bytes.wrap(PREFIX), separator, messageHash(data).bytes()));
  }

  /** The digest of typed data given as JSON text. */
  public static Hash hash(String json) {
    return hash(TypedData.parse(json));
  }

  /** {@code hashStruct(EIP712Domain, domain)}. */
  public static Hash domainSeparator(TypedData data) {
    return hashStruct(data, Eip712Types.DOMAIN, data.domainNode(), "domain");
  }

  /** {@code hashStruct(primaryType, message)}. */
  public static Hash messageHash(TypedData data) {
    return hashStruct(data, data.primaryType(), data.messageNode(), "message");
  }

  /** {@code hashStruct(type, value)} for any struct type declared in {@code data}. */
  public static Hash hashStruct(TypedData data, String type, JsonNode value) {
    return hashStruct(data, type, value, type);
  }

  /** {@code typeHash(type) ‖ enc(member 1) ‖ ... ‖ enc(member n)}, 32 bytes per part. */
  public static Bytes encodeData(TypedData data, String type, JsonNode value) {
    return Bytes.wrap(encodeData(data.structTypes(), type, value, type));
  }

  /** {@code Name(type name,...)} of {@code type} followed by the structs it references, sorted. */
  public static String encodeType(TypedData data, String type) {
    return data.structTypes().encodeType(type);
  }

  /** {@code keccak256(encodeType(type))}. */
  public static Hash typeHash(TypedData data, String type) {
    return data.structTypes().typeHash(type);
  }

  /** Signs the digest: 65 bytes r‖s‖v with v = 27 or 28. */
  public static Bytes sign(TypedData data, PrivateKey key) {
    return MessageSignature.sign(hash(data), key);
  }

  /** The address that signed {@code data}, or empty if the signature matches no key. */
  public static Optional<Address> recover(TypedData data, Bytes signature) {
    return MessageSignature.recoverAddress(hash(data), signature);
  }

  private static Hash hashStruct(TypedData data, String type, JsonNode value, String at) {
    byte[] encoded = encodeData(data.structTypes(), type, value, at);
    return Hash.wrap(Keccak.digest(encoded, 0, encoded.length));
  }

  private static byte[] encodeData(Eip712Types types, String type, JsonNode value, String at) {
    if (value == null || !value.isObject()) {
      throw new TypedDataException(at, "expected an object for struct " + type + ", got " + Eip712Values.show(value));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(types.typeHash(type).bytes().unsafeArray());
    for (TypedField f : types.fields(type)) {
      out.writeBytes(encodeField(types, f.type(), value.get(f.name()), at + "." + f.name()));
    }
    return out.toByteArray();
  }

  // One member's 32-byte word: atomic values directly or hashed (string, bytes), structs as
  // their hashStruct, arrays as the keccak of their elements' words.
  private static byte[] encodeField(Eip712Types types, String type, JsonNode value, String at) {
    Eip712Types.ArrayType array = Eip712Types.arrayOf(type, at);
    if (array != null) {
      return encodeArray(types, type, array, value, at);
    }
    boolean absent = value == null || value.isNull();
    if (types.isStruct(type)) {
      if (absent) {
        return new byte[32];
      }
      byte[] encoded = encodeData(types, type, value, at);
      return Keccak.digest(encoded, 0, encoded.length);
    }
    if (absent) {
      throw new TypedDataException(at, "missing value of type " + type);
    }
    return Eip712Values.encode(type, value, at);
  }

  private static byte[] encodeArray(Eip712Types types, String type, Eip712Types.ArrayType array, JsonNode value,
      String at) {
    if (value == null || value.isNull()) {
      throw new TypedDataException(at, "missing value of type " + type);
    }
    if (!value.isArray()) {
      throw new TypedDataException(at, "expected an array for " + type + ", got " + Eip712Values.show(value));
    }
    if (array.isFixed() && value.size() != array.length()) {
      throw new TypedDataException(at, type + " needs exactly " + array.length() + " elements, got " + value.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * value.size());
    for (int i = 0; i < value.size(); i++) {
      out.writeBytes(encodeField(types, array.element(), value.get(i), at + "[" + i + "]"));
    }
    byte[] all = out.toByteArray();
    return Keccak.digest(all, 0, all.length);
  }
}
