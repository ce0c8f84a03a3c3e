package org.linden.crypto.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hex;

/**
 * Reads the JSON of a keystore file into a {@link KeystoreFile}, checking every field and
 * naming it in the error. Structure only: the KDF cost limits and the password are
 * {@link Keystore#decrypt}'s business.
 */
final class KeystoreJson {
  private KeystoreJson() {}

  static KeystoreFile read(JsonNode root) throws InvalidKeystoreException {
    if (root == null || !root.isObject()) {
      throw new InvalidKeystoreException("(file)", "not a JSON object");
    }
    checkVersion(root);
    JsonNode crypto = object(root, "crypto", "crypto");
    String cipher = text(crypto, "cipher", "crypto.cipher");
    if (!cipher.equals(KeystoreFile.CIPHER)) {
      throw new InvalidKeystoreException("crypto.cipher",
          "unsupported cipher '" + cipher + "'; only " + KeystoreFile.CIPHER + " is supported");
    }
    JsonNode cipherParams = object(crypto, "cipherparams", "crypto.cipherparams");
    Bytes iv = hex(cipherParams, "iv", "crypto.cipherparams.iv", 16, "an AES block");
    Bytes ciphertext = hex(crypto, "ciphertext", "crypto.ciphertext", 32, "an encrypted secp256k1 private key");
    KdfParams kdf = kdf(crypto);
    Bytes mac = hex(crypto, "mac", "crypto.mac", 32, "a keccak256 hash");
    Address address = null;
    if (field(root, "address") != null) {
      address = Address.wrap(hex(root, "address", "address", 20, "an address"));
    }
    String id = null;
    if (field(root, "id") != null) {
      id = text(root, "id", "id");
    }
    return new KeystoreFile(address, id, iv, ciphertext, kdf, mac);
  }

  private static void checkVersion(JsonNode root) throws InvalidKeystoreException {
    JsonNode v = required(root, "version", "version");
    if (!v.isNumber()) {
      throw new InvalidKeystoreException("version", "must be the number " + KeystoreFile.VERSION + ", got " + v);
    }
    if (!v.isIntegralNumber() || v.asLong() != KeystoreFile.VERSION) {
      throw new InvalidKeystoreException("version",
          "unsupported keystore version " + v + "; only version " + KeystoreFile.VERSION + " is supported");
    }
  }

  private static KdfParams kdf(JsonNode crypto) throws InvalidKeystoreException {
    String name = text(crypto, "kdf", "crypto.kdf");
    JsonNode p = object(crypto, "kdfparams", "crypto.kdfparams");
    String at = "crypto.kdfparams.";
    try {
      return switch (name) {
        case "scrypt" -> new KdfParams.Scrypt(
            integer(p, "n", at + "n"), integer(p, "r", at + "r"), integer(p, "p", at + "p"),
            integer(p, "dklen", at + "dklen"), hex(p, "salt", at + "salt", -1, null));
        case "pbkdf2" -> {
          String prf = text(p, "prf", at + "prf");
          if (!prf.equals(KdfParams.Pbkdf2.PRF)) {
            throw new InvalidKeystoreException(at + "prf",
                "unsupported PRF '" + prf + "'; only " + KdfParams.Pbkdf2.PRF + " is supported");
          }
          yield new KdfParams.Pbkdf2(
              integer(p, "c", at + "c"), integer(p, "dklen", at + "dklen"), hex(p, "salt", at + "salt", -1, null));
        }
        default -> throw new InvalidKeystoreException("crypto.kdf",
            "unsupported KDF '" + name + "'; only scrypt and pbkdf2 are supported");
      };
    } catch (IllegalArgumentException e) {
      // The parameter records reject values no KDF can run with (n not a power of two, dklen < 32).
      throw new InvalidKeystoreException("crypto.kdfparams", e.getMessage());
    }
  }

  /** A property by name; if absent, one whose name differs only in case (Go's JSON decoding rule). */
  private static JsonNode field(JsonNode obj, String name) {
    JsonNode exact = obj.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static JsonNode required(JsonNode obj, String name, String path) throws InvalidKeystoreException {
    JsonNode v = field(obj, name);
    if (v == null || v.isNull()) {
      throw new InvalidKeystoreException(path, "missing");
    }
    return v;
  }

  private static JsonNode object(JsonNode obj, String name, String path) throws InvalidKeystoreException {
    JsonNode v = required(obj, name, path);
    if (!v.isObject()) {
      throw new InvalidKeystoreException(path, "must be a JSON object, got " + describe(v));
    }
    return v;
  }

  private static String text(JsonNode obj, String name, String path) throws InvalidKeystoreException {
    JsonNode v = required(obj, name, path);
    if (!v.isTextual()) {
      throw new InvalidKeystoreException(path, "must be a string, got " + describe(v));
    }
    return v.asText();
  }

  /** A non-negative int; a whole number written as 262144.0 is accepted, as Go's decoder does. */
  private static int integer(JsonNode obj, String name, String path) throws InvalidKeystoreException {
    JsonNode v = required(obj, name, path);
    boolean whole = v.isIntegralNumber() || (v.isNumber() && v.canConvertToExactIntegral());
    if (!whole || !v.canConvertToInt() || v.asInt() < 0) {
      throw new InvalidKeystoreException(path, "must be a non-negative integer below 2^31, got " + describe(v));
    }
    return v.asInt();
  }

  /** Hex digits (a {@code 0x} prefix is tolerated) of {@code size} bytes, or any size if negative. */
  private static Bytes hex(JsonNode obj, String name, String path, int size, String what)
      throws InvalidKeystoreException {
    String s = text(obj, name, path);
    byte[] b;
    try {
      b = Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidKeystoreException(path, "not valid hex (" + e.getMessage() + ")");
    }
    if (size >= 0 && b.length != size) {
      throw new InvalidKeystoreException(path, "must be " + size + " bytes (" + what + "), got " + b.length);
    }
    return Bytes.wrap(b);
  }

  private static String describe(JsonNode v) {
    String s = v.toString();
    return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (s.length() > 40 ? s.substring(0, 40) + "…" : s);
  }
}
