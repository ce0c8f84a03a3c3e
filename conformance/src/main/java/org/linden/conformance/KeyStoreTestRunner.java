package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.keystore.Keystore;
import org.linden.crypto.keystore.KeystoreFile;

/**
 * ethereum/tests KeyStoreTests: {@code {name: {json, password, priv}}}. The keystore file
 * {@code json} opened with {@code password} must give the private key {@code priv}. The
 * files come from several writers (geth, pyethereum, MyCrypto) with scrypt and pbkdf2, so
 * they exercise the reader's tolerance as much as the cryptography.
 */
public final class KeyStoreTestRunner implements FixtureRunner {
  @Override
  public String suite() {
    return "KeyStoreTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return FixtureShape.everyCaseHas(root, "json", "password", "priv");
  }

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    List<CaseResult> results = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      results.add(CaseResult.of(e.getKey(), suite(), null, () -> check(e.getValue())));
    }
    return results;
  }

  private static String check(JsonNode c) throws Exception {
    KeystoreFile file = KeystoreFile.parse(c.get("json"));
    PrivateKey key = Keystore.decrypt(file, c.get("password").asText());
    String expected = c.get("priv").asText().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
    String actual = key.bytes().toUnprefixedHex();
    return actual.equals(expected) ? null : "decrypted key " + actual + ", expected " + expected;
  }
}
