package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linden.chain.block.Block;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A small Cancun chain on the persistent store with hand-assembled contracts, served by
 * {@link EthStateApi} through a dispatcher, for the tests of this package.
 *
 * <p>Genesis holds: {@link #STORE} (no calldata: returns slot 0; 32 bytes of calldata: stores
 * them in slot 0 first), {@link #BOOM} (reverts with {@code Error("boom")}), {@link #CUSTOM}
 * (reverts with the custom error {@code Unauthorized()}), {@link #PANIC} (reverts with
 * {@code Panic(0x11)}), {@link #READER} (returns STORE's value through a STATICCALL),
 * {@link #FORWARDER} (forwards its calldata to STORE with all its gas and reverts if that
 * fails), {@link #ENV} (returns NUMBER, TIMESTAMP, COINBASE, BASEFEE) and
 * {@link #INVALID} (executes INVALID). Block 1 stores 0x2a in STORE and sends 1 wei to
 * {@link #OTHER}; block 2 stores 0x2b and sends 2 wei; each transaction tips 2 gwei.
 */
final class StateTestChain {
  static final PrivateKey KEY =
      PrivateKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final Address SENDER = KEY.address();
  static final Address OTHER = Address.fromNumber(0xbeef);
  static final Address COINBASE = Address.fromNumber(0xc0);
  static final Address STORE = Address.fromNumber(0x1000);
  static final Address BOOM = Address.fromNumber(0x2000);
  static final Address CUSTOM = Address.fromNumber(0x3000);
  static final Address PANIC = Address.fromNumber(0x4000);
  static final Address READER = Address.fromNumber(0x5000);
  static final Address FORWARDER = Address.fromNumber(0x6000);
  static final Address ENV = Address.fromNumber(0x7000);
  static final Address INVALID = Address.fromNumber(0x8000);
  static final UInt256 TIP = UInt256.valueOf(2_000_000_000L);
  static final long CHAIN_ID = 1337;

  static final String STORE_CODE = "0x3615600b576000356000555b60005460005260206000f3";
  static final String BOOM_CODE = "0x7f08c379a0" + "00".repeat(28) + "600052"
      + "6020600452" + "6004602452" + "7f626f6f6d" + "00".repeat(28) + "604452" + "60646000fd";
  static final String CUSTOM_CODE = "0x7f82b42900" + "00".repeat(28) + "600052" + "60046000fd";
  static final String PANIC_CODE = "0x7f4e487b71" + "00".repeat(28) + "600052" + "6011600452" + "60246000fd";
  static final String READER_CODE = "0x6020600060006000" + "73" + STORE.toHex().substring(2) + "5afa50" + "60206000f3";
  static final String FORWARDER_CODE = "0x366000600037" + "60006000" + "366000" + "6000" + "73"
      + STORE.toHex().substring(2) + "5af1" + "602e57" + "60006000fd" + "5b00";
  static final String ENV_CODE = "0x4360005242602052416040524860605260806000f3";
  static final String INVALID_CODE = "0xfe";

  private static final String GENESIS = """
      {"config": {"chainId": %d, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
        "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
        "berlinBlock": 0, "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
        "shanghaiTime": 0, "cancunTime": 0},
       "gasLimit": "0x1c9c380", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
       "alloc": {
         "%s": {"balance": "0x56bc75e2d63100000"},
         "%s": {"code": "%s", "balance": "0x0", "storage": {"0x%s": "0x%s"}},
         "%s": {"code": "%s", "balance": "0x0"},
         "%s": {"code": "%s", "balance": "0x0"},
         "%s": {"code": "%s", "balance": "0x0"},
         "%s": {"code": "%s", "balance": "0x0"},
         "%s": {"code": "%s", "balance": "0x0"},
         "%s": {"code": "%s", "balance": "0x0"},
         "%s": {"code": "%s", "balance": "0x0"}}}
      """.formatted(CHAIN_ID, SENDER.toHex(), STORE.toHex(), STORE_CODE, "00".repeat(31) + "01", "00".repeat(31) + "05", BOOM.toHex(), BOOM_CODE,
      CUSTOM.toHex(), CUSTOM_CODE, PANIC.toHex(), PANIC_CODE, READER.toHex(), READER_CODE,
      FORWARDER.toHex(), FORWARDER_CODE, ENV.toHex(), ENV_CODE, INVALID.toHex(), INVALID_CODE);

  final Genesis genesis;
  final Blockchain chain;
  final RpcDispatcher rpc;
  final List<Block> blocks = new ArrayList<>();
  private final BlockBuilder builder;
  private InMemoryStateDatabase shadow;
  private long nonce;

  private StateTestChain(Function<Address, OptionalLong> pendingNonce, Supplier<Optional<EthStateApi.SyncStatus>> sync)
      throws Exception {
    genesis = Genesis.fromJson(GENESIS);
    chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    builder = new BlockBuilder(genesis.config());
    shadow = genesis.toStateDatabase();
    blocks.add(genesis.toBlock(shadow.stateRoot()));
    rpc = new RpcDispatcher(100);
    new EthStateApi(new BlockResolver(chain), pendingNonce, sync, EthStateApi.Config.DEFAULTS).register(rpc);
  }

  /** Genesis only. */
  static StateTestChain empty() throws Exception {
    return new StateTestChain(a -> OptionalLong.empty(), Optional::empty);
  }

  /** The chain of the class comment: genesis and two blocks. */
  static StateTestChain create() throws Exception {
    return create(a -> OptionalLong.empty(), Optional::empty);
  }

  static StateTestChain create(Function<Address, OptionalLong> pendingNonce,
      Supplier<Optional<EthStateApi.SyncStatus>> sync) throws Exception {
    StateTestChain c = new StateTestChain(pendingNonce, sync);
    c.addBlock(c.tx(STORE, 0, word(0x2a), 60_000), c.tx(OTHER, 1, Bytes.EMPTY, 21_000));
    c.addBlock(c.tx(STORE, 0, word(0x2b), 60_000), c.tx(OTHER, 2, Bytes.EMPTY, 21_000));
    return c;
  }

  static Bytes word(long v) {
    return UInt256.valueOf(v).toBytes32();
  }

  /** A signed EIP-1559 transaction from {@link #SENDER} with the next nonce, tipping {@link #TIP}. */
  Transaction tx(Address to, long value, Bytes data, long gas) {
    return tx(to, value, data, gas, TIP);
  }

  /** The same with another tip. */
  Transaction tx(Address to, long value, Bytes data, long gas, UInt256 tip) {
    return TransactionSigner.sign(new FeeMarketTransaction(CHAIN_ID, nonce++, tip, UInt256.valueOf(100_000_000_000L),
        gas, to, UInt256.valueOf(value), data, List.of(), 0, UInt256.ZERO, UInt256.ZERO), KEY);
  }

  /** Builds a block with {@code txs} on the head, imports it and returns it. */
  Block addBlock(Transaction... txs) throws Exception {
    Block parent = blocks.get(blocks.size() - 1);
    InMemoryStateDatabase before = shadow;
    BlockBuilder.Built built = builder.build(parent.header(), before, List.of(txs), parent.header().timestamp() + 12,
        COINBASE, n -> chain.store().canonicalHash(n).orElse(Hash.ZERO), changes -> {
          InMemoryStateDatabase copy = before.copy();
          copy.apply(changes);
          return copy.stateRoot();
        });
    InMemoryStateDatabase after = before.copy();
    after.apply(built.changes());
    assertThat(chain.importBlock(built.block())).isTrue();
    shadow = after;
    blocks.add(built.block());
    return built.block();
  }

  /** The whole response to {@code method} with {@code params} (strings, numbers, maps, lists). */
  JsonNode request(String method, Object... params) {
    ObjectNode req = RpcDispatcher.JSON.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", 1);
    req.put("method", method);
    ArrayNode array = req.putArray("params");
    for (Object p : params) {
      array.add(RpcDispatcher.JSON.valueToTree(p));
    }
    try {
      return RpcDispatcher.JSON.readTree(rpc.handle(req.toString(), RpcSession.NONE));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, Object... params) {
    JsonNode r = request(method, params);
    assertThat(r.has("error")).as("error in %s", r).isFalse();
    return r.get("result");
  }

  /** The error of a call that must fail. */
  JsonNode error(String method, Object... params) {
    JsonNode r = request(method, params);
    assertThat(r.has("error")).as("expected an error, got %s", r).isTrue();
    return r.get("error");
  }
}
