package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.rpc.eth.ChainFixture.ALICE;
import static org.linden.rpc.eth.ChainFixture.BOB;
import static org.linden.rpc.eth.ChainFixture.COINBASE;
import static org.linden.rpc.eth.ChainFixture.EMITTED;
import static org.linden.rpc.eth.ChainFixture.INIT;
import static org.linden.rpc.eth.ChainFixture.LOGGER_A;
import static org.linden.rpc.eth.ChainFixture.LOGGER_B;
import static org.linden.rpc.eth.ChainFixture.MAX_FEE;
import static org.linden.rpc.eth.ChainFixture.SENDER;
import static org.linden.rpc.eth.ChainFixture.TIP;
import static org.linden.rpc.eth.ChainFixture.X;
import static org.linden.rpc.eth.ChainFixture.Y;
import static org.linden.rpc.eth.ChainFixture.error;
import static org.linden.rpc.eth.ChainFixture.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;
import org.linden.chain.tx.Transaction;
import org.linden.evm.ContractAddress;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Block, transaction and receipt methods on a small real chain. */
class EthChainApiTest {
  private final ChainFixture f = new ChainFixture().buildStandardChain();
  private final Map<Hash, Transaction> pool = new HashMap<>();
  private final RpcDispatcher d = new RpcDispatcher(100);

  EthChainApiTest() {
    new EthChainApi(f.chain, h -> Optional.ofNullable(pool.get(h))).register(d);
  }

  private Block block(int n) {
    return f.blocks[n].block();
  }

  private Transaction tx(int block, int index) {
    return block(block).transactions().get(index);
  }

  private List<Receipt> receipts(int n) {
    return f.chain.store().receipts(block(n).hash()).orElseThrow();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String hex(Hash h) {
    return h.toHex();
  }

  @Test
  void blockNumberIsTheHead() {
    assertThat(result(d, "eth_blockNumber").asText()).isEqualTo("0x5");
  }

  @Test
  void blockObjectHasEveryCancunHeaderFieldAndNoOthers() {
    JsonNode b = result(d, "eth_getBlockByNumber", "0x2", false);
    Block block = block(2);
    assertThat(fieldNames(b)).containsExactlyInAnyOrder("number", "hash", "parentHash", "nonce", "mixHash",
        "sha3Uncles", "logsBloom", "stateRoot", "miner", "difficulty", "extraData", "gasLimit", "gasUsed", "timestamp",
        "transactionsRoot", "receiptsRoot", "baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas",
        "parentBeaconBlockRoot", "size", "transactions", "uncles", "withdrawals");
    assertThat(b.get("number").asText()).isEqualTo("0x2");
    assertThat(b.get("hash").asText()).isEqualTo(hex(block.hash()));
    assertThat(b.get("parentHash").asText()).isEqualTo(hex(block(1).hash()));
    assertThat(b.get("miner").asText()).isEqualTo(COINBASE.toHex());
    assertThat(b.get("difficulty").asText()).isEqualTo("0x0");
    assertThat(b.get("nonce").asText()).isEqualTo("0x0000000000000000");
    assertThat(b.get("timestamp").asText()).isEqualTo("0x18");
    assertThat(b.get("gasUsed").asText()).isEqualTo(Quantity.of(block.header().gasUsed()));
    assertThat(b.get("gasLimit").asText()).isEqualTo("0x1c9c380");
    assertThat(b.get("extraData").asText()).isEqualTo("0x");
    assertThat(b.get("logsBloom").asText()).isEqualTo(block.header().logsBloom().bytes().toHex());
    assertThat(b.get("stateRoot").asText()).isEqualTo(hex(block.header().stateRoot()));
    assertThat(b.get("baseFeePerGas").asText()).isEqualTo(Quantity.of(block.header().baseFeePerGas()));
    assertThat(b.get("blobGasUsed").asText()).isEqualTo("0x0");
    assertThat(b.get("parentBeaconBlockRoot").asText()).isEqualTo(hex(Hash.ZERO));
    assertThat(b.get("size").asText()).isEqualTo(Quantity.of(block.encode().size()));
    assertThat(b.get("transactions")).extracting(JsonNode::asText)
        .containsExactly(hex(tx(2, 0).hash()), hex(tx(2, 1).hash()));
    assertThat(b.get("uncles")).isEmpty();
    assertThat(b.get("withdrawals")).isEmpty();

    assertThat(result(d, "eth_getBlockByHash", hex(block.hash()), false)).isEqualTo(b);
  }

  @Test
  void hydratedBlockCarriesTransactionObjects() {
    JsonNode b = result(d, "eth_getBlockByHash", hex(block(2).hash()), true);
    JsonNode txs = b.get("transactions");
    assertThat(txs).hasSize(2);
    assertThat(txs.get(1).get("hash").asText()).isEqualTo(hex(tx(2, 1).hash()));
    assertThat(txs.get(1).get("blockHash").asText()).isEqualTo(hex(block(2).hash()));
    assertThat(txs.get(1).get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(txs.get(1).get("from").asText()).isEqualTo(SENDER.toHex());
    assertThat(txs.get(1)).isEqualTo(result(d, "eth_getTransactionByHash", hex(tx(2, 1).hash())));
  }

  @Test
  void tagsAndUnknownBlocks() {
    assertThat(result(d, "eth_getBlockByNumber", "latest", false).get("number").asText()).isEqualTo("0x5");
    assertThat(result(d, "eth_getBlockByNumber", "earliest", false).get("hash").asText())
        .isEqualTo(hex(f.genesisNode.hash()));
    assertThat(result(d, "eth_getBlockByNumber", "finalized", false).get("number").asText()).isEqualTo("0x5");
    assertThat(result(d, "eth_getBlockByNumber", "0x63", false).isNull()).isTrue();
    assertThat(result(d, "eth_getBlockByHash", hex(Hash.ZERO), true).isNull()).isTrue();
    assertThat(result(d, "eth_getBlockTransactionCountByHash", hex(Hash.ZERO)).isNull()).isTrue();
    assertThat(result(d, "eth_getBlockTransactionCountByNumber", "0x63").isNull()).isTrue();
    assertThat(result(d, "eth_getUncleCountByBlockHash", hex(Hash.ZERO)).isNull()).isTrue();
    assertThat(result(d, "eth_getUncleCountByBlockNumber", "0x63").isNull()).isTrue();
    assertThat(result(d, "eth_getBlockReceipts", "0x63").isNull()).isTrue();
  }

  @Test
  void countsAndUncles() {
    assertThat(result(d, "eth_getBlockTransactionCountByHash", hex(block(1).hash())).asText()).isEqualTo("0x2");
    assertThat(result(d, "eth_getBlockTransactionCountByNumber", "0x4").asText()).isEqualTo("0x0");
    assertThat(result(d, "eth_getBlockTransactionCountByNumber", "latest").asText()).isEqualTo("0x1");
    assertThat(result(d, "eth_getUncleCountByBlockHash", hex(block(3).hash())).asText()).isEqualTo("0x0");
    assertThat(result(d, "eth_getUncleCountByBlockNumber", "0x3").asText()).isEqualTo("0x0");
    assertThat(result(d, "eth_getUncleByBlockHashAndIndex", hex(block(3).hash()), "0x0").isNull()).isTrue();
    assertThat(result(d, "eth_getUncleByBlockNumberAndIndex", "0x3", "0x0").isNull()).isTrue();
  }

  @Test
  void legacyTransactionObject() {
    JsonNode t = result(d, "eth_getTransactionByHash", hex(tx(1, 1).hash()));
    assertThat(fieldNames(t)).containsExactlyInAnyOrder("blockHash", "blockNumber", "blockTimestamp", "from", "gas",
        "gasPrice", "hash", "input", "nonce", "to", "transactionIndex", "value", "type", "chainId", "v", "r", "s");
    assertThat(t.get("blockHash").asText()).isEqualTo(hex(block(1).hash()));
    assertThat(t.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(t.get("blockTimestamp").asText()).isEqualTo("0xc");
    assertThat(t.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(t.get("from").asText()).isEqualTo(SENDER.toHex());
    assertThat(t.get("to").asText()).isEqualTo(Y.toHex());
    assertThat(t.get("value").asText()).isEqualTo("0x2");
    assertThat(t.get("nonce").asText()).isEqualTo("0x1");
    assertThat(t.get("gas").asText()).isEqualTo("0x5208");
    assertThat(t.get("gasPrice").asText()).isEqualTo(Quantity.of(MAX_FEE));
    assertThat(t.get("input").asText()).isEqualTo("0x");
    assertThat(t.get("type").asText()).isEqualTo("0x0");
    assertThat(t.get("chainId").asText()).isEqualTo("0x539");
    // EIP-155: v = chainId * 2 + 35 + parity
    assertThat(t.get("v").asText()).isIn("0xa95", "0xa96");
    assertThat(t.get("r").asText()).isEqualTo(Quantity.of(tx(1, 1).r()));
  }

  @Test
  void feeMarketTransactionReportsTheEffectivePriceOnceMined() {
    JsonNode t = result(d, "eth_getTransactionByHash", hex(tx(1, 0).hash()));
    UInt256 baseFee = block(1).header().baseFeePerGas();
    assertThat(fieldNames(t)).contains("maxFeePerGas", "maxPriorityFeePerGas", "accessList", "chainId", "yParity")
        .doesNotContain("maxFeePerBlobGas", "blobVersionedHashes", "authorizationList");
    assertThat(t.get("type").asText()).isEqualTo("0x2");
    assertThat(t.get("to").asText()).isEqualTo(X.toHex());
    assertThat(t.get("gasPrice").asText()).isEqualTo(Quantity.of(baseFee.add(TIP)));
    assertThat(t.get("maxFeePerGas").asText()).isEqualTo(Quantity.of(MAX_FEE));
    assertThat(t.get("maxPriorityFeePerGas").asText()).isEqualTo(Quantity.of(TIP));
    assertThat(t.get("accessList")).isEmpty();
    assertThat(t.get("yParity").asText()).isIn("0x0", "0x1");
    assertThat(t.get("v").asText()).isEqualTo(t.get("yParity").asText());
  }

  @Test
  void accessListTransactionObject() {
    JsonNode t = result(d, "eth_getTransactionByBlockNumberAndIndex", "0x3", "0x1");
    assertThat(t.get("type").asText()).isEqualTo("0x1");
    assertThat(t.get("gasPrice").asText()).isEqualTo(Quantity.of(MAX_FEE));
    assertThat(t.has("maxFeePerGas")).isFalse();
    assertThat(t.get("accessList").get(0).get("address").asText()).isEqualTo(LOGGER_A.toHex());
    assertThat(t.get("accessList").get(0).get("storageKeys").get(0).asText()).isEqualTo(hex(Hash.ZERO));
    assertThat(t.get("hash").asText()).isEqualTo(hex(tx(3, 1).hash()));
  }

  @Test
  void rawTransactionsAreTheirEncodings() {
    Transaction tx = tx(3, 1);
    String raw = Quantity.data(org.linden.chain.tx.TransactionCodec.encode(tx));
    assertThat(result(d, "eth_getRawTransactionByHash", hex(tx.hash())).asText()).isEqualTo(raw);
    assertThat(result(d, "eth_getRawTransactionByBlockHashAndIndex", hex(block(3).hash()), "0x1").asText()).isEqualTo(raw);
    assertThat(result(d, "eth_getRawTransactionByBlockNumberAndIndex", "0x3", "0x1").asText()).isEqualTo(raw);
    assertThat(result(d, "eth_getRawTransactionByHash", hex(Hash.ZERO)).isNull()).isTrue();
    assertThat(result(d, "eth_getRawTransactionByBlockHashAndIndex", hex(block(3).hash()), "0x9").isNull()).isTrue();
  }

  @Test
  void contractCreationHasNullTo() {
    JsonNode t = result(d, "eth_getTransactionByBlockHashAndIndex", hex(block(3).hash()), "0x0");
    assertThat(t.get("to").isNull()).isTrue();
    assertThat(t.get("input").asText()).isEqualTo(ChainFixture.LOGGING_INIT_CODE.toHex());
  }

  @Test
  void pendingAndUnknownTransactions() {
    Transaction pending = ChainFixture.transfer(7, X, 9);
    pool.put(pending.hash(), pending);
    JsonNode t = result(d, "eth_getTransactionByHash", hex(pending.hash()));
    assertThat(t.get("blockHash").isNull()).isTrue();
    assertThat(t.get("blockNumber").isNull()).isTrue();
    assertThat(t.get("blockTimestamp").isNull()).isTrue();
    assertThat(t.get("transactionIndex").isNull()).isTrue();
    assertThat(t.get("gasPrice").asText()).isEqualTo(Quantity.of(MAX_FEE));
    assertThat(t.get("from").asText()).isEqualTo(SENDER.toHex());
    assertThat(t.get("nonce").asText()).isEqualTo("0x7");

    assertThat(result(d, "eth_getTransactionByHash", hex(Hash.ZERO)).isNull()).isTrue();
    assertThat(result(d, "eth_getTransactionReceipt", hex(Hash.ZERO)).isNull()).isTrue();
    assertThat(result(d, "eth_getTransactionReceipt", hex(pending.hash())).isNull()).isTrue();
    assertThat(result(d, "eth_getTransactionByBlockHashAndIndex", hex(block(2).hash()), "0x2").isNull()).isTrue();
    assertThat(result(d, "eth_getTransactionByBlockHashAndIndex", hex(Hash.ZERO), "0x0").isNull()).isTrue();
    assertThat(result(d, "eth_getTransactionByBlockNumberAndIndex", "0x63", "0x0").isNull()).isTrue();
    assertThat(result(d, "eth_getTransactionByBlockNumberAndIndex", "0x2", "0xffffffffffffffff").isNull()).isTrue();
  }

  @Test
  void receiptOfALoggingCall() {
    JsonNode r = result(d, "eth_getTransactionReceipt", hex(tx(2, 1).hash()));
    List<Receipt> receipts = receipts(2);
    assertThat(fieldNames(r)).containsExactlyInAnyOrder("blockHash", "blockNumber", "transactionHash",
        "transactionIndex", "from", "to", "contractAddress", "cumulativeGasUsed", "gasUsed", "logs", "logsBloom",
        "type", "status", "effectiveGasPrice");
    assertThat(r.get("blockHash").asText()).isEqualTo(hex(block(2).hash()));
    assertThat(r.get("blockNumber").asText()).isEqualTo("0x2");
    assertThat(r.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(r.get("from").asText()).isEqualTo(SENDER.toHex());
    assertThat(r.get("to").asText()).isEqualTo(LOGGER_B.toHex());
    assertThat(r.get("contractAddress").isNull()).isTrue();
    assertThat(r.get("status").asText()).isEqualTo("0x1");
    assertThat(r.get("type").asText()).isEqualTo("0x2");
    assertThat(r.get("cumulativeGasUsed").asText()).isEqualTo(Quantity.of(receipts.get(1).cumulativeGasUsed()));
    assertThat(r.get("gasUsed").asText())
        .isEqualTo(Quantity.of(receipts.get(1).cumulativeGasUsed() - receipts.get(0).cumulativeGasUsed()));
    assertThat(r.get("effectiveGasPrice").asText())
        .isEqualTo(Quantity.of(block(2).header().baseFeePerGas().add(TIP)));
    assertThat(r.get("logsBloom").asText()).isEqualTo(receipts.get(1).logsBloom().bytes().toHex());

    JsonNode log = r.get("logs").get(0);
    assertThat(r.get("logs")).hasSize(1);
    assertThat(log.get("address").asText()).isEqualTo(LOGGER_B.toHex());
    assertThat(log.get("topics")).extracting(JsonNode::asText).containsExactly(hex(EMITTED), hex(BOB));
    assertThat(log.get("data").asText()).isEqualTo(hex(ChainFixture.word(2)));
    // The index counts the block's logs, not the receipt's.
    assertThat(log.get("logIndex").asText()).isEqualTo("0x1");
    assertThat(log.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(log.get("transactionHash").asText()).isEqualTo(hex(tx(2, 1).hash()));
    assertThat(log.get("blockHash").asText()).isEqualTo(hex(block(2).hash()));
    assertThat(log.get("blockNumber").asText()).isEqualTo("0x2");
    assertThat(log.get("blockTimestamp").asText()).isEqualTo("0x18");
    assertThat(log.get("removed").asBoolean()).isFalse();
  }

  @Test
  void receiptOfAContractCreation() {
    JsonNode r = result(d, "eth_getTransactionReceipt", hex(tx(3, 0).hash()));
    assertThat(r.get("to").isNull()).isTrue();
    assertThat(r.get("contractAddress").asText()).isEqualTo(ContractAddress.of(SENDER, 4).toHex());
    assertThat(r.get("logs").get(0).get("topics").get(0).asText()).isEqualTo(hex(INIT));
    assertThat(r.get("logs").get(0).get("address").asText()).isEqualTo(ContractAddress.of(SENDER, 4).toHex());
    assertThat(r.get("gasUsed").asText()).isEqualTo(r.get("cumulativeGasUsed").asText());
  }

  @Test
  void blockReceiptsByNumberHashAndTag() {
    JsonNode all = result(d, "eth_getBlockReceipts", "0x3");
    assertThat(all).hasSize(2);
    assertThat(all.get(0)).isEqualTo(result(d, "eth_getTransactionReceipt", hex(tx(3, 0).hash())));
    assertThat(all.get(1)).isEqualTo(result(d, "eth_getTransactionReceipt", hex(tx(3, 1).hash())));
    assertThat(all.get(1).get("type").asText()).isEqualTo("0x1");
    assertThat(all.get(1).get("effectiveGasPrice").asText()).isEqualTo(Quantity.of(MAX_FEE));
    assertThat(all.get(1).get("logs").get(0).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(result(d, "eth_getBlockReceipts", hex(block(3).hash()))).isEqualTo(all);
    assertThat(result(d, "eth_getBlockReceipts", Map.of("blockHash", hex(block(3).hash())))).isEqualTo(all);
    assertThat(result(d, "eth_getBlockReceipts", "0x4")).isEmpty();
    assertThat(result(d, "eth_getBlockReceipts", "latest").get(0).get("logs").get(0).get("topics").get(1).asText())
        .isEqualTo(hex(ALICE));
  }

  @Test
  void badParamsNameTheArgument() {
    JsonNode e = error(d, "eth_getBlockByNumber", "0x01", false);
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (block)").contains("leading zero");

    e = error(d, "eth_getBlockByHash", "0x12", false);
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 0 (block hash)").contains("32 bytes");

    e = error(d, "eth_getBlockByNumber", "latest");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 1 (hydrated)");

    e = error(d, "eth_getBlockByNumber", "latest", "yes");
    assertThat(e.get("message").asText()).contains("argument 1 (hydrated)").contains("boolean");

    e = error(d, "eth_getTransactionByBlockHashAndIndex", hex(block(1).hash()), "1");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("argument 1 (transaction index)");

    e = error(d, "eth_getTransactionReceipt");
    assertThat(e.get("message").asText()).contains("argument 0 (transaction hash)");

    e = error(d, "eth_getBlockReceipts");
    assertThat(e.get("message").asText()).contains("argument 0 (block)");

    e = error(d, "eth_blockNumber", "0x1");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("too many arguments");

    e = error(d, "eth_getBlockByNumber", "nope", false);
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
  }
}
