package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionSigner;
import org.linden.chain.tx.TransactionType;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.QbftHashing;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.evm.Log;
import org.linden.evm.state.AccountInfo;
import org.linden.rlp.RlpWriter;
import org.linden.rpc.Quantity;
import org.linden.rpc.eth.RpcJson;
import org.linden.trie.MerkleTrie;
import org.linden.trie.SecureTrie;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A QBFT chain built in memory and sealed with test keys, served as an honest
 * {@link Upstream}: headers, raw transactions, receipts, and proofs from one state trie
 * shared by every block.
 */
final class SyntheticChain implements Upstream {
  static final long CHAIN_ID = 4242;
  static final ChainConfig CONFIG = ChainConfig.allForksThrough(CHAIN_ID, Fork.PRAGUE);
  static final Address RICH = Address.fromHex("0x00000000000000000000000000000000000000aa");
  static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000cc");
  static final Address EMITTER = Address.fromHex("0x00000000000000000000000000000000000000ee");
  static final UInt256 SLOT = UInt256.valueOf(7);
  static final UInt256 SLOT_VALUE = UInt256.valueOf(0x1234);
  /** Returns storage slot 7: PUSH1 7 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN. */
  static final Bytes CODE = Bytes.fromHex("0x60075460005260206000f3");
  static final PrivateKey SENDER = key(999);

  private final List<Block> blocks = new ArrayList<>();
  private final Map<Hash, Block> byHash = new HashMap<>();
  private final Map<Long, List<Receipt>> receipts = new HashMap<>();
  private final SecureTrie state = new SecureTrie();
  private final SecureTrie storage = new SecureTrie();
  private final Hash stateRoot;
  private final RpcJson json = new RpcJson(CONFIG);

  static PrivateKey key(int i) {
    byte[] b = new byte[32];
    b[31] = (byte) i;
    b[30] = (byte) (i >> 8);
    b[0] = 1;
    return PrivateKey.of(Bytes.wrap(b));
  }

  static List<PrivateKey> keys(int from, int count) {
    List<PrivateKey> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(key(from + i));
    }
    return out;
  }

  /**
   * @param sealers for block n (n ≥ 0), the keys that form its validator set and seal it
   * @param length number of blocks after genesis
   * @param eventEvery every this many blocks a block carries a transaction with a log
   */
  SyntheticChain(java.util.function.LongFunction<List<PrivateKey>> sealers, int length, int eventEvery) {
    storage.put(SLOT.toBytes32(), rlp(SLOT_VALUE));
    Hash storageRoot = storage.rootHash();
    state.put(RICH.bytes(), account(3, UInt256.valueOf(1_000_000_000_000_000_000L), MerkleTrie.EMPTY_ROOT, AccountInfo.EMPTY_CODE_HASH));
    state.put(CONTRACT.bytes(), account(1, UInt256.ZERO, storageRoot, Keccak.hash256(CODE)));
    state.put(SENDER.address().bytes(), account(0, UInt256.valueOf(1_000_000_000_000_000_000L), MerkleTrie.EMPTY_ROOT, AccountInfo.EMPTY_CODE_HASH));
    stateRoot = state.rootHash();
    BlockHeader parent = null;
    for (long n = 0; n <= length; n++) {
      List<Transaction> txs = new ArrayList<>();
      List<Receipt> rs = new ArrayList<>();
      if (n > 0 && eventEvery > 0 && n % eventEvery == 0) {
        Transaction tx = TransactionSigner.sign(new FeeMarketTransaction(CHAIN_ID, n, UInt256.ONE, UInt256.valueOf(10_000_000_000L),
            50_000, EMITTER, UInt256.ZERO, Bytes.EMPTY, List.of(), 0, UInt256.ZERO, UInt256.ZERO), SENDER);
        txs.add(tx);
        Log log = new Log(EMITTER, List.of(Hash.wrap(UInt256.valueOf(n).toBytes32())), Bytes.fromHex("0xbeef"));
        rs.add(Receipt.of(TransactionType.FEE_MARKET, true, 30_000, List.of(log)));
      }
      ValidatorSet set = new ValidatorSet(sealers.apply(n).stream().map(PrivateKey::address).toList());
      BlockHeader unsealed = BlockHeader.builder()
          .parentHash(parent == null ? Hash.ZERO : parent.hash())
          .coinbase(set.validators().get(0))
          .stateRoot(stateRoot)
          .transactionsRoot(BlockRoots.transactionsRoot(txs))
          .receiptsRoot(BlockRoots.receiptsRoot(rs))
          .logsBloom(BlockRoots.logsBloom(rs))
          .difficulty(UInt256.ONE)
          .number(n)
          .gasLimit(30_000_000)
          .gasUsed(rs.isEmpty() ? 0 : 30_000)
          .timestamp(1_700_000_000L + n)
          .extraData(new QbftExtraData(Bytes.wrap(new byte[32]), set.validators(), Optional.empty(), 0, List.of()).encode())
          .mixHash(BlockHeader.BFT_MIX_HASH)
          .baseFeePerGas(UInt256.valueOf(7))
          .withdrawalsRoot(MerkleTrie.EMPTY_ROOT)
          .blobGasUsed(0L).excessBlobGas(0L).parentBeaconBlockRoot(Hash.ZERO)
          .requestsHash(BlockRoots.EMPTY_REQUESTS_HASH)
          .build();
      BlockHeader header = n == 0 ? unsealed : seal(unsealed, sealers.apply(n));
      Block block = new Block(header, new BlockBody(txs, List.of(), List.of()));
      blocks.add(block);
      byHash.put(header.hash(), block);
      receipts.put(n, rs);
      parent = header;
    }
  }

  /** Seals {@code header} with every key in {@code keys}. */
  static BlockHeader seal(BlockHeader header, List<PrivateKey> keys) {
    Hash sealHash = QbftHashing.commitSealHash(header);
    List<Signature> seals = keys.stream().map(k -> Secp256k1.sign(sealHash, k)).toList();
    return header.toBuilder().extraData(QbftExtraData.of(header).withCommitSeals(seals).encode()).build();
  }

  private static Bytes rlp(UInt256 v) {
    return new RlpWriter().writeBytes(v.toMinimalBytes()).toBytes();
  }

  private static Bytes account(long nonce, UInt256 balance, Hash storageRoot, Hash codeHash) {
    return new RlpWriter().startList().writeLong(nonce).writeBytes(balance.toMinimalBytes())
        .writeBytes(storageRoot.bytes()).writeBytes(codeHash.bytes()).endList().toBytes();
  }

  BlockHeader header(long n) {
    return blocks.get((int) n).header();
  }

  Block block(long n) {
    return blocks.get((int) n);
  }

  long head() {
    return blocks.size() - 1;
  }

  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public JsonNode call(String method, Object... params) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (method) {
      case "eth_blockNumber" -> f.textNode(Quantity.of(head()));
      case "eth_getBlockByNumber" -> {
        long n = Long.decode((String) params[0]);
        yield n <= head() ? json.block(block(n), false) : f.nullNode();
      }
      case "eth_getBlockByHash" -> {
        Block b = byHash.get(Hash.fromHex((String) params[0]));
        yield b == null ? f.nullNode() : json.block(b, false);
      }
      case "eth_getRawTransactionByBlockHashAndIndex" -> {
        Block b = byHash.get(Hash.fromHex((String) params[0]));
        yield f.textNode(TransactionCodec.encode(b.transactions().get(Integer.decode((String) params[1]))).toHex());
      }
      case "eth_getTransactionByHash" -> {
        Hash h = Hash.fromHex((String) params[0]);
        for (Block b : blocks) {
          for (int i = 0; i < b.transactions().size(); i++) {
            if (b.transactions().get(i).hash().equals(h)) {
              yield json.transaction(b.transactions().get(i), h,
                  new RpcJson.Inclusion(b.hash(), b.header().number(), b.header().timestamp(), b.header().baseFeePerGas(), i));
            }
          }
        }
        yield f.nullNode();
      }
      case "eth_getBlockReceipts" -> {
        Block b = byHash.get(Hash.fromHex((String) params[0]));
        ArrayNode out = f.arrayNode();
        json.receipts(b, receipts.get(b.header().number())).forEach(out::add);
        yield out;
      }
      case "eth_getProof" -> proof(Address.fromHex((String) params[0]), castList(params[1]));
      // No pool: the pending nonce is the latest one.
      case "eth_getTransactionCount" -> f.textNode(Quantity.of(Address.fromHex((String) params[0]).equals(RICH) ? 3 : 0));
      case "eth_getCode" -> f.textNode(Address.fromHex((String) params[0]).equals(CONTRACT) ? CODE.toHex() : "0x");
      case "eth_gasPrice", "eth_maxPriorityFeePerGas" -> f.textNode("0x1");
      default -> throw new UpstreamException(-32601, "method " + method + " not served by the synthetic chain");
    };
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }

  private JsonNode proof(Address address, List<String> slots) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("address", address.toHex());
    ArrayNode ap = o.putArray("accountProof");
    state.proof(address.bytes()).forEach(b -> ap.add(b.toHex()));
    boolean rich = address.equals(RICH) || address.equals(SENDER.address());
    boolean contract = address.equals(CONTRACT);
    o.put("balance", Quantity.of(rich ? UInt256.valueOf(1_000_000_000_000_000_000L) : UInt256.ZERO));
    o.put("nonce", Quantity.of(address.equals(RICH) ? 3 : contract ? 1 : 0));
    o.put("codeHash", (contract ? Keccak.hash256(CODE) : AccountInfo.EMPTY_CODE_HASH).toHex());
    o.put("storageHash", (contract ? storage.rootHash() : MerkleTrie.EMPTY_ROOT).toHex());
    ArrayNode sp = o.putArray("storageProof");
    for (String s : slots) {
      UInt256 slot = UInt256.fromHex(s);
      ObjectNode e = sp.addObject();
      e.put("key", s);
      e.put("value", Quantity.of(contract && slot.equals(SLOT) ? SLOT_VALUE : UInt256.ZERO));
      ArrayNode p = e.putArray("proof");
      if (contract) {
        storage.proof(slot.toBytes32()).forEach(b -> p.add(b.toHex()));
      }
    }
    return o;
  }
}
