package org.linden.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Absolute check against another client: go-ethereum's dump of the state at the head of
 * its 600-block test chain ({@code chains/geth-ethtest/headstate.json}), whose root is the
 * head block's state root. Loading the dump must give that root and every account's
 * storage root.
 */
class GethStateDumpTest {
  private static JsonNode dump;

  @BeforeAll
  static void readDump() throws IOException {
    String fixtures = System.getProperty("linden.fixtures");
    if (fixtures == null) {
      throw new IllegalStateException("system property linden.fixtures is not set");
    }
    Path file = Path.of(fixtures, "chains", "geth-ethtest", "headstate.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("fixture missing: " + file);
    }
    dump = new ObjectMapper().readTree(file.toFile());
  }

  private static List<AccountChange> changes() {
    List<AccountChange> out = new ArrayList<>();
    for (JsonNode acc : dump.get("accounts")) {
      Address address = Address.fromHex(acc.get("address").asText());
      Bytes code = acc.has("code") ? Bytes.fromHex(acc.get("code").asText()) : Bytes.EMPTY;
      Hash codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(code);
      assertThat(codeHash).isEqualTo(Hash.fromHex(acc.get("codeHash").asText()));
      Map<UInt256, UInt256> storage = new HashMap<>();
      if (acc.has("storage")) {
        acc.get("storage").properties().forEach(e -> storage.put(UInt256.fromHex(e.getKey()),
            UInt256.fromHex(e.getValue().asText())));
      }
      UInt256 balance = UInt256.fromBigInteger(new BigInteger(acc.get("balance").asText()));
      out.add(new AccountChange(address, new AccountInfo(acc.get("nonce").asLong(), balance, codeHash), code, true,
          storage));
    }
    return out;
  }

  @Test
  void loadingTheDumpGivesGethsStateRootAndStorageRoots() {
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    Hash root;
    try (WriteBatch batch = store.newBatch()) {
      root = state.apply(changes(), batch);
      batch.commit();
    }
    assertThat(root).isEqualTo(Hash.fromHex(dump.get("root").asText()));
    for (JsonNode acc : dump.get("accounts")) {
      Address address = Address.fromHex(acc.get("address").asText());
      assertThat(state.storageRoot(address)).as("storage root of %s", address)
          .isEqualTo(Hash.fromHex(acc.get("root").asText()));
      assertThat(SecureTrie.verifyProof(root, address.bytes(), state.accountProof(address).orElseThrow()))
          .isPresent();
    }
  }

  @Test
  void loadingTheDumpInPiecesGivesTheSameRoot() {
    List<AccountChange> all = changes();
    KeyValueStore store = new InMemoryKeyValueStore();
    PersistentWorldState state = new PersistentWorldState(store);
    for (int from = 0; from < all.size(); from += 17) {
      try (WriteBatch batch = store.newBatch()) {
        state.apply(Keccak.hash256(Bytes.of((byte) from)), all.subList(from,
            Math.min(all.size(), from + 17)), batch);
        batch.commit();
      }
    }
    assertThat(state.stateRoot()).isEqualTo(Hash.fromHex(dump.get("root").asText()));
  }
}
