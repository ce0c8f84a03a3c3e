package org.linden.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.config.InvalidConfigException;
import org.linden.chain.config.Milestone;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.execution.BlockImporter;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.config.GenesisAccount;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.store.Blockchain;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.UInt256;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * BlockchainTests and execution-spec-tests blockchain tests: each test imports its blocks
 * on its genesis and passes when every valid block imports, every block with
 * {@code expectException} is rejected, the head is {@code lastblockhash} and the state is
 * {@code postState} (or has {@code postStateHash}).
 */
public final class BlockchainTestRunner implements FixtureRunner {
  private static final Pattern TRANSITION = Pattern.compile("(\\w+?)To(\\w+?)AtTime(\\d+)k");

  private final boolean persistent;

  /** Imports with the in-memory importer. */
  public BlockchainTestRunner() {
    this(false);
  }

  /**
   * With {@code persistent}, imports through the node's on-disk chain ({@link Blockchain}
   * over an in-memory key-value store): flat state, path-keyed tries, reverse diffs, reorgs.
   */
  public BlockchainTestRunner(boolean persistent) {
    this.persistent = persistent;
  }

  @Override
  public String suite() {
    return "BlockchainTests";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return FixtureShape.everyCaseHas(root, "blocks", "genesisBlockHeader", "network");
  }

  @Override
  public List<CaseResult> run(Path file, JsonNode root, ForkFilter forks) {
    List<CaseResult> results = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode t = e.getValue();
      String network = t.get("network").asText();
      if (!forks.includes(network) && !forks.includes(finalForkName(network))) {
        continue;
      }
      Optional<ChainConfig> config;
      try {
        config = config(network, t.get("config"));
      } catch (InvalidConfigException ex) {
        results.add(CaseResult.fail(e.getKey(), suite(), network, "bad config: " + ex.getMessage()));
        continue;
      }
      if (config.isEmpty()) {
        results.add(CaseResult.skip(e.getKey(), suite(), network, "network not implemented"));
        continue;
      }
      results.add(CaseResult.of(e.getKey(), suite(), network,
          () -> persistent ? runPersistent(t, config.get()) : runTest(t, config.get())));
    }
    return results;
  }

  private static String finalForkName(String network) {
    Matcher m = TRANSITION.matcher(network);
    return m.matches() ? m.group(2) : network;
  }

  /** Something blocks are imported into: the in-memory importer or the persistent chain. */
  private interface BlockSink {
    void importBlock(Block block) throws BlockValidationException;

    BlockHeader head();
  }

  /** Imports the test's blocks; null if every block met its expectation, else what went wrong. */
  private static String importBlocks(JsonNode t, BlockSink sink) {
    int index = 0;
    for (JsonNode b : t.get("blocks")) {
      boolean expectInvalid = b.has("expectException");
      String outcome;
      try {
        sink.importBlock(Block.decode(Bytes.fromHex(b.get("rlp").asText())));
        outcome = null;
      } catch (InvalidBlockException | BlockValidationException | IllegalArgumentException ex) {
        outcome = ex.getMessage();
      }
      if (expectInvalid && outcome == null) {
        return "block " + index + " imported but should fail with " + b.get("expectException").asText();
      }
      if (!expectInvalid && outcome != null) {
        return "block " + index + " rejected: " + outcome;
      }
      index++;
    }
    Hash last = Hash.fromHex(t.get("lastblockhash").asText());
    if (!sink.head().hash().equals(last)) {
      return "head " + sink.head().hash() + " (block " + sink.head().number() + "), expected " + last;
    }
    return null;
  }

  private static String runTest(JsonNode t, ChainConfig config) throws Exception {
    Block genesisBlock = Block.decode(Bytes.fromHex(t.get("genesisRLP").asText()));
    BlockHeader genesis = genesisBlock.header();
    Hash expectedGenesis = Hash.fromHex(t.get("genesisBlockHeader").get("hash").asText());
    if (!genesis.hash().equals(expectedGenesis)) {
      return "genesis hash " + genesis.hash() + ", expected " + expectedGenesis;
    }
    InMemoryStateDatabase pre = StateTestRunner.preState(t.get("pre"));
    if (!pre.stateRoot().equals(genesis.stateRoot())) {
      return "pre-state root " + pre.stateRoot() + " does not match the genesis state root " + genesis.stateRoot();
    }
    BlockImporter importer = new BlockImporter(config, genesis, pre);
    String failure = importBlocks(t, new BlockSink() {
      @Override
      public void importBlock(Block block) throws BlockValidationException {
        importer.importBlock(block);
      }

      @Override
      public BlockHeader head() {
        return importer.head();
      }
    });
    if (failure != null) {
      return failure;
    }
    InMemoryStateDatabase state = importer.headState();
    if (t.has("postStateHash")) {
      Hash want = Hash.fromHex(t.get("postStateHash").asText());
      return state.stateRoot().equals(want) ? null : "post-state root " + state.stateRoot() + ", expected " + want;
    }
    if (t.has("postState")) {
      Hash want = StateTestRunner.preState(t.get("postState")).stateRoot();
      if (!state.stateRoot().equals(want)) {
        return "post-state root " + state.stateRoot() + ", expected " + want + "; "
            + StateDiff.describe(state, t.get("postState"));
      }
    }
    return null;
  }

  private static String runPersistent(JsonNode t, ChainConfig config) throws Exception {
    Block genesisBlock = Block.decode(Bytes.fromHex(t.get("genesisRLP").asText()));
    Map<org.linden.types.Address, GenesisAccount> alloc = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = t.get("pre").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> slots = new HashMap<>();
      if (a.has("storage")) {
        a.get("storage").fields().forEachRemaining(
            s -> slots.put(StateTestRunner.word(s.getKey()), StateTestRunner.word(s.getValue().asText())));
      }
      alloc.put(org.linden.types.Address.fromHex(e.getKey()), new GenesisAccount(
          StateTestRunner.hexLong(a.get("nonce").asText()), StateTestRunner.word(a.get("balance").asText()),
          Bytes.wrap(org.linden.types.Hex.decodeLenient(a.get("code").asText())), slots));
    }
    Blockchain chain = Blockchain.open(new InMemoryKeyValueStore(), config, genesisBlock.header(), alloc);
    String failure = importBlocks(t, new BlockSink() {
      @Override
      public void importBlock(Block block) throws BlockValidationException {
        chain.importBlock(block);
      }

      @Override
      public BlockHeader head() {
        return chain.head();
      }
    });
    if (failure != null) {
      return failure;
    }
    Hash root = chain.state().stateRoot();
    Hash want = t.has("postStateHash") ? Hash.fromHex(t.get("postStateHash").asText())
        : t.has("postState") ? StateTestRunner.preState(t.get("postState")).stateRoot() : root;
    return root.equals(want) ? null : "post-state root " + root + ", expected " + want;
  }

  /** The chain configuration a fixture's network name stands for, with the fixture's blob schedule. */
  static Optional<ChainConfig> config(String network, JsonNode fixtureConfig) throws InvalidConfigException {
    long chainId = fixtureConfig != null && fixtureConfig.has("chainid")
        ? StateTestRunner.hexLong(fixtureConfig.get("chainid").asText())
        : 1;
    Matcher m = TRANSITION.matcher(network);
    String from = m.matches() ? m.group(1) : network;
    String to = m.matches() ? m.group(2) : null;
    long at = m.matches() ? Long.parseLong(m.group(3)) * 1000 : 0;
    Optional<Milestone> fromMilestone = milestone(from);
    if (fromMilestone.isEmpty() || (to != null && milestone(to).isEmpty())) {
      return Optional.empty();
    }
    ChainConfig.Builder b = ChainConfig.builder(chainId);
    Fork base = fromMilestone.get().rules().orElseThrow();
    for (Milestone ms : Milestone.values()) {
      Fork needed = ms == Milestone.EIP155 ? Fork.SPURIOUS_DRAGON : ms.rules().orElse(null);
      if (!ms.isOptional() && needed != null && base.isAtLeast(needed)) {
        b.activate(ms, 0);
      }
      if (ms == fromMilestone.get()) {
        b.activate(ms, 0);
        break;
      }
    }
    if (base.isAtLeast(Fork.PARIS)) {
      b.terminalTotalDifficulty(org.linden.types.UInt256.ZERO).terminalTotalDifficultyPassed(true);
    }
    if (to != null) {
      b.activate(milestone(to).get(), at);
    }
    if (fixtureConfig != null && fixtureConfig.has("blobSchedule")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = fixtureConfig.get("blobSchedule").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<Milestone> ms = milestone(e.getKey());
        if (ms.isPresent() && ms.get().blobScheduleKey().isPresent()) {
          JsonNode s = e.getValue();
          b.blobSchedule(ms.get(), new BlobSchedule((int) StateTestRunner.hexLong(s.get("target").asText()),
              (int) StateTestRunner.hexLong(s.get("max").asText()),
              StateTestRunner.hexLong(s.get("baseFeeUpdateFraction").asText())));
        }
      }
    } else {
      for (Milestone ms : new Milestone[] {Milestone.CANCUN, Milestone.PRAGUE, Milestone.OSAKA}) {
        b.blobSchedule(ms, BlobSchedule.defaultFor(ms.rules().orElseThrow()));
      }
    }
    return Optional.of(b.build());
  }

  private static final Map<String, Milestone> NAMES = new HashMap<>();

  static {
    NAMES.put("frontier", null);
    NAMES.put("homestead", Milestone.HOMESTEAD);
    NAMES.put("eip150", Milestone.TANGERINE_WHISTLE);
    NAMES.put("eip158", Milestone.SPURIOUS_DRAGON);
    NAMES.put("byzantium", Milestone.BYZANTIUM);
    NAMES.put("constantinople", Milestone.CONSTANTINOPLE);
    NAMES.put("constantinoplefix", Milestone.PETERSBURG);
    NAMES.put("petersburg", Milestone.PETERSBURG);
    NAMES.put("istanbul", Milestone.ISTANBUL);
    NAMES.put("berlin", Milestone.BERLIN);
    NAMES.put("london", Milestone.LONDON);
    NAMES.put("paris", Milestone.MERGE_NETSPLIT);
    NAMES.put("merge", Milestone.MERGE_NETSPLIT);
    NAMES.put("shanghai", Milestone.SHANGHAI);
    NAMES.put("cancun", Milestone.CANCUN);
    NAMES.put("prague", Milestone.PRAGUE);
    NAMES.put("osaka", Milestone.OSAKA);
    NAMES.put("bpo1", Milestone.BPO1);
    NAMES.put("bpo2", Milestone.BPO2);
    NAMES.put("bpo3", Milestone.BPO3);
    NAMES.put("bpo4", Milestone.BPO4);
    NAMES.put("bpo5", Milestone.BPO5);
  }

  private static Optional<Milestone> milestone(String name) {
    return Optional.ofNullable(NAMES.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
