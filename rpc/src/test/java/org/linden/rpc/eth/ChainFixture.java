package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.Genesis;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.AccessListTransaction;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.crypto.PrivateKey;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A small Cancun chain on the persistent store, built with {@link BlockBuilder}: two
 * logging contracts in the genesis allocation and five blocks of transfers, log-emitting
 * calls of every common type and a contract creation whose init code logs.
 *
 * <p>The logging contracts' runtime code emits {@code LOG2(mem[0..32], EMITTED, word1)}
 * with {@code mem[0..32] = word0} of the call data:
 * {@code PUSH1 32 CALLDATALOAD PUSH32 EMITTED PUSH1 0 CALLDATALOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 LOG2 STOP}.
 */
final class ChainFixture {
  static final PrivateKey KEY =
      PrivateKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final Address SENDER = KEY.address();
  static final Address LOGGER_A = Address.fromNumber(0xaaaa);
  static final Address LOGGER_B = Address.fromNumber(0xbbbb);
  static final Address X = Address.fromNumber(0x1111);
  static final Address Y = Address.fromNumber(0x2222);
  static final Address COINBASE = Address.fromNumber(0xc0);
  static final Hash EMITTED = Hash.fromHex("0x" + "e1".repeat(32));
  static final Hash INIT = Hash.fromHex("0x" + "17".repeat(32));
  static final Hash ALICE = Hash.fromHex("0x" + "00".repeat(31) + "a1");
  static final Hash BOB = Hash.fromHex("0x" + "00".repeat(31) + "b0");
  static final long CHAIN_ID = 1337;
  static final UInt256 MAX_FEE = UInt256.valueOf(100_000_000_000L);
  static final UInt256 TIP = UInt256.valueOf(2_000_000_000L);

  static final Bytes LOGGER_CODE = Bytes.fromHex("0x602035" + "7f" + EMITTED.bytes().toUnprefixedHex()
      + "600035" + "600052" + "6020" + "6000" + "a2" + "00");
  /** Init code: {@code LOG1(0, 0, INIT)} and deploy nothing. */
  static final Bytes LOGGING_INIT_CODE = Bytes.fromHex("0x7f" + INIT.bytes().toUnprefixedHex() + "6000" + "6000"
      + "a1" + "00");

  private static final String GENESIS = """
      {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
        "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
        "berlinBlock": 0, "londonBlock": 0, "mergeNetsplitBlock": 0, "terminalTotalDifficulty": 0,
        "shanghaiTime": 0, "cancunTime": 0},
       "gasLimit": "0x1c9c380", "difficulty": "0x0", "baseFeePerGas": "0x3b9aca00",
       "alloc": {"%s": {"balance": "0x56bc75e2d63100000"},
                 "%s": {"balance": "0x0", "code": "%s"},
                 "%s": {"balance": "0x0", "code": "%s"}}}
      """;

  /** A block and the state after it, so that further blocks can be built on it. */
  record Node(Block block, InMemoryStateDatabase state) {
    BlockHeader header() {
      return block.header();
    }

    Hash hash() {
      return block.hash();
    }
  }

  final Genesis genesis;
  final BlockBuilder builder;
  final Blockchain chain;
  final Node genesisNode;
  /** The canonical blocks 0..5 of the standard chain, after {@link #buildStandardChain}. */
  final Node[] blocks = new Node[6];

  ChainFixture() {
    try {
      genesis = Genesis.fromJson(GENESIS.formatted(SENDER.toHex(), LOGGER_A.toHex(), LOGGER_CODE.toHex(),
          LOGGER_B.toHex(), LOGGER_CODE.toHex()));
      builder = new BlockBuilder(genesis.config());
      chain = Blockchain.open(new InMemoryKeyValueStore(), genesis);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    InMemoryStateDatabase state = genesis.toStateDatabase();
    genesisNode = new Node(genesis.toBlock(state.stateRoot()), state);
    blocks[0] = genesisNode;
  }

  /**
   * Imports the standard chain:
   * <ol>
   *   <li>an EIP-1559 transfer to X and an EIP-155 legacy transfer to Y;
   *   <li>calls emitting (A, word 1, ALICE) and (B, word 2, BOB);
   *   <li>a contract creation whose init code logs INIT, and an EIP-2930 call emitting (A, word 3, BOB);
   *   <li>nothing;
   *   <li>a call emitting (A, word 4, ALICE).
   * </ol>
   */
  ChainFixture buildStandardChain() {
    blocks[1] = importChild(genesisNode, List.of(transfer(0, X, 1), legacy(1, Y, 2)));
    blocks[2] = importChild(blocks[1], List.of(emit(2, LOGGER_A, 1, ALICE), emit(3, LOGGER_B, 2, BOB)));
    blocks[3] = importChild(blocks[2], List.of(create(4, LOGGING_INIT_CODE), emitAccessList(5, LOGGER_A, 3, BOB)));
    blocks[4] = importChild(blocks[3], List.of());
    blocks[5] = importChild(blocks[4], List.of(emit(6, LOGGER_A, 4, ALICE)));
    return this;
  }

  Node importChild(Node parent, List<Transaction> txs) {
    Node n = child(parent, txs, 12);
    importBlock(n);
    return n;
  }

  void importBlock(Node n) {
    try {
      chain.importBlock(n.block());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A child block built on {@code parent} (not imported); another time step gives another branch. */
  Node child(Node parent, List<Transaction> txs, long timeStep) {
    try {
      BlockBuilder.Built built = builder.build(parent.header(), parent.state(), txs,
          parent.header().timestamp() + timeStep, COINBASE, n -> Hash.ZERO, changes -> {
            InMemoryStateDatabase copy = parent.state().copy();
            copy.apply(changes);
            return copy.stateRoot();
          });
      InMemoryStateDatabase state = parent.state().copy();
      state.apply(built.changes());
      return new Node(built.block(), state);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Transaction transfer(long nonce, Address to, long value) {
    return TransactionSigner.sign(new FeeMarketTransaction(CHAIN_ID, nonce, TIP, MAX_FEE, 21_000, to,
        UInt256.valueOf(value), Bytes.EMPTY, List.of(), 0, UInt256.ZERO, UInt256.ZERO), KEY);
  }

  static Transaction legacy(long nonce, Address to, long value) {
    return TransactionSigner.signLegacy(LegacyTransaction.unsigned(nonce, MAX_FEE, 21_000, to,
        UInt256.valueOf(value), Bytes.EMPTY), OptionalLong.of(CHAIN_ID), KEY);
  }

  static Transaction emit(long nonce, Address logger, long word, Hash topic) {
    return TransactionSigner.sign(new FeeMarketTransaction(CHAIN_ID, nonce, TIP, MAX_FEE, 100_000, logger,
        UInt256.ZERO, callData(word, topic), List.of(), 0, UInt256.ZERO, UInt256.ZERO), KEY);
  }

  static Transaction emitAccessList(long nonce, Address logger, long word, Hash topic) {
    return TransactionSigner.sign(new AccessListTransaction(CHAIN_ID, nonce, MAX_FEE, 100_000, logger, UInt256.ZERO,
        callData(word, topic), List.of(new Access(logger, List.of(Hash.ZERO))), 0, UInt256.ZERO, UInt256.ZERO), KEY);
  }

  static Transaction create(long nonce, Bytes initCode) {
    return TransactionSigner.sign(new FeeMarketTransaction(CHAIN_ID, nonce, TIP, MAX_FEE, 200_000, null,
        UInt256.ZERO, initCode, List.of(), 0, UInt256.ZERO, UInt256.ZERO), KEY);
  }

  static Bytes callData(long word, Hash topic) {
    return Bytes.concat(UInt256.valueOf(word).toBytes32(), topic.bytes());
  }

  static Hash word(long w) {
    return Hash.wrap(UInt256.valueOf(w).toBytes32());
  }

  // ---- calling the API ----

  static final RpcSession HTTP = RpcSession.NONE;

  /** Calls {@code method} and returns the whole response object. */
  static JsonNode response(RpcDispatcher d, RpcSession session, String method, Object... params) {
    ObjectNode request = RpcDispatcher.JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(RpcDispatcher.JSON.valueToTree(p));
    }
    return d.handleOne(request, session);
  }

  /** Calls {@code method} and returns its result, failing on an error response. */
  static JsonNode result(RpcDispatcher d, String method, Object... params) {
    return result(d, HTTP, method, params);
  }

  static JsonNode result(RpcDispatcher d, RpcSession session, String method, Object... params) {
    JsonNode r = response(d, session, method, params);
    assertThat(r.has("error")).as("%s: %s", method, r).isFalse();
    return r.get("result");
  }

  /** Calls {@code method} and returns its error object, failing on a result. */
  static JsonNode error(RpcDispatcher d, String method, Object... params) {
    return error(d, HTTP, method, params);
  }

  static JsonNode error(RpcDispatcher d, RpcSession session, String method, Object... params) {
    JsonNode r = response(d, session, method, params);
    assertThat(r.has("error")).as("%s: %s", method, r).isTrue();
    return r.get("error");
  }
}
