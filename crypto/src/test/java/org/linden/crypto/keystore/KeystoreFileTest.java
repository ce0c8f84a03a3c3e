package org.linden.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.types.Bytes;

/** Parsing: every malformed file is refused with an error that names the field. */
class KeystoreFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRYPT = Keystore.encrypt(PrivateKey.random(), "pw", KdfParams.scrypt(16, 1, 1)).toJson();
  private static final String PBKDF2 = Keystore.encrypt(PrivateKey.random(), "pw", KdfParams.pbkdf2(1)).toJson();

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("version missing", SCRYPT, r -> r.remove("version"), "version"),
        bad("version 1", SCRYPT, r -> r.put("version", 1), "version"),
        bad("version as text", SCRYPT, r -> r.put("version", "3"), "version"),
        bad("crypto missing", SCRYPT, r -> r.remove("crypto"), "crypto"),
        bad("crypto not an object", SCRYPT, r -> r.put("crypto", "x"), "crypto"),
        bad("cipher missing", SCRYPT, r -> crypto(r).remove("cipher"), "crypto.cipher"),
        bad("cipher unsupported", SCRYPT, r -> crypto(r).put("cipher", "aes-128-cbc"), "crypto.cipher"),
        bad("cipherparams missing", SCRYPT, r -> crypto(r).remove("cipherparams"), "crypto.cipherparams"),
        bad("iv not hex", SCRYPT, r -> iv(r, "zz" + "00".repeat(15)), "crypto.cipherparams.iv"),
        bad("iv 15 bytes", SCRYPT, r -> iv(r, "00".repeat(15)), "crypto.cipherparams.iv"),
        bad("iv a number", SCRYPT, r -> ((ObjectNode) crypto(r).get("cipherparams")).put("iv", 7), "crypto.cipherparams.iv"),
        bad("ciphertext 31 bytes", SCRYPT, r -> crypto(r).put("ciphertext", "11".repeat(31)), "crypto.ciphertext"),
        bad("ciphertext odd digits", SCRYPT, r -> crypto(r).put("ciphertext", "1".repeat(63)), "crypto.ciphertext"),
        bad("ciphertext missing", SCRYPT, r -> crypto(r).remove("ciphertext"), "crypto.ciphertext"),
        bad("mac missing", SCRYPT, r -> crypto(r).remove("mac"), "crypto.mac"),
        bad("mac short", SCRYPT, r -> crypto(r).put("mac", "ab"), "crypto.mac"),
        bad("kdf missing", SCRYPT, r -> crypto(r).remove("kdf"), "crypto.kdf"),
        bad("kdf unsupported", SCRYPT, r -> crypto(r).put("kdf", "argon2id"), "crypto.kdf"),
        bad("kdfparams missing", SCRYPT, r -> crypto(r).remove("kdfparams"), "crypto.kdfparams"),
        bad("scrypt n missing", SCRYPT, r -> params(r).remove("n"), "crypto.kdfparams.n"),
        bad("scrypt n as text", SCRYPT, r -> params(r).put("n", "16"), "crypto.kdfparams.n"),
        bad("scrypt n fractional", SCRYPT, r -> params(r).put("n", 16.5), "crypto.kdfparams.n"),
        bad("scrypt n negative", SCRYPT, r -> params(r).put("n", -16), "crypto.kdfparams.n"),
        bad("scrypt n huge", SCRYPT, r -> params(r).put("n", 1L << 40), "crypto.kdfparams.n"),
        bad("scrypt n not a power of two", SCRYPT, r -> params(r).put("n", 1000), "crypto.kdfparams"),
        bad("scrypt r zero", SCRYPT, r -> params(r).put("r", 0), "crypto.kdfparams"),
        bad("scrypt p missing", SCRYPT, r -> params(r).remove("p"), "crypto.kdfparams.p"),
        bad("dklen too short", SCRYPT, r -> params(r).put("dklen", 16), "crypto.kdfparams"),
        bad("salt not hex", SCRYPT, r -> params(r).put("salt", "xyz0"), "crypto.kdfparams.salt"),
        bad("salt missing", SCRYPT, r -> params(r).remove("salt"), "crypto.kdfparams.salt"),
        bad("pbkdf2 prf unsupported", PBKDF2, r -> params(r).put("prf", "hmac-sha512"), "crypto.kdfparams.prf"),
        bad("pbkdf2 prf missing", PBKDF2, r -> params(r).remove("prf"), "crypto.kdfparams.prf"),
        bad("pbkdf2 c missing", PBKDF2, r -> params(r).remove("c"), "crypto.kdfparams.c"),
        bad("pbkdf2 c zero", PBKDF2, r -> params(r).put("c", 0), "crypto.kdfparams"),
        bad("address 19 bytes", SCRYPT, r -> r.put("address", "00".repeat(19)), "address"),
        bad("address not hex", SCRYPT, r -> r.put("address", "g".repeat(40)), "address"),
        bad("id a number", SCRYPT, r -> r.put("id", 5), "id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFileNamesTheField(String what, String json, String field) {
    assertThatThrownBy(() -> KeystoreFile.parse(json))
        .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field + ": ");
  }

  @Test
  void notJsonOrNotAnObject() {
    for (String text : new String[] {"", "{", "not json", "[]", "3", "null"}) {
      assertThatThrownBy(() -> KeystoreFile.parse(text))
          .as(text)
          .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo("(file)"));
    }
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertThatThrownBy(() -> KeystoreFile.parse(edit(SCRYPT, r -> r.put("version", 1))))
        .hasMessage("version: unsupported keystore version 1; only version 3 is supported");
    assertThatThrownBy(() -> KeystoreFile.parse(edit(SCRYPT, r -> crypto(r).put("kdf", "argon2id"))))
        .hasMessage("crypto.kdf: unsupported KDF 'argon2id'; only scrypt and pbkdf2 are supported");
    assertThatThrownBy(() -> KeystoreFile.parse(edit(SCRYPT, r -> crypto(r).remove("mac"))))
        .hasMessage("crypto.mac: missing");
  }

  @Test
  void toleratesWhatOtherWritersProduce() throws Exception {
    // Go's JSON decoder matches names case-insensitively; some tools write "Crypto".
    String capital = edit(SCRYPT, r -> r.set("Crypto", r.remove("crypto")));
    assertThat(KeystoreFile.parse(capital).kdf()).isEqualTo(KeystoreFile.parse(SCRYPT).kdf());
    // 0x-prefixed hex, whole numbers written as decimals, unknown fields, no address or id.
    String variant = edit(PBKDF2, r -> {
      crypto(r).put("mac", "0x" + crypto(r).get("mac").asText());
      params(r).put("c", 1.0);
      crypto(r).put("version", 1);
      r.remove("address");
      r.remove("id");
    });
    KeystoreFile file = KeystoreFile.parse(variant);
    assertThat(file.address()).isEmpty();
    assertThat(file.id()).isEmpty();
    assertThat(Keystore.decrypt(file, "pw")).isEqualTo(Keystore.decrypt(PBKDF2, "pw"));
  }

  @Test
  void plaintextThatIsNoPrivateKeyIsRefused() throws Exception {
    // Built by hand from the format's definition: the key encrypted is 32 zero bytes.
    KdfParams kdf = new KdfParams.Pbkdf2(1, 32, Bytes.fromHex("00112233"));
    byte[] dk = kdf.deriveKey("pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] iv = new byte[16];
    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dk, 0, 16, "AES"), new IvParameterSpec(iv));
    Bytes ciphertext = Bytes.wrap(aes.doFinal(new byte[32]));
    Bytes mac = Keccak.hash256(Bytes.concat(Bytes.copyOf(dk, 16, 16), ciphertext)).bytes();
    KeystoreFile file = new KeystoreFile(null, null, Bytes.wrap(iv), ciphertext, kdf, mac);
    assertThatThrownBy(() -> Keystore.decrypt(file.toJson(), "pw"))
        .isInstanceOfSatisfying(InvalidKeystoreException.class,
            e -> assertThat(e.field()).isEqualTo("crypto.ciphertext"))
        .hasMessageContaining("invalid private key");
  }

  private static Arguments bad(String what, String base, Consumer<ObjectNode> change, String field) {
    return Arguments.of(what, edit(base, change), field);
  }

  private static String edit(String json, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(json);
      change.accept(root);
      return root.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode crypto(ObjectNode root) {
    return (ObjectNode) (root.has("crypto") ? root.get("crypto") : root.get("Crypto"));
  }

  private static ObjectNode params(ObjectNode root) {
    return (ObjectNode) crypto(root).get("kdfparams");
  }

  private static void iv(ObjectNode root, String hex) {
    ((ObjectNode) crypto(root).get("cipherparams")).put("iv", hex);
  }
}
