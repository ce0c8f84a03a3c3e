package org.linden.chain.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.config.Json.Field;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A geth-format {@code genesis.json}: the chain configuration, the fields of the genesis
 * header and the initial allocation. {@link #toHeader(Hash)} builds the header exactly as
 * geth's {@code Genesis.ToBlock} does, so the genesis hash (and with it the chain's identity
 * on the network) is the same as geth's for the same file.
 *
 * <p>Numbers are accepted as geth accepts them (JSON integers, or strings in hex with
 * {@code 0x} or in decimal); byte strings need {@code 0x}. Unknown top-level keys are
 * ignored, as geth ignores them; an unknown key inside an account is an error, because it
 * would otherwise silently change the state (old test files spell the balance {@code wei}).
 *
 * @param config the chain configuration
 * @param nonce the header's proof-of-work nonce (unsigned 64-bit)
 * @param timestamp the header's timestamp
 * @param extraData the header's extra data
 * @param gasLimit the header's gas limit; 0 means geth's default of 4,712,388
 * @param difficulty the header's difficulty, or null when the file does not give one
 * @param mixHash the header's mix hash / prev_randao
 * @param coinbase the header's beneficiary
 * @param alloc the initial accounts, sorted by address
 * @param number the header's number (non-zero only in consensus tests)
 * @param gasUsed the header's gas used (consensus tests)
 * @param parentHash the header's parent hash (consensus tests)
 * @param baseFeePerGas the header's base fee, or null for the London default of 1 gwei
 * @param excessBlobGas the header's excess blob gas, or null for 0 when Cancun is active
 * @param blobGasUsed the header's blob gas used, or null for 0 when Cancun is active
 */
public record Genesis(
    ChainConfig config,
    long nonce,
    long timestamp,
    Bytes extraData,
    long gasLimit,
    UInt256 difficulty,
    Hash mixHash,
    Address coinbase,
    Map<Address, GenesisAccount> alloc,
    long number,
    long gasUsed,
    Hash parentHash,
    UInt256 baseFeePerGas,
    Long excessBlobGas,
    Long blobGasUsed) {

  /** geth's {@code params.GenesisGasLimit}, used when the file gives 0 or nothing. */
  public static final long DEFAULT_GAS_LIMIT = 4_712_388L;
  /** geth's {@code params.GenesisDifficulty}, for a proof-of-work genesis without a difficulty. */
  public static final UInt256 DEFAULT_DIFFICULTY = UInt256.valueOf(131_072L);
  /** EIP-1559's INITIAL_BASE_FEE: 1 gwei, the base fee of a London genesis that names none. */
  public static final UInt256 INITIAL_BASE_FEE = UInt256.valueOf(1_000_000_000L);

  public Genesis {
    if (config == null || extraData == null || mixHash == null || coinbase == null || alloc == null
        || parentHash == null) {
      throw new IllegalArgumentException("genesis fields other than the optional header fields must not be null");
    }
    alloc = Collections.unmodifiableMap(new TreeMap<>(alloc));
  }

  /** Parses a genesis file; its {@code config} object is required. */
  public static Genesis fromJson(String json) throws InvalidConfigException {
    return fromJson(json, null);
  }

  /**
   * Parses a genesis file, using {@code configIfAbsent} when the file has no {@code config}
   * object (old test vectors). A null {@code configIfAbsent} makes the object required.
   */
  public static Genesis fromJson(String json, ChainConfig configIfAbsent) throws InvalidConfigException {
    JsonNode root = Json.parse(json, "genesis");
    Map<String, Field> f = Json.fields(root, "");
    Field configField = f.get("config");
    ChainConfig config;
    if (configField != null) {
      config = ChainConfig.fromNode(configField.value(), configField.path());
    } else if (configIfAbsent != null) {
      config = configIfAbsent;
    } else {
      throw new InvalidConfigException("config: missing; a genesis file needs a chain configuration");
    }
    return new Genesis(
        config,
        u64(f, "nonce"),
        u64(f, "timestamp"),
        f.containsKey("extradata") ? Json.hexBytes(f.get("extradata")) : Bytes.EMPTY,
        u64(f, "gaslimit"),
        f.containsKey("difficulty") ? Json.u256(f.get("difficulty")) : null,
        f.containsKey("mixhash") ? Json.hash(f.get("mixhash")) : Hash.ZERO,
        f.containsKey("coinbase") ? Json.address(f.get("coinbase")) : Address.ZERO,
        f.containsKey("alloc") ? readAlloc(f.get("alloc")) : Map.of(),
        u64(f, "number"),
        u64(f, "gasused"),
        f.containsKey("parenthash") ? Json.hash(f.get("parenthash")) : Hash.ZERO,
        f.containsKey("basefeepergas") ? Json.u256(f.get("basefeepergas")) : null,
        f.containsKey("excessblobgas") ? Json.u64(f.get("excessblobgas")) : null,
        f.containsKey("blobgasused") ? Json.u64(f.get("blobgasused")) : null);
  }

  /** Reads and parses a genesis file. */
  public static Genesis fromFile(Path path) throws InvalidConfigException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigException(path + ": cannot read the genesis file: " + e.getMessage(), e);
    }
    try {
      return fromJson(text);
    } catch (InvalidConfigException e) {
      throw new InvalidConfigException(path + ": " + e.getMessage(), e);
    }
  }

  private static long u64(Map<String, Field> f, String key) throws InvalidConfigException {
    Field field = f.get(key);
    return field == null ? 0 : Json.u64(field);
  }

  private static Map<Address, GenesisAccount> readAlloc(Field allocField) throws InvalidConfigException {
    JsonNode node = allocField.value();
    if (!node.isObject()) {
      throw new InvalidConfigException(allocField.path() + ": expected an object of address → account, got "
          + Json.kind(node));
    }
    Map<Address, GenesisAccount> alloc = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = allocField.path() + "." + e.getKey();
      Address address = Json.addressKey(e.getKey(), path);
      if (alloc.containsKey(address)) {
        throw new InvalidConfigException(path + ": address allocated twice");
      }
      alloc.put(address, readAccount(e.getValue(), path));
    }
    return alloc;
  }

  private static GenesisAccount readAccount(JsonNode node, String path) throws InvalidConfigException {
    Map<String, Field> f = Json.fields(node, path);
    long nonce = 0;
    UInt256 balance = UInt256.ZERO;
    Bytes code = Bytes.EMPTY;
    Map<UInt256, UInt256> storage = new HashMap<>();
    for (Map.Entry<String, Field> e : f.entrySet()) {
      Field field = e.getValue();
      switch (e.getKey()) {
        case "nonce" -> nonce = Json.u64(field);
        case "balance" -> balance = Json.u256(field);
        case "code" -> code = Json.hexBytes(field);
        case "storage" -> storage = readStorage(field);
        case "secretkey" -> {
          // geth's test-only private key of the account; it does not affect the state.
        }
        default -> throw new InvalidConfigException(field.path()
            + ": unknown account field; expected balance, nonce, code or storage");
      }
    }
    return new GenesisAccount(nonce, balance, code, storage);
  }

  private static Map<UInt256, UInt256> readStorage(Field field) throws InvalidConfigException {
    JsonNode node = field.value();
    if (!node.isObject()) {
      throw new InvalidConfigException(field.path() + ": expected an object of slot → value, got " + Json.kind(node));
    }
    Map<UInt256, UInt256> storage = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = field.path() + "." + e.getKey();
      UInt256 slot = Json.storageWord(e.getKey(), path);
      if (!e.getValue().isTextual()) {
        throw new InvalidConfigException(path + ": expected a hex string, got " + Json.kind(e.getValue()));
      }
      if (storage.put(slot, Json.storageWord(e.getValue().textValue(), path)) != null) {
        throw new InvalidConfigException(path + ": slot written twice");
      }
    }
    return storage;
  }

  /** The EVM rules of the genesis block. */
  public Fork fork() {
    return config.forkAt(number, timestamp);
  }

  /**
   * The genesis state, in memory. Every allocated account is created, even an empty one,
   * as geth does (genesis state is built without EIP-161's removal of empty accounts).
   */
  public InMemoryStateDatabase toStateDatabase() {
    InMemoryStateDatabase db = new InMemoryStateDatabase();
    alloc.forEach((address, a) -> db.putAccount(address, a.nonce(), a.balance(), a.code(), a.storage()));
    return db;
  }

  /** The genesis header, with the state root computed from {@link #alloc()} in memory. */
  public BlockHeader toHeader() {
    return toHeader(toStateDatabase().stateRoot());
  }

  /**
   * The genesis header for a state root computed elsewhere (a persistent store filled from
   * {@link #alloc()}, or a known root such as mainnet's). The fork-dependent fields are the
   * ones geth sets: base fee (London at block 0), withdrawals root (Shanghai), blob gas
   * fields and a zero parent beacon block root (Cancun), the empty requests hash (Prague).
   */
  public BlockHeader toHeader(Hash stateRoot) {
    Fork fork = fork();
    BlockHeader.Builder h = BlockHeader.builder()
        .parentHash(parentHash)
        .coinbase(coinbase)
        .stateRoot(stateRoot)
        .difficulty(headerDifficulty())
        .number(number)
        .gasLimit(gasLimit == 0 ? DEFAULT_GAS_LIMIT : gasLimit)
        .gasUsed(gasUsed)
        .timestamp(timestamp)
        .extraData(extraData)
        .mixHash(mixHash)
        .nonce(nonceBytes());
    // geth asks whether London is active at block 0, whatever the genesis number.
    if (config.forkAt(0, timestamp).isAtLeast(Fork.LONDON)) {
      h.baseFeePerGas(baseFeePerGas != null ? baseFeePerGas : INITIAL_BASE_FEE);
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      h.withdrawalsRoot(BlockRoots.EMPTY_TRIE_ROOT);
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      // EIP-4788: the genesis block has no parent, so its parent beacon block root is zero.
      h.parentBeaconBlockRoot(Hash.ZERO)
          .excessBlobGas(excessBlobGas != null ? excessBlobGas : 0L)
          .blobGasUsed(blobGasUsed != null ? blobGasUsed : 0L);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      h.requestsHash(BlockRoots.EMPTY_REQUESTS_HASH);
    }
    return h.build();
  }

  /**
   * geth: a missing difficulty is 0 for a chain without an ethash section (a proof-of-stake
   * or clique genesis), otherwise 131,072 when the mix hash is zero.
   */
  private UInt256 headerDifficulty() {
    if (difficulty != null) {
      return difficulty;
    }
    if (config.section("ethash").isEmpty()) {
      return UInt256.ZERO;
    }
    return mixHash.equals(Hash.ZERO) ? DEFAULT_DIFFICULTY : UInt256.ZERO;
  }

  private Bytes nonceBytes() {
    byte[] b = new byte[BlockHeader.NONCE_SIZE];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (nonce >>> (56 - 8 * i));
    }
    return Bytes.wrap(b);
  }

  /** The genesis block: its header and an empty body (with an empty withdrawals list from Shanghai on). */
  public Block toBlock(Hash stateRoot) {
    BlockHeader header = toHeader(stateRoot);
    BlockBody body = header.withdrawalsRoot() != null
        ? new BlockBody(List.of(), List.of(), List.of())
        : BlockBody.EMPTY;
    return new Block(header, body);
  }

  /** The genesis block with the state root computed in memory. */
  public Block toBlock() {
    return toBlock(toStateDatabase().stateRoot());
  }

  /** The genesis hash, the chain's identity (state root computed in memory). */
  public Hash hash() {
    return toHeader().hash();
  }
}
