package org.linden.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;
import org.linden.types.Bytes;

class KeystoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A MyCrypto-written file from ethereum/tests KeyStoreTests (scrypt n = 8192, r = 8, p = 1). */
  private static final String MYCRYPTO = """
      {"version": 3, "id": "0eb785e0-340a-4290-9c42-90a11973ee47",
       "address": "460121576cc7df020759730751f92bd62fd78dd6",
       "crypto": {
         "ciphertext": "54ae683c6287fa3d58321f09d56e26d94e58a00d4f90bdd95782ae0e4aab618b",
         "cipherparams": {"iv": "681679cdb125bba9495d068b002816a4"},
         "cipher": "aes-128-ctr", "kdf": "scrypt",
         "kdfparams": {"dklen": 32, "salt": "c3407f363fce02a66e3c4bf4a8f6b7da1c1f54266cef66381f0625c251c32785",
                       "n": 8192, "r": 8, "p": 1},
         "mac": "dea6bdf22a2f522166ed82808c22a6311e84c355f4bbe100d4260483ff675a46"}}""";

  @Test
  void decryptsAFileWrittenByAnotherWallet() throws Exception {
    PrivateKey key = Keystore.decrypt(MYCRYPTO, "foobartest121");
    assertThat(key.bytes().toUnprefixedHex()).isEqualTo("05a4d3eb46c742cb8850440145ce70cbc80b59f891cf5f50fd3e9c280b50c4e4");
    assertThat(key.address()).isEqualTo(Address.fromHex("460121576cc7df020759730751f92bd62fd78dd6"));
  }

  @Test
  void scryptRoundTrip() throws Exception {
    PrivateKey key = PrivateKey.random();
    KeystoreFile file = Keystore.encrypt(key, "s3cret", KdfParams.scryptLight());
    KeystoreFile again = KeystoreFile.parse(file.toJson());
    assertThat(again.address()).contains(key.address());
    assertThat(again.kdf()).isEqualTo(file.kdf());
    assertThat(Keystore.decrypt(again, "s3cret")).isEqualTo(key);
  }

  @Test
  void scryptStandardParametersAreWithinTheDefaultLimits() throws Exception {
    PrivateKey key = PrivateKey.random();
    KeystoreFile file = Keystore.encrypt(key, "pw", KdfParams.scryptStandard());
    assertThat(Keystore.decrypt(file.toJson(), "pw")).isEqualTo(key);
  }

  @Test
  void pbkdf2RoundTrip() throws Exception {
    PrivateKey key = PrivateKey.random();
    KeystoreFile file = Keystore.encrypt(key, "s3cret", KdfParams.pbkdf2(4096));
    assertThat(Keystore.decrypt(file.toJson(), "s3cret")).isEqualTo(key);
  }

  @Test
  void passwordIsUtf8() throws Exception {
    PrivateKey key = PrivateKey.random();
    String password = "mot de passe \u00e9\u00e8 \u4e2d\u6587 \ud83d\udd11";
    KeystoreFile file = Keystore.encrypt(key, password, KdfParams.pbkdf2(16));
    assertThat(Keystore.decrypt(file, password)).isEqualTo(key);
    assertThatThrownBy(() -> Keystore.decrypt(file, "mot de passe ee"))
        .isInstanceOf(WrongPasswordException.class);
  }

  @Test
  void wrongPasswordIsAMacMismatch() {
    KeystoreFile file = Keystore.encrypt(PrivateKey.random(), "right", KdfParams.scryptLight());
    assertThatThrownBy(() -> Keystore.decrypt(file, "wrong"))
        .isInstanceOf(WrongPasswordException.class)
        .hasMessageContaining("wrong password")
        .hasMessageContaining("MAC");
    assertThatThrownBy(() -> Keystore.decrypt(MYCRYPTO, ""))
        .isInstanceOf(WrongPasswordException.class);
  }

  @Test
  void tamperedCiphertextIsDetected() throws Exception {
    KeystoreFile file = Keystore.encrypt(PrivateKey.random(), "pw", KdfParams.pbkdf2(16));
    byte[] ct = file.ciphertext().toArray();
    ct[0] ^= 1;
    KeystoreFile tampered = new KeystoreFile(file.address().orElseThrow(), null, file.iv(), Bytes.wrap(ct), file.kdf(), file.mac());
    assertThatThrownBy(() -> Keystore.decrypt(tampered, "pw")).isInstanceOf(WrongPasswordException.class);
  }

  @Test
  void addressThatDoesNotMatchTheKeyIsRefused() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(MYCRYPTO);
    root.put("address", "0000000000000000000000000000000000000001");
    assertThatThrownBy(() -> Keystore.decrypt(root.toString(), "foobartest121"))
        .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo("address"))
        .hasMessageContaining("belongs to 0x460121576cc7df020759730751f92bd62fd78dd6");
  }

  @Test
  void writesGethsJsonLayout() throws Exception {
    PrivateKey key = PrivateKey.random();
    JsonNode root = JSON.readTree(Keystore.encrypt(key, "pw", KdfParams.scryptLight()).toJson());
    assertThat(root.fieldNames()).toIterable().containsExactly("address", "crypto", "id", "version");
    assertThat(root.get("address").asText()).isEqualTo(key.address().bytes().toUnprefixedHex());
    assertThat(root.get("version").asInt()).isEqualTo(3);
    assertThat(root.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    JsonNode crypto = root.get("crypto");
    assertThat(crypto.fieldNames()).toIterable()
        .containsExactly("cipher", "ciphertext", "cipherparams", "kdf", "kdfparams", "mac");
    assertThat(crypto.get("cipher").asText()).isEqualTo("aes-128-ctr");
    assertThat(crypto.get("ciphertext").asText()).matches("[0-9a-f]{64}");
    assertThat(crypto.get("cipherparams").get("iv").asText()).matches("[0-9a-f]{32}");
    assertThat(crypto.get("kdf").asText()).isEqualTo("scrypt");
    JsonNode params = crypto.get("kdfparams");
    assertThat(params.fieldNames()).toIterable().containsExactly("dklen", "n", "p", "r", "salt");
    assertThat(params.get("n").asInt()).isEqualTo(4096);
    assertThat(params.get("r").asInt()).isEqualTo(8);
    assertThat(params.get("p").asInt()).isEqualTo(6);
    assertThat(params.get("dklen").asInt()).isEqualTo(32);
    assertThat(params.get("salt").asText()).matches("[0-9a-f]{64}");
    assertThat(crypto.get("mac").asText()).matches("[0-9a-f]{64}");

    JsonNode pbkdf2 = JSON.readTree(Keystore.encrypt(key, "pw", KdfParams.pbkdf2(8)).toJson()).get("crypto");
    assertThat(pbkdf2.get("kdf").asText()).isEqualTo("pbkdf2");
    assertThat(pbkdf2.get("kdfparams").fieldNames()).toIterable().containsExactly("c", "dklen", "prf", "salt");
    assertThat(pbkdf2.get("kdfparams").get("prf").asText()).isEqualTo("hmac-sha256");
  }

  @Test
  void freshIvSaltAndIdEveryTime() {
    PrivateKey key = PrivateKey.random();
    KeystoreFile a = Keystore.encrypt(key, "pw", KdfParams.pbkdf2(8));
    KeystoreFile b = Keystore.encrypt(key, "pw", KdfParams.pbkdf2(8));
    assertThat(a.iv()).isNotEqualTo(b.iv());
    assertThat(a.kdf().salt()).isNotEqualTo(b.kdf().salt());
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
  }

  @Test
  void gethFileName() {
    Address a = Address.fromHex("7ef5a6135f1fd6a02593eedc869c6d41d934aef8");
    assertThat(Keystore.fileName(a, Instant.parse("2016-03-22T12:57:55.920751759Z")))
        .isEqualTo("UTC--2016-03-22T12-57-55.920751759Z--7ef5a6135f1fd6a02593eedc869c6d41d934aef8");
    assertThat(Keystore.fileName(a, Instant.parse("2024-01-02T03:04:05Z")))
        .isEqualTo("UTC--2024-01-02T03-04-05.000000000Z--7ef5a6135f1fd6a02593eedc869c6d41d934aef8");
  }

  @Test
  void scryptBeyondTheLimitsIsRefusedBeforeAnyWork() throws Exception {
    assertLimit(scrypt(1 << 21, 1, 1), "crypto.kdfparams.n");
    assertLimit(scrypt(1 << 20, 16, 1), "crypto.kdfparams.r");
    assertLimit(scrypt(1 << 18, 8, 64), "crypto.kdfparams.p");
    assertLimit(new KdfParams.Pbkdf2(1 << 25, 32, Bytes.wrap(new byte[16])), "crypto.kdfparams.c");
  }

  @Test
  void customLimitsCanBeStricter() {
    KeystoreFile file = Keystore.encrypt(PrivateKey.random(), "pw", KdfParams.scryptLight());
    KdfLimits strict = new KdfLimits(1024, 1L << 30, 1L << 25, 1 << 24);
    assertThatThrownBy(() -> Keystore.decrypt(file, "pw", strict))
        .isInstanceOfSatisfying(InvalidKeystoreException.class,
            e -> assertThat(e.field()).isEqualTo("crypto.kdfparams.n"));
  }

  private static KdfParams.Scrypt scrypt(int n, int r, int p) {
    return new KdfParams.Scrypt(n, r, p, 32, Bytes.wrap(new byte[16]));
  }

  private static void assertLimit(KdfParams kdf, String field) throws Exception {
    KeystoreFile good = Keystore.encrypt(PrivateKey.random(), "pw", KdfParams.pbkdf2(1));
    KeystoreFile costly = new KeystoreFile(null, null, good.iv(), good.ciphertext(), kdf, good.mac());
    // Through JSON, as an untrusted file would arrive.
    String json = costly.toJson();
    assertThatThrownBy(() -> Keystore.decrypt(json, "pw"))
        .isInstanceOfSatisfying(InvalidKeystoreException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining("limit");
  }
}
