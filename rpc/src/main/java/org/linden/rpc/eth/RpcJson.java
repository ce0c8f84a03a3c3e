package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.block.Withdrawal;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.tx.Access;
import org.linden.chain.tx.AccessListTransaction;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TypedTransaction;
import org.linden.evm.ContractAddress;
import org.linden.evm.Log;
import org.linden.rlp.RlpWriter;
import org.linden.rpc.Quantity;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The JSON objects of the {@code eth} namespace: blocks, headers, transactions, receipts,
 * logs and withdrawals, field for field as {@code ethereum/execution-apis} specifies and,
 * where the specification leaves a choice, as geth writes them (so that clients written
 * against geth see the same shapes):
 *
 * <ul>
 *   <li>a header carries exactly the fields its fork defines; {@code totalDifficulty} is
 *       omitted, as geth does since the merge;
 *   <li>a mined EIP-1559-style transaction reports the effective price it paid as
 *       {@code gasPrice}, a pending one its fee cap;
 *   <li>a legacy transaction has {@code chainId} only when its signature is EIP-155;
 *       typed ones have {@code yParity} and {@code v} equal to it;
 *   <li>pending transactions have {@code null} block fields.
 * </ul>
 */
public final class RpcJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ChainConfig config;
  private final Senders senders;

  /**
   * Where a mined transaction sits.
   *
   * @param baseFeePerGas the block's base fee, or null before London
   */
  public record Inclusion(Hash blockHash, long blockNumber, long blockTimestamp, UInt256 baseFeePerGas, int index) {
    static Inclusion of(BlockHeader header, Hash blockHash, int index) {
      return new Inclusion(blockHash, header.number(), header.timestamp(), header.baseFeePerGas(), index);
    }
  }

  public RpcJson(ChainConfig config) {
    this(config, RecordedSenders.NONE);
  }

  /** With {@code recorded} for the transactions whose signature recovers no sender (dev-chain impersonation). */
  public RpcJson(ChainConfig config, RecordedSenders recorded) {
    this.config = config;
    this.senders = new Senders(config, recorded);
  }

  // ---- blocks ----

  /** The header fields of a block object, as {@code newHeads} notifications carry them. */
  public ObjectNode header(BlockHeader h) {
    return header(h, h.hash());
  }

  ObjectNode header(BlockHeader h, Hash hash) {
    ObjectNode o = F.objectNode();
    o.put("number", Quantity.of(h.number()));
    o.put("hash", hash.toHex());
    o.put("parentHash", h.parentHash().toHex());
    o.put("nonce", Quantity.data(h.nonce()));
    o.put("mixHash", h.mixHash().toHex());
    o.put("sha3Uncles", h.ommersHash().toHex());
    o.put("logsBloom", Quantity.data(h.logsBloom().bytes()));
    o.put("stateRoot", h.stateRoot().toHex());
    o.put("miner", h.coinbase().toHex());
    o.put("difficulty", Quantity.of(h.difficulty()));
    o.put("extraData", Quantity.data(h.extraData()));
    o.put("gasLimit", Quantity.of(h.gasLimit()));
    o.put("gasUsed", Quantity.of(h.gasUsed()));
    o.put("timestamp", Quantity.of(h.timestamp()));
    o.put("transactionsRoot", h.transactionsRoot().toHex());
    o.put("receiptsRoot", h.receiptsRoot().toHex());
    if (h.baseFeePerGas() != null) {
      o.put("baseFeePerGas", Quantity.of(h.baseFeePerGas()));
    }
    if (h.withdrawalsRoot() != null) {
      o.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
    }
    if (h.blobGasUsed() != null) {
      o.put("blobGasUsed", Quantity.of(h.blobGasUsed()));
      o.put("excessBlobGas", Quantity.of(h.excessBlobGas()));
      o.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
    }
    if (h.requestsHash() != null) {
      o.put("requestsHash", h.requestsHash().toHex());
    }
    return o;
  }

  /** A block object with transaction hashes, or full transaction objects if {@code fullTransactions}. */
  public ObjectNode block(Block block, boolean fullTransactions) {
    Hash hash = block.hash();
    ObjectNode o = header(block.header(), hash);
    o.put("size", Quantity.of(block.encode().size()));
    ArrayNode txs = o.putArray("transactions");
    List<Transaction> list = block.transactions();
    for (int i = 0; i < list.size(); i++) {
      Transaction tx = list.get(i);
      if (fullTransactions) {
        txs.add(transaction(tx, tx.hash(), Inclusion.of(block.header(), hash, i)));
      } else {
        txs.add(tx.hash().toHex());
      }
    }
    ArrayNode uncles = o.putArray("uncles");
    for (BlockHeader u : block.body().ommers()) {
      uncles.add(u.hash().toHex());
    }
    if (block.body().hasWithdrawals()) {
      ArrayNode ws = o.putArray("withdrawals");
      for (Withdrawal w : block.body().withdrawals()) {
        ws.add(withdrawal(w));
      }
    }
    return o;
  }

  /**
   * An uncle as geth returns it: the header's fields, the size of a block made of that
   * header alone, and no transactions.
   */
  public ObjectNode uncle(BlockHeader uncle) {
    ObjectNode o = header(uncle, uncle.hash());
    RlpWriter w = new RlpWriter(600).startList();
    uncle.writeTo(w);
    w.writeEmptyList().writeEmptyList().endList();
    o.put("size", Quantity.of(w.toBytes().size()));
    o.putArray("uncles");
    return o;
  }

  public static ObjectNode withdrawal(Withdrawal w) {
    ObjectNode o = F.objectNode();
    o.put("index", Quantity.of(w.index()));
    o.put("validatorIndex", Quantity.of(w.validatorIndex()));
    o.put("address", w.address().toHex());
    o.put("amount", Quantity.of(w.amountGwei()));
    return o;
  }

  // ---- transactions ----

  /** A mined transaction; its sender is recovered under the rules of its block's fork. */
  public ObjectNode transaction(Transaction tx, Hash txHash, Inclusion at) {
    Address from = senders.of(tx, txHash, at.blockHash(), at.blockNumber(), at.blockTimestamp());
    return transaction(tx, txHash, from, at);
  }

  /** A transaction not yet in a block; its sender is recovered under the rules of the block after {@code head}. */
  public ObjectNode pendingTransaction(Transaction tx, BlockHeader head) {
    Hash txHash = tx.hash();
    Address from = senders.of(tx, txHash, null, head.number() + 1, head.timestamp());
    return transaction(tx, txHash, from, null);
  }

  /** The transaction object; {@code at} is null for a pending transaction. */
  public static ObjectNode transaction(Transaction tx, Hash txHash, Address from, Inclusion at) {
    ObjectNode o = F.objectNode();
    if (at != null) {
      o.put("blockHash", at.blockHash().toHex());
      o.put("blockNumber", Quantity.of(at.blockNumber()));
      o.put("blockTimestamp", Quantity.of(at.blockTimestamp()));
    } else {
      o.putNull("blockHash");
      o.putNull("blockNumber");
      o.putNull("blockTimestamp");
    }
    o.put("from", from.toHex());
    o.put("gas", Quantity.of(tx.gas()));
    o.put("gasPrice", Quantity.of(gasPrice(tx, at)));
    if (isFeeMarket(tx)) {
      o.put("maxFeePerGas", Quantity.of(tx.maxFeePerGas()));
      o.put("maxPriorityFeePerGas", Quantity.of(tx.maxPriorityFeePerGas()));
    }
    if (tx instanceof BlobTransaction blob) {
      o.put("maxFeePerBlobGas", Quantity.of(blob.maxFeePerBlobGas()));
    }
    o.put("hash", txHash.toHex());
    o.put("input", Quantity.data(tx.data()));
    o.put("nonce", Quantity.of(tx.nonce()));
    if (tx.to() == null) {
      o.putNull("to");
    } else {
      o.put("to", tx.to().toHex());
    }
    if (at != null) {
      o.put("transactionIndex", Quantity.of(at.index()));
    } else {
      o.putNull("transactionIndex");
    }
    o.put("value", Quantity.of(tx.value()));
    o.put("type", Quantity.of(tx.type().code()));
    switch (tx) {
      case LegacyTransaction legacy -> {
        legacy.chainId().ifPresent(id -> o.put("chainId", Quantity.of(id)));
        o.put("v", Quantity.of(legacy.v()));
      }
      case TypedTransaction typed -> {
        o.set("accessList", accessList(tx.accessList()));
        o.put("chainId", Quantity.of(typed.chainId()));
        if (tx instanceof BlobTransaction blob) {
          ArrayNode hashes = o.putArray("blobVersionedHashes");
          blob.blobVersionedHashes().forEach(h -> hashes.add(h.toHex()));
        }
        if (tx instanceof SetCodeTransaction setCode) {
          ArrayNode auths = o.putArray("authorizationList");
          setCode.authorizations().forEach(a -> auths.add(authorization(a)));
        }
        o.put("v", Quantity.of(typed.yParity()));
      }
    }
    o.put("r", Quantity.of(tx.r()));
    o.put("s", Quantity.of(tx.s()));
    if (tx instanceof TypedTransaction typed) {
      o.put("yParity", Quantity.of(typed.yParity()));
    }
    return o;
  }

  private static boolean isFeeMarket(Transaction tx) {
    return tx instanceof FeeMarketTransaction || tx instanceof BlobTransaction || tx instanceof SetCodeTransaction;
  }

  /**
   * The {@code gasPrice} field: the price a mined transaction paid per gas; for a pending
   * EIP-1559-style transaction its fee cap, the most it may pay (geth does the same).
   */
  private static UInt256 gasPrice(Transaction tx, Inclusion at) {
    if (at == null || tx instanceof LegacyTransaction || tx instanceof AccessListTransaction) {
      return tx.maxFeePerGas();
    }
    return effectiveGasPrice(tx, at.baseFeePerGas());
  }

  /**
   * What a transaction pays per gas in a block with {@code baseFee}: its gas price before
   * EIP-1559, else {@code min(maxFeePerGas, baseFee + maxPriorityFeePerGas)}.
   */
  public static UInt256 effectiveGasPrice(Transaction tx, UInt256 baseFee) {
    UInt256 cap = tx.maxFeePerGas();
    if (!isFeeMarket(tx) || baseFee == null || cap.lt(baseFee)) {
      return cap;
    }
    // Written as a comparison of the headroom so that baseFee + tip cannot wrap around.
    UInt256 headroom = cap.sub(baseFee);
    UInt256 tip = tx.maxPriorityFeePerGas();
    return tip.lt(headroom) ? baseFee.add(tip) : cap;
  }

  private static ArrayNode accessList(List<Access> list) {
    ArrayNode out = F.arrayNode();
    for (Access a : list) {
      ObjectNode e = out.addObject();
      e.put("address", a.account().toHex());
      ArrayNode keys = e.putArray("storageKeys");
      a.slots().forEach(k -> keys.add(k.toHex()));
    }
    return out;
  }

  private static ObjectNode authorization(Authorization a) {
    ObjectNode o = F.objectNode();
    o.put("chainId", Quantity.of(a.chainId()));
    o.put("address", a.address().toHex());
    o.put("nonce", Quantity.of(a.nonce()));
    o.put("yParity", Quantity.of(a.yParity()));
    o.put("r", Quantity.of(a.r()));
    o.put("s", Quantity.of(a.s()));
    return o;
  }

  // ---- receipts and logs ----

  /** The receipt objects of every transaction of {@code block}, in order. */
  public List<ObjectNode> receipts(Block block, List<Receipt> receipts) {
    ReceiptContext ctx = new ReceiptContext(block, block.hash());
    List<ObjectNode> out = new ArrayList<>(receipts.size());
    int firstLog = 0;
    for (int i = 0; i < receipts.size() && i < block.transactions().size(); i++) {
      out.add(receipt(ctx, receipts, i, firstLog));
      firstLog += receipts.get(i).logs().size();
    }
    return out;
  }

  /** The receipt object of transaction {@code index} of {@code block}. */
  public ObjectNode receipt(Block block, Hash blockHash, List<Receipt> receipts, int index) {
    int firstLog = 0;
    for (int i = 0; i < index; i++) {
      firstLog += receipts.get(i).logs().size();
    }
    return receipt(new ReceiptContext(block, blockHash), receipts, index, firstLog);
  }

  /** What every receipt of one block shares. */
  private final class ReceiptContext {
    final Block block;
    final Hash blockHash;
    final UInt256 blobGasPrice;

    ReceiptContext(Block block, Hash blockHash) {
      this.block = block;
      this.blockHash = blockHash;
      BlockHeader h = block.header();
      this.blobGasPrice = h.excessBlobGas() == null ? null
          : config.blobScheduleAt(h.timestamp()).blobBaseFee(h.excessBlobGas());
    }
  }

  private ObjectNode receipt(ReceiptContext ctx, List<Receipt> receipts, int index, int firstLog) {
    BlockHeader h = ctx.block.header();
    Transaction tx = ctx.block.transactions().get(index);
    Hash txHash = tx.hash();
    Receipt r = receipts.get(index);
    long previous = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
    Address from = senders.of(tx, txHash, ctx.blockHash, h.number(), h.timestamp());

    ObjectNode o = F.objectNode();
    o.put("blockHash", ctx.blockHash.toHex());
    o.put("blockNumber", Quantity.of(h.number()));
    o.put("transactionHash", txHash.toHex());
    o.put("transactionIndex", Quantity.of(index));
    o.put("from", from.toHex());
    if (tx.to() == null) {
      o.putNull("to");
      o.put("contractAddress", ContractAddress.of(from, tx.nonce()).toHex());
    } else {
      o.put("to", tx.to().toHex());
      o.putNull("contractAddress");
    }
    o.put("cumulativeGasUsed", Quantity.of(r.cumulativeGasUsed()));
    o.put("gasUsed", Quantity.of(r.cumulativeGasUsed() - previous));
    ArrayNode logs = o.putArray("logs");
    for (int k = 0; k < r.logs().size(); k++) {
      Log log = r.logs().get(k);
      logs.add(log(new LogEntry(log, ctx.blockHash, h.number(), h.timestamp(), txHash, index, firstLog + k, false)));
    }
    o.put("logsBloom", Quantity.data(r.logsBloom().bytes()));
    o.put("type", Quantity.of(tx.type().code()));
    if (r.hasStatus()) {
      o.put("status", r.succeeded() ? "0x1" : "0x0");
    } else {
      o.put("root", r.postState().orElseThrow().toHex());
    }
    o.put("effectiveGasPrice", Quantity.of(effectiveGasPrice(tx, h.baseFeePerGas())));
    if (tx instanceof BlobTransaction blob) {
      o.put("blobGasUsed", Quantity.of(BlobSchedule.GAS_PER_BLOB * blob.blobVersionedHashes().size()));
      if (ctx.blobGasPrice != null) {
        o.put("blobGasPrice", Quantity.of(ctx.blobGasPrice));
      }
    }
    return o;
  }

  /** The log object, with its position and the {@code removed} flag. */
  public static ObjectNode log(LogEntry e) {
    ObjectNode o = F.objectNode();
    o.put("address", e.log().address().toHex());
    ArrayNode topics = o.putArray("topics");
    e.log().topics().forEach(t -> topics.add(t.toHex()));
    o.put("data", Quantity.data(e.log().data()));
    o.put("blockNumber", Quantity.of(e.blockNumber()));
    o.put("transactionHash", e.transactionHash().toHex());
    o.put("transactionIndex", Quantity.of(e.transactionIndex()));
    o.put("blockHash", e.blockHash().toHex());
    o.put("blockTimestamp", Quantity.of(e.blockTimestamp()));
    o.put("logIndex", Quantity.of(e.logIndex()));
    o.put("removed", e.removed());
    return o;
  }
}
