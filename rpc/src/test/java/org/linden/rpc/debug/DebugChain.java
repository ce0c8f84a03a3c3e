package org.linden.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockProcessor;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
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
 * A Prague chain for the debug namespace, built with {@link BlockBuilder} and imported into
 * a persistent {@link Blockchain}. Hand-assembled contracts in the genesis:
 *
 * <ul>
 *   <li>{@link #LOGGER}: {@code LOG1(word0 of the call data, TOPIC)}:
 *       {@code PUSH1 0 CALLDATALOAD PUSH1 0 MSTORE PUSH32 TOPIC PUSH1 32 PUSH1 0 LOG1 STOP};
 *   <li>{@link #CALLER}: calls LOGGER with its own call data and stores the call's success
 *       in slot 0: {@code CALLDATACOPY(0, 0, CALLDATASIZE) CALL(GAS, LOGGER, 0, 0, CALLDATASIZE, 0, 0)
 *       SSTORE(0, success) STOP};
 *   <li>{@link #REVERTER}: {@code REVERT(0, 0)};
 *   <li>at the EIP-2935 history address, a stand-in that stores the system call's data (the
 *       parent hash) at slot NUMBER, and returns slot NUMBER to anyone else: a trace of a call
 *       to it shows the parent hash only if the system call was replayed first;
 *   <li>{@code STOP} at the withdrawal and consolidation request addresses, which Prague
 *       requires to hold code.
 * </ul>
 *
 * Blocks: 1 = a transfer, a call of CALLER, a call of REVERTER and a call of the history
 * stand-in; 2 = a legacy call of LOGGER and a creation whose init code logs; 3 = empty.
 */
final class DebugChain {
  static final PrivateKey KEY =
      PrivateKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final Address SENDER = KEY.address();
  static final Address LOGGER = Address.fromNumber(0xaaaa);
  static final Address CALLER = Address.fromNumber(0xcccc);
  static final Address REVERTER = Address.fromNumber(0xdddd);
  static final Address X = Address.fromNumber(0x1111);
  static final Address COINBASE = Address.fromNumber(0xc0);
  static final Hash TOPIC = Hash.fromHex("0x" + "e1".repeat(32));
  static final long CHAIN_ID = 1337;
  static final UInt256 MAX_FEE = UInt256.valueOf(100_000_000_000L);
  static final UInt256 TIP = UInt256.valueOf(2_000_000_000L);

  static final Bytes LOGGER_CODE = Bytes.fromHex("0x600035600052" + "7f" + TOPIC.bytes().toUnprefixedHex()
      + "60206000a100");
  static final Bytes CALLER_CODE = Bytes.fromHex("0x366000600037" + "60006000366000600073"
      + LOGGER.bytes().toUnprefixedHex() + "5af1" + "600055" + "00");
  static final Bytes REVERTER_CODE = Bytes.fromHex("0x60006000fd");
  static final Bytes HISTORY_CODE = Bytes.fromHex("0x33"
      + "73" + BlockProcessor.SYSTEM_ADDRESS.bytes().toUnprefixedHex()
      + "14602457" + "4354600052" + "60206000f3" + "5b" + "600035435500");
  /** Init code: {@code LOG1(0, 0, TOPIC)}, then deploy the one-byte code {@code STOP}. */
  static final Bytes INIT_CODE = Bytes.fromHex("0x7f" + TOPIC.bytes().toUnprefixedHex() + "60006000a1"
      + "6000600053" + "60016000f3");

  private static final String GENESIS = """
      {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
        "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
        "berlinBlock": 0, "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
        "shanghaiTime": 0, "cancunTime": 0, "pragueTime": 0},
       "gasLimit": "0x1c9c380", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
       "alloc": {"%s": {"balance": "0x56bc75e2d63100000"},
                 "%s": {"balance": "0x0", "code": "%s"},
                 "%s": {"balance": "0x0", "code": "%s"},
                 "%s": {"balance": "0x0", "code": "%s"},
                 "%s": {"balance": "0x0", "code": "%s"},
                 "%s": {"balance": "0x0", "code": "0x00"},
                 "%s": {"balance": "0x0", "code": "0x00"}}}
      """;

  /** A block and the state after it, so that further blocks can be built on it. */
  record Node(Block block, InMemoryStateDatabase state) {
    BlockHeader header() {
      return block.header();
    }
  }

  final Genesis genesis;
  final BlockBuilder builder;
  final Blockchain chain;
  final RpcDispatcher rpc = new RpcDispatcher(100);
  final List<Node> blocks = new ArrayList<>();
  private long nonce;

  DebugChain() {
    this(DebugOptions.DEFAULTS);
  }

  DebugChain(DebugOptions options) {
    try {
      genesis = Genesis.fromJson(GENESIS.formatted(SENDER.toHex(), LOGGER.toHex(), LOGGER_CODE.toHex(),
          CALLER.toHex(), CALLER_CODE.toHex(), REVERTER.toHex(), REVERTER_CODE.toHex(),
          BlockProcessor.HISTORY_STORAGE_ADDRESS.toHex(), HISTORY_CODE.toHex(),
          BlockProcessor.WITHDRAWAL_REQUEST_ADDRESS.toHex(), BlockProcessor.CONSOLIDATION_REQUEST_ADDRESS.toHex()));
      builder = new BlockBuilder(genesis.config());
      chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    InMemoryStateDatabase state = genesis.toStateDatabase();
    blocks.add(new Node(genesis.toBlock(state.stateRoot()), state));
    new DebugApi(new BlockResolver(chain), h -> java.util.Optional.empty(), options).register(rpc);
  }

  /** Imports blocks 1 to 3 described above. */
  DebugChain buildStandardChain() {
    importBlock(List.of(transfer(X, 1), call(CALLER, word(7)), call(REVERTER, Bytes.EMPTY),
        call(BlockProcessor.HISTORY_STORAGE_ADDRESS, Bytes.EMPTY)));
    importBlock(List.of(legacyCall(LOGGER, word(9)), create(INIT_CODE)));
    importBlock(List.of());
    return this;
  }

  Node importBlock(List<Transaction> txs) {
    Node parent = blocks.getLast();
    try {
      BlockBuilder.Built built = builder.build(parent.header(), parent.state(), txs,
          parent.header().timestamp() + 12, COINBASE, n -> Hash.ZERO, changes -> {
            InMemoryStateDatabase copy = parent.state().copy();
            copy.apply(changes);
            return copy.stateRoot();
          });
      InMemoryStateDatabase state = parent.state().copy();
      state.apply(built.changes());
      Node n = new Node(built.block(), state);
      chain.importBlock(n.block());
      blocks.add(n);
      return n;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Block block(int number) {
    return blocks.get(number).block();
  }

  Transaction tx(int block, int index) {
    return block(block).transactions().get(index);
  }

  /** The gas each transaction of the block used, from its stored receipts. */
  long[] receiptGas(int number) {
    List<Receipt> receipts = chain.store().receipts(block(number).hash()).orElseThrow();
    long[] out = new long[receipts.size()];
    long before = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = receipts.get(i).cumulativeGasUsed() - before;
      before = receipts.get(i).cumulativeGasUsed();
    }
    return out;
  }

  Transaction transfer(Address to, long value) {
    return sign(to, UInt256.valueOf(value), Bytes.EMPTY, 21_000);
  }

  Transaction call(Address to, Bytes data) {
    return sign(to, UInt256.ZERO, data, 200_000);
  }

  Transaction create(Bytes initCode) {
    return sign(null, UInt256.ZERO, initCode, 200_000);
  }

  Transaction legacyCall(Address to, Bytes data) {
    return TransactionSigner.signLegacy(LegacyTransaction.unsigned(nonce++, MAX_FEE, 100_000, to, UInt256.ZERO,
        data), OptionalLong.of(CHAIN_ID), KEY);
  }

  private Transaction sign(Address to, UInt256 value, Bytes data, long gas) {
    return TransactionSigner.sign(new FeeMarketTransaction(CHAIN_ID, nonce++, TIP, MAX_FEE, gas, to, value, data,
        List.of(), 0, UInt256.ZERO, UInt256.ZERO), KEY);
  }

  static Bytes word(long w) {
    return UInt256.valueOf(w).toBytes32();
  }

  // ---- calling the API ----

  /** Calls {@code method} and returns the whole response object. */
  JsonNode response(String method, Object... params) {
    ObjectNode request = RpcDispatcher.JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(RpcDispatcher.JSON.valueToTree(p));
    }
    return rpc.handleOne(request, RpcSession.NONE);
  }

  /** Calls {@code method} and returns its result, failing on an error response. */
  JsonNode result(String method, Object... params) {
    JsonNode r = response(method, params);
    assertThat(r.has("error")).as("%s: %s", method, r).isFalse();
    return r.get("result");
  }

  /** Calls {@code method} and returns its error object, failing on a result. */
  JsonNode error(String method, Object... params) {
    JsonNode r = response(method, params);
    assertThat(r.has("error")).as("%s: %s", method, r).isTrue();
    return r.get("error");
  }

  /** A JSON object from text, for trace options and call objects. */
  static JsonNode json(String text) {
    try {
      return RpcDispatcher.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
