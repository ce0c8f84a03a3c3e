package org.linden.crypto.keystore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * The contents of a Web3 Secret Storage v3 keystore file (the format geth, clef, ethers
 * and web3.js write): an AES-128-CTR encrypted private key, the KDF that turns the
 * password into the AES key, and a MAC that tells a wrong password from a right one.
 * Immutable; holds nothing secret in the clear. {@link Keystore} encrypts and decrypts.
 */
public final class KeystoreFile {
  /** The only version this format has had since 2015; version 1 files predate it. */
  public static final int VERSION = 3;
  /** The only cipher the format defines. */
  public static final String CIPHER = "aes-128-ctr";

  static final ObjectMapper JSON = new ObjectMapper();

  private final Address address;
  private final String id;
  private final Bytes iv;
  private final Bytes ciphertext;
  private final KdfParams kdf;
  private final Bytes mac;

  /**
   * @param address the account, or null when the file does not say (the field is optional)
   * @param id the file's UUID as text, or null
   * @param iv the 16-byte AES-CTR initial counter
   * @param ciphertext the 32-byte encrypted private key
   * @param kdf how the password becomes the derived key
   * @param mac keccak256(derivedKey[16..32] ‖ ciphertext), 32 bytes
   */
  public KeystoreFile(Address address, String id, Bytes iv, Bytes ciphertext, KdfParams kdf, Bytes mac) {
    this.address = address;
    this.id = id;
    this.iv = requireSize(iv, 16, "iv");
    this.ciphertext = requireSize(ciphertext, 32, "ciphertext");
    this.kdf = Objects.requireNonNull(kdf, "kdf");
    this.mac = requireSize(mac, 32, "mac");
  }

  /**
   * Parses a keystore file's JSON. Field names match case-insensitively, as geth's
   * decoder does (some wallets write {@code "Crypto"}); unknown fields are ignored.
   *
   * @throws InvalidKeystoreException naming the field that is missing, malformed or unsupported
   */
  public static KeystoreFile parse(String json) throws InvalidKeystoreException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidKeystoreException("(file)", "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    return KeystoreJson.read(root);
  }

  /** Parses an already-decoded JSON tree (e.g. a fixture's embedded {@code json} object). */
  public static KeystoreFile parse(JsonNode root) throws InvalidKeystoreException {
    return KeystoreJson.read(root);
  }

  /** The account address the file declares, if it declares one. */
  public Optional<Address> address() {
    return Optional.ofNullable(address);
  }

  /** The file's id (a UUID in text form), if it has one. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public Bytes iv() {
    return iv;
  }

  public Bytes ciphertext() {
    return ciphertext;
  }

  public KdfParams kdf() {
    return kdf;
  }

  public Bytes mac() {
    return mac;
  }

  /**
   * The file as geth writes it: lower-case hex without {@code 0x}, fields in geth's order,
   * {@code version} 3.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    if (address != null) {
      root.put("address", address.bytes().toUnprefixedHex());
    }
    ObjectNode crypto = root.putObject("crypto");
    crypto.put("cipher", CIPHER);
    crypto.put("ciphertext", ciphertext.toUnprefixedHex());
    crypto.putObject("cipherparams").put("iv", iv.toUnprefixedHex());
    crypto.put("kdf", kdf.name());
    ObjectNode params = crypto.putObject("kdfparams");
    switch (kdf) {
      case KdfParams.Scrypt s -> {
        params.put("dklen", s.dklen());
        params.put("n", s.n());
        params.put("p", s.p());
        params.put("r", s.r());
      }
      case KdfParams.Pbkdf2 p -> {
        params.put("c", p.c());
        params.put("dklen", p.dklen());
        params.put("prf", KdfParams.Pbkdf2.PRF);
      }
    }
    params.put("salt", kdf.salt().toUnprefixedHex());
    crypto.put("mac", mac.toUnprefixedHex());
    if (id != null) {
      root.put("id", id);
    }
    root.put("version", VERSION);
    return root.toString();
  }

  @Override
  public String toString() {
    return "KeystoreFile[" + (address == null ? "no address" : address.toHex()) + ", " + kdf.name() + "]";
  }

  private static Bytes requireSize(Bytes b, int size, String name) {
    Objects.requireNonNull(b, name);
    if (b.size() != size) {
      throw new IllegalArgumentException(name + " must be " + size + " bytes, got " + b.size());
    }
    return b;
  }
}
