package org.linden.chain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.FixtureFiles;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class GenesisTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChainConfig FRONTIER = ChainConfig.allForksThrough(1, Fork.FRONTIER);

  @Test
  void gethTestChainGenesisHashIsTheParentOfItsFirstBlock() throws Exception {
    Genesis genesis = Genesis.fromFile(FixtureFiles.require("chains/geth-ethtest/genesis.json"));
    List<Block> chain = Block.decodeAll(FixtureFiles.bytes("chains/geth-ethtest/chain.rlp"));
    Hash expected = chain.get(0).header().parentHash();
    assertThat(genesis.hash()).isEqualTo(expected);

    BlockHeader h = genesis.toHeader();
    assertThat(genesis.fork()).isEqualTo(Fork.SHANGHAI);
    assertThat(h.fieldCount()).isEqualTo(17);
    assertThat(h.baseFeePerGas()).isEqualTo(Genesis.INITIAL_BASE_FEE);
    assertThat(h.withdrawalsRoot()).isEqualTo(BlockRoots.EMPTY_TRIE_ROOT);
    assertThat(h.difficulty()).isEqualTo(UInt256.valueOf(0x20000));
    assertThat(h.extraData()).isEqualTo(Bytes.fromHex("0x68697665636861696e"));
    assertThat(genesis.toBlock().body().withdrawals()).isEmpty();
    assertThat(genesis.alloc()).isNotEmpty();
    assertThat(genesis.toStateDatabase().accounts()).hasSameSizeAs(genesis.alloc());
  }

  @Test
  void mainnetGenesisHashFromItsHeaderFieldsAndStateRoot() throws Exception {
    JsonNode vector = FixtureFiles.json(FixtureFiles.require("ethereum-tests/BasicTests/genesishashestest.json"));
    Bytes rlp = Bytes.fromHex(vector.get("genesis_rlp_hex").asText());
    Hash expectedHash = Hash.fromHex(vector.get("genesis_hash").asText());
    Hash stateRoot = Hash.fromHex(vector.get("genesis_state_root").asText());

    Block decoded = Block.decode(rlp);
    assertThat(decoded.hash()).isEqualTo(expectedHash);
    assertThat(decoded.header().stateRoot()).isEqualTo(stateRoot);

    // The mainnet genesis without its 8,893 allocations: the state root is the fixture's.
    Genesis mainnet = Genesis.fromJson("{\"config\": " + ChainConfigTest.MAINNET + ", \"nonce\": \"0x42\","
        + " \"timestamp\": \"0x0\", \"extraData\": \"0x11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa\","
        + " \"gasLimit\": \"0x1388\", \"difficulty\": \"0x400000000\", \"alloc\": {}}");
    assertThat(mainnet.fork()).isEqualTo(Fork.FRONTIER);
    assertThat(mainnet.toHeader(stateRoot).hash()).isEqualTo(expectedHash);
    assertThat(mainnet.toBlock(stateRoot).encode()).isEqualTo(rlp);
  }

  static Stream<Arguments> basicGenesisTests() {
    JsonNode doc = FixtureFiles.json(FixtureFiles.require("ethereum-tests/GenesisTests/basic_genesis_tests.json"));
    Stream.Builder<Arguments> out = Stream.builder();
    doc.properties().forEach(e -> out.add(Arguments.of(e.getKey(), e.getValue())));
    return out.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("basicGenesisTests")
  void buildsTheGenesisBlocksOfGenesisTests(String name, JsonNode test) throws Exception {
    ObjectNode spec = test.deepCopy();
    Bytes expected = Bytes.fromHex(spec.remove("result").asText());
    if (usesPreGethFormat(spec)) {
      // test2 predates geth's format: balances under "wei" and an empty "0x" timestamp,
      // both of which geth refuses. The parser must refuse them too, clearly...
      assertThatThrownBy(() -> Genesis.fromJson(spec.toString(), FRONTIER))
          .isInstanceOf(InvalidConfigException.class).hasMessageContaining("timestamp");
      ObjectNode noTimestamp = spec.deepCopy();
      noTimestamp.put("timestamp", "0x0");
      assertThatThrownBy(() -> Genesis.fromJson(noTimestamp.toString(), FRONTIER))
          .isInstanceOf(InvalidConfigException.class).hasMessageContaining(".wei: unknown account field");
      // ...and the translated file must give the expected block.
      toGethFormat(spec);
    }
    Genesis genesis = Genesis.fromJson(spec.toString(), FRONTIER);
    assertThat(genesis.toBlock().encode()).isEqualTo(expected);
  }

  private static boolean usesPreGethFormat(ObjectNode spec) {
    return spec.get("timestamp").asText().equals("0x");
  }

  private static void toGethFormat(ObjectNode spec) {
    spec.put("timestamp", "0x0");
    spec.get("alloc").forEach(account -> {
      ObjectNode a = (ObjectNode) account;
      if (a.has("wei")) {
        a.set("balance", a.remove("wei"));
      }
    });
  }

  static Stream<Arguments> blockchainTestFiles() {
    return FixtureFiles.jsonFilesUnder("ethereum-tests/BlockchainTests", "ethereum-tests/execution-spec-tests/blockchain_tests")
        .stream().map(p -> Arguments.of(FixtureFiles.name(p), p));
  }

  /**
   * Each blockchain test starts from a genesis given as a header and a pre-state in the
   * genesis alloc format; built as a genesis file, it must hash to the fixture's genesis.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("blockchainTestFiles")
  void buildsTheGenesisOfEveryBlockchainTest(String name, Path path) throws Exception {
    JsonNode doc = FixtureFiles.json(path);
    int checked = 0;
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      JsonNode t = e.getValue();
      JsonNode header = t.get("genesisBlockHeader");
      ObjectNode spec = JSON.createObjectNode();
      for (String key : List.of("coinbase", "difficulty", "extraData", "gasLimit", "nonce", "mixHash", "timestamp",
          "number", "gasUsed", "parentHash", "baseFeePerGas", "excessBlobGas", "blobGasUsed")) {
        if (header.has(key)) {
          spec.set(key, header.get(key));
        }
      }
      spec.set("alloc", t.get("pre"));
      ChainConfig config = ChainConfig.allForksThrough(1, genesisFork(t.get("network").asText()));
      Genesis genesis = Genesis.fromJson(spec.toString(), config);
      Block block = genesis.toBlock();
      assertThat(block.hash()).as(e.getKey()).isEqualTo(Hash.fromHex(header.get("hash").asText()));
      assertThat(block.encode()).as(e.getKey()).isEqualTo(Bytes.fromHex(t.get("genesisRLP").asText()));
      checked++;
    }
    assertThat(checked).isPositive();
  }

  /** The fork of a test's genesis: the network, or the first fork of a transition network. */
  private static Fork genesisFork(String network) {
    String first = network.contains("To") ? network.substring(0, network.indexOf("To")) : network;
    if (first.startsWith("BPO")) {
      return Fork.OSAKA;
    }
    return Fork.fromName(first).orElseThrow(() -> new IllegalArgumentException("unknown network " + network));
  }

  @Test
  void forkDependentGenesisFieldsFollowGeth() throws Exception {
    String base = "\"gasLimit\": \"0x1c9c380\", \"difficulty\": \"0x0\", \"alloc\": {}";
    Genesis prague = Genesis.fromJson("{" + base + "}", ChainConfig.allForksThrough(7, Fork.PRAGUE));
    BlockHeader h = prague.toHeader();
    assertThat(h.fieldCount()).isEqualTo(21);
    assertThat(h.baseFeePerGas()).isEqualTo(UInt256.valueOf(1_000_000_000L));
    assertThat(h.blobGasUsed()).isZero();
    assertThat(h.excessBlobGas()).isZero();
    assertThat(h.parentBeaconBlockRoot()).isEqualTo(Hash.ZERO);
    assertThat(h.requestsHash()).isEqualTo(BlockRoots.EMPTY_REQUESTS_HASH);
    assertThat(h.stateRoot()).isEqualTo(BlockRoots.EMPTY_TRIE_ROOT);

    Genesis given = Genesis.fromJson("{" + base + ", \"baseFeePerGas\": \"7\", \"excessBlobGas\": \"0x20000\","
        + " \"blobGasUsed\": 131072}", ChainConfig.allForksThrough(7, Fork.CANCUN));
    BlockHeader g = given.toHeader();
    assertThat(g.fieldCount()).isEqualTo(20);
    assertThat(g.baseFeePerGas()).isEqualTo(UInt256.valueOf(7));
    assertThat(g.excessBlobGas()).isEqualTo(131072L);
    assertThat(g.blobGasUsed()).isEqualTo(131072L);

    Genesis berlin = Genesis.fromJson("{" + base + ", \"baseFeePerGas\": \"7\"}",
        ChainConfig.allForksThrough(7, Fork.BERLIN));
    assertThat(berlin.toHeader().fieldCount()).isEqualTo(15);

    Genesis defaults = Genesis.fromJson("{\"alloc\": {}}", ChainConfig.allForksThrough(7, Fork.LONDON));
    assertThat(defaults.toHeader().gasLimit()).isEqualTo(Genesis.DEFAULT_GAS_LIMIT);
    // No ethash section: a missing difficulty is 0; with one, geth's 131072.
    assertThat(defaults.toHeader().difficulty()).isEqualTo(UInt256.ZERO);
    Genesis ethash = Genesis.fromJson("{\"config\": {\"chainId\": 7, \"ethash\": {}}, \"alloc\": {}}");
    assertThat(ethash.toHeader().difficulty()).isEqualTo(Genesis.DEFAULT_DIFFICULTY);
  }

  @Test
  void readsAllocationsAsGethDoes() throws Exception {
    Genesis g = Genesis.fromJson("{\"config\": {\"chainId\": 1}, \"alloc\": {"
        + " \"0x00000000000000000000000000000000000000aa\": {\"balance\": \"1000000000000000000000\", \"nonce\": \"0x2\","
        + "   \"code\": \"0x6001\", \"storage\": {\"0x01\": \"0x02\", \"0000000000000000000000000000000000000000000000000000000000000003\": \"0x0004\"}},"
        + " \"00000000000000000000000000000000000000bb\": {\"balance\": 5, \"secretKey\": \"0x01\"},"
        + " \"00000000000000000000000000000000000000cc\": {}}}");
    GenesisAccount aa = g.alloc().get(Address.fromHex("0x00000000000000000000000000000000000000aa"));
    assertThat(aa.balance().toBigInteger()).isEqualTo(new java.math.BigInteger("1000000000000000000000"));
    assertThat(aa.nonce()).isEqualTo(2);
    assertThat(aa.code()).isEqualTo(Bytes.fromHex("0x6001"));
    assertThat(aa.storage()).containsEntry(UInt256.ONE, UInt256.valueOf(2))
        .containsEntry(UInt256.valueOf(3), UInt256.valueOf(4));
    assertThat(g.alloc().get(Address.fromHex("0x00000000000000000000000000000000000000bb")).balance())
        .isEqualTo(UInt256.valueOf(5));
    // An account with nothing in it still exists in the genesis state.
    assertThat(g.toStateDatabase().account(Address.fromHex("0x00000000000000000000000000000000000000cc"))).isPresent();
  }

  @Test
  void rejectsMalformedGenesisFiles() {
    assertInvalid("{\"alloc\": {}}", "config: missing");
    assertInvalid("{\"config\": {}}", "config.chainId: missing");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"gasLimit\": \"0xzz\"}", "gasLimit");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"extraData\": \"1234\"}", "extraData: hex string without 0x");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"extraData\": \"0x123\"}", "odd number of digits");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"mixHash\": \"0x01\"}", "mixHash: expected 32 bytes");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"alloc\": {\"0x1234\": {}}}", "alloc.0x1234: an address has 40");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"alloc\": {\"00000000000000000000000000000000000000aa\":"
        + " {\"balance\": \"-1\"}}}", "balance: '-1' is not a decimal integer");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"alloc\": {\"00000000000000000000000000000000000000aa\":"
        + " {\"storage\": {\"0x01\": 2}}}}", "expected a hex string");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"alloc\": {\"aa00000000000000000000000000000000000000\": {},"
        + " \"0xaa00000000000000000000000000000000000000\": {}}}", "allocated twice");
    assertInvalid("{\"config\": {\"chainId\": 1}, \"alloc\": {\"00000000000000000000000000000000000000aa\":"
        + " {\"balance\": \"0x" + "1".repeat(65) + "\"}}}", "does not fit in 256 bits");
    assertThatThrownBy(() -> Genesis.fromFile(Path.of("/nonexistent/genesis.json")))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("cannot read");
  }

  private static void assertInvalid(String json, String messagePart) {
    assertThatThrownBy(() -> Genesis.fromJson(json)).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(messagePart);
  }
}
