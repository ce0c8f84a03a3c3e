package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.LogsBloom;
import org.linden.chain.block.Receipt;
import org.linden.chain.block.Withdrawal;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionSigner;
import org.linden.chain.tx.TransactionType;
import org.linden.crypto.PrivateKey;
import org.linden.evm.Log;
import org.linden.rlp.RlpWriter;
import org.linden.rpc.Quantity;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** The JSON shapes of headers of every fork, transactions of every type, receipts and logs. */
class RpcJsonTest {
  private static final PrivateKey KEY = ChainFixture.KEY;
  private static final Address FROM = KEY.address();
  private static final Address TO = Address.fromNumber(0x1234);
  private static final ChainConfig CONFIG = ChainConfig.allForksThrough(1337, Fork.PRAGUE);
  private static final RpcJson JSON = new RpcJson(CONFIG);
  private static final Hash BLOCK_HASH = Hash.fromHex("0x" + "ab".repeat(32));
  private static final UInt256 BASE_FEE = UInt256.valueOf(7);
  private static final RpcJson.Inclusion MINED = new RpcJson.Inclusion(BLOCK_HASH, 9, 100, BASE_FEE, 3);

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static BlockHeader.Builder frontierHeader() {
    return BlockHeader.builder().number(0x10).gasLimit(5000).gasUsed(21000).timestamp(0x5f)
        .difficulty(UInt256.valueOf(0x20000)).nonce(Bytes.fromHex("0x0102030405060708"))
        .extraData(Bytes.fromHex("0xbeef")).coinbase(TO);
  }

  @Test
  void frontierHeaderHasNoLaterFields() {
    BlockHeader h = frontierHeader().build();
    ObjectNode o = JSON.header(h);
    assertThat(fieldNames(o)).containsExactly("number", "hash", "parentHash", "nonce", "mixHash", "sha3Uncles",
        "logsBloom", "stateRoot", "miner", "difficulty", "extraData", "gasLimit", "gasUsed", "timestamp",
        "transactionsRoot", "receiptsRoot");
    assertThat(o.get("hash").asText()).isEqualTo(h.hash().toHex());
    assertThat(o.get("number").asText()).isEqualTo("0x10");
    assertThat(o.get("difficulty").asText()).isEqualTo("0x20000");
    assertThat(o.get("nonce").asText()).isEqualTo("0x0102030405060708");
    assertThat(o.get("extraData").asText()).isEqualTo("0xbeef");
    assertThat(o.get("miner").asText()).isEqualTo(TO.toHex());
    assertThat(o.get("logsBloom").asText()).hasSize(2 + 512);
  }

  @Test
  void eachForkAddsItsHeaderFields() {
    BlockHeader london = frontierHeader().baseFeePerGas(UInt256.valueOf(1_000_000_000)).build();
    assertThat(fieldNames(JSON.header(london))).endsWith("receiptsRoot", "baseFeePerGas");
    assertThat(JSON.header(london).get("baseFeePerGas").asText()).isEqualTo("0x3b9aca00");

    BlockHeader shanghai = london.toBuilder().withdrawalsRoot(Hash.ZERO).build();
    assertThat(fieldNames(JSON.header(shanghai))).endsWith("baseFeePerGas", "withdrawalsRoot");

    BlockHeader cancun = shanghai.toBuilder().blobGasUsed(0x20000L).excessBlobGas(0x40000L)
        .parentBeaconBlockRoot(BLOCK_HASH).build();
    ObjectNode c = JSON.header(cancun);
    assertThat(fieldNames(c)).endsWith("withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot");
    assertThat(c.get("blobGasUsed").asText()).isEqualTo("0x20000");
    assertThat(c.get("excessBlobGas").asText()).isEqualTo("0x40000");
    assertThat(c.get("parentBeaconBlockRoot").asText()).isEqualTo(BLOCK_HASH.toHex());

    BlockHeader prague = cancun.toBuilder().requestsHash(Hash.fromHex("0x" + "cd".repeat(32))).build();
    ObjectNode p = JSON.header(prague);
    assertThat(fieldNames(p)).endsWith("parentBeaconBlockRoot", "requestsHash").doesNotContain("totalDifficulty");
    assertThat(p.get("requestsHash").asText()).isEqualTo("0x" + "cd".repeat(32));
  }

  @Test
  void blockWithWithdrawalsAndSize() {
    BlockHeader h = frontierHeader().baseFeePerGas(BASE_FEE).withdrawalsRoot(Hash.ZERO).build();
    Withdrawal w = new Withdrawal(5, 0x9d8c0, TO, 0x11a33e3760L);
    Block block = new Block(h, new BlockBody(List.of(), List.of(), List.of(w)));
    ObjectNode o = JSON.block(block, false);
    assertThat(o.get("size").asText()).isEqualTo(Quantity.of(block.encode().size()));
    JsonNode wd = o.get("withdrawals").get(0);
    assertThat(fieldNames(wd)).containsExactly("index", "validatorIndex", "address", "amount");
    assertThat(wd.get("index").asText()).isEqualTo("0x5");
    assertThat(wd.get("validatorIndex").asText()).isEqualTo("0x9d8c0");
    assertThat(wd.get("address").asText()).isEqualTo(TO.toHex());
    assertThat(wd.get("amount").asText()).isEqualTo("0x11a33e3760");

    // Before Shanghai a block has no withdrawals list at all.
    assertThat(JSON.block(new Block(frontierHeader().build(), BlockBody.EMPTY), true).has("withdrawals")).isFalse();
  }

  @Test
  void uncleIsItsHeaderWithTheSizeOfAnEmptyBlock() {
    BlockHeader uncle = frontierHeader().number(0x0f).build();
    ObjectNode o = JSON.uncle(uncle);
    RlpWriter w = new RlpWriter().startList();
    uncle.writeTo(w);
    w.writeEmptyList().writeEmptyList().endList();
    assertThat(o.get("size").asText()).isEqualTo(Quantity.of(w.toBytes().size()));
    assertThat(o.get("uncles")).isEmpty();
    assertThat(o.has("transactions")).isFalse();
    assertThat(o.get("hash").asText()).isEqualTo(uncle.hash().toHex());

    Block withUncle = new Block(frontierHeader().number(0x10).build(), new BlockBody(List.of(), List.of(uncle), null));
    assertThat(JSON.block(withUncle, false).get("uncles").get(0).asText()).isEqualTo(uncle.hash().toHex());
  }

  @Test
  void legacyWithoutChainIdHasNoChainIdField() {
    LegacyTransaction tx = TransactionSigner.signLegacy(LegacyTransaction.unsigned(1, UInt256.valueOf(50), 21000, TO,
        UInt256.ONE, Bytes.EMPTY), OptionalLong.empty(), KEY);
    ObjectNode o = RpcJson.transaction(tx, tx.hash(), FROM, MINED);
    assertThat(o.has("chainId")).isFalse();
    assertThat(o.has("yParity")).isFalse();
    assertThat(o.has("accessList")).isFalse();
    assertThat(o.get("v").asText()).isIn("0x1b", "0x1c");
    // A legacy transaction pays its gas price whatever the base fee.
    assertThat(o.get("gasPrice").asText()).isEqualTo("0x32");
    assertThat(o.get("blockNumber").asText()).isEqualTo("0x9");
    assertThat(o.get("transactionIndex").asText()).isEqualTo("0x3");
    assertThat(o.get("blockTimestamp").asText()).isEqualTo("0x64");
  }

  @Test
  void blobTransactionFields() {
    Hash versioned = Hash.fromHex("0x01" + "11".repeat(31));
    BlobTransaction tx = TransactionSigner.sign(new BlobTransaction(1337, 0, UInt256.valueOf(2), UInt256.valueOf(100),
        50_000, TO, UInt256.ZERO, Bytes.of((byte) 1), List.of(), UInt256.valueOf(30), List.of(versioned), 0,
        UInt256.ZERO, UInt256.ZERO), KEY);
    ObjectNode o = RpcJson.transaction(tx, tx.hash(), FROM, MINED);
    assertThat(o.get("type").asText()).isEqualTo("0x3");
    assertThat(o.get("maxFeePerBlobGas").asText()).isEqualTo("0x1e");
    assertThat(o.get("blobVersionedHashes")).extracting(JsonNode::asText).containsExactly(versioned.toHex());
    assertThat(o.get("gasPrice").asText()).isEqualTo("0x9");
    assertThat(o.get("maxFeePerGas").asText()).isEqualTo("0x64");
    assertThat(o.get("maxPriorityFeePerGas").asText()).isEqualTo("0x2");
    assertThat(o.get("input").asText()).isEqualTo("0x01");
    assertThat(o.get("chainId").asText()).isEqualTo("0x539");
  }

  @Test
  void setCodeTransactionListsItsAuthorizations() {
    Authorization auth = Authorization.sign(UInt256.valueOf(1337), TO, 4, KEY);
    SetCodeTransaction tx = TransactionSigner.sign(new SetCodeTransaction(1337, 0, UInt256.valueOf(2),
        UInt256.valueOf(100), 80_000, TO, UInt256.ZERO, Bytes.EMPTY, List.of(), List.of(auth), 0, UInt256.ZERO,
        UInt256.ZERO), KEY);
    ObjectNode o = RpcJson.transaction(tx, tx.hash(), FROM, null);
    assertThat(o.get("type").asText()).isEqualTo("0x4");
    JsonNode a = o.get("authorizationList").get(0);
    assertThat(fieldNames(a)).containsExactly("chainId", "address", "nonce", "yParity", "r", "s");
    assertThat(a.get("chainId").asText()).isEqualTo("0x539");
    assertThat(a.get("address").asText()).isEqualTo(TO.toHex());
    assertThat(a.get("nonce").asText()).isEqualTo("0x4");
    assertThat(a.get("yParity").asText()).isEqualTo(Quantity.of(auth.yParity()));
    assertThat(a.get("r").asText()).isEqualTo(Quantity.of(auth.r()));
    // Pending: the fee cap stands in for the price, and the block fields are null.
    assertThat(o.get("gasPrice").asText()).isEqualTo("0x64");
    assertThat(o.get("blockHash").isNull()).isTrue();
  }

  @Test
  void effectiveGasPrice() {
    Transaction tx = new FeeMarketTransaction(1, 0, UInt256.valueOf(5), UInt256.valueOf(10), 21000, TO,
        UInt256.ZERO, Bytes.EMPTY, List.of(), 0, UInt256.ONE, UInt256.ONE);
    assertThat(RpcJson.effectiveGasPrice(tx, UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(8));
    assertThat(RpcJson.effectiveGasPrice(tx, UInt256.valueOf(6))).isEqualTo(UInt256.valueOf(10));
    assertThat(RpcJson.effectiveGasPrice(tx, UInt256.valueOf(10))).isEqualTo(UInt256.valueOf(10));
    Transaction huge = new FeeMarketTransaction(1, 0, UInt256.MAX, UInt256.MAX, 21000, TO, UInt256.ZERO,
        Bytes.EMPTY, List.of(), 0, UInt256.ONE, UInt256.ONE);
    assertThat(RpcJson.effectiveGasPrice(huge, UInt256.valueOf(3))).isEqualTo(UInt256.MAX);
    Transaction legacy = LegacyTransaction.unsigned(0, UInt256.valueOf(50), 21000, TO, UInt256.ZERO, Bytes.EMPTY);
    assertThat(RpcJson.effectiveGasPrice(legacy, UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(50));
  }

  @Test
  void blobReceiptHasBlobGasFields() {
    BlobTransaction tx = TransactionSigner.sign(new BlobTransaction(1337, 0, UInt256.valueOf(2), UInt256.valueOf(100),
        50_000, TO, UInt256.ZERO, Bytes.EMPTY, List.of(), UInt256.valueOf(1000),
        List.of(Hash.fromHex("0x01" + "11".repeat(31)), Hash.fromHex("0x01" + "22".repeat(31))), 0, UInt256.ZERO,
        UInt256.ZERO), KEY);
    long excess = 10_000_000;
    BlockHeader h = frontierHeader().difficulty(UInt256.ZERO).nonce(BlockHeader.ZERO_NONCE).baseFeePerGas(BASE_FEE)
        .withdrawalsRoot(Hash.ZERO).blobGasUsed(0x40000L).excessBlobGas(excess).parentBeaconBlockRoot(Hash.ZERO)
        .build();
    Block block = new Block(h, new BlockBody(List.of(tx), List.of(), List.of()));
    Receipt receipt = Receipt.of(TransactionType.BLOB, true, 21_000, List.of());
    JsonNode r = JSON.receipts(block, List.of(receipt)).get(0);
    assertThat(r.get("blobGasUsed").asText()).isEqualTo("0x40000");
    assertThat(r.get("blobGasPrice").asText())
        .isEqualTo(Quantity.of(CONFIG.blobScheduleAt(h.timestamp()).blobBaseFee(excess)));
    assertThat(r.get("effectiveGasPrice").asText()).isEqualTo("0x9");
    assertThat(r.get("from").asText()).isEqualTo(FROM.toHex());
    assertThat(r.get("type").asText()).isEqualTo("0x3");
  }

  @Test
  void failedAndPreByzantiumReceipts() {
    LegacyTransaction tx = TransactionSigner.signLegacy(LegacyTransaction.unsigned(0, UInt256.valueOf(50), 21000, TO,
        UInt256.ONE, Bytes.EMPTY), OptionalLong.empty(), KEY);
    Block block = new Block(frontierHeader().build(), new BlockBody(List.of(tx), List.of(), null));
    JsonNode failed = JSON.receipts(block, List.of(Receipt.of(TransactionType.LEGACY, false, 21000, List.of())))
        .get(0);
    assertThat(failed.get("status").asText()).isEqualTo("0x0");
    assertThat(failed.has("root")).isFalse();
    assertThat(failed.has("blobGasUsed")).isFalse();

    Hash root = Hash.fromHex("0x" + "5a".repeat(32));
    JsonNode old = JSON.receipts(block, List.of(Receipt.withPostState(TransactionType.LEGACY, root, 21000,
        List.of()))).get(0);
    assertThat(old.get("root").asText()).isEqualTo(root.toHex());
    assertThat(old.has("status")).isFalse();
  }

  @Test
  void logObject() {
    Log log = new Log(TO, List.of(BLOCK_HASH), Bytes.fromHex("0x0102"));
    LogEntry e = new LogEntry(log, BLOCK_HASH, 0x10, 0x20, Hash.ZERO, 2, 7, true);
    ObjectNode o = RpcJson.log(e);
    assertThat(fieldNames(o)).containsExactly("address", "topics", "data", "blockNumber", "transactionHash",
        "transactionIndex", "blockHash", "blockTimestamp", "logIndex", "removed");
    assertThat(o.get("data").asText()).isEqualTo("0x0102");
    assertThat(o.get("logIndex").asText()).isEqualTo("0x7");
    assertThat(o.get("transactionIndex").asText()).isEqualTo("0x2");
    assertThat(o.get("blockTimestamp").asText()).isEqualTo("0x20");
    assertThat(o.get("removed").asBoolean()).isTrue();
    assertThat(LogsBloom.of(List.of(log)).mightContain(TO.bytes())).isTrue();
  }
}
