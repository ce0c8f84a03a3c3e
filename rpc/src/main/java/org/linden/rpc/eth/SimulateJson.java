package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Withdrawal;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TypedTransaction;
import org.linden.evm.Log;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.rpc.eth.SimulateBlockRunner.SimulatedBlock;
import org.linden.rpc.eth.SimulateBlockRunner.SimulatedCall;
import org.linden.types.Hash;

/**
 * The JSON of a simulated block: the header fields as {@code eth_getBlockByNumber} shows
 * them, the transactions (hashes or objects), and {@code calls}: per call its return data,
 * logs, gas used, status and, on failure, an error with code 3 for a revert (data = revert
 * data) or -32015 for any other failure.
 */
final class SimulateJson {
  static final int VM_ERROR = -32015;

  private SimulateJson() {}

  static ObjectNode block(SimulatedBlock sim, boolean fullTx) {
    Block block = sim.block();
    BlockHeader h = block.header();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("number", Quantity.of(h.number()));
    o.put("hash", block.hash().toHex());
    o.put("parentHash", h.parentHash().toHex());
    o.put("nonce", h.nonce().toHex());
    o.put("mixHash", h.mixHash().toHex());
    o.put("sha3Uncles", h.ommersHash().toHex());
    o.put("logsBloom", h.logsBloom().bytes().toHex());
    o.put("transactionsRoot", h.transactionsRoot().toHex());
    o.put("stateRoot", h.stateRoot().toHex());
    o.put("receiptsRoot", h.receiptsRoot().toHex());
    o.put("miner", h.coinbase().toHex());
    o.put("difficulty", Quantity.of(h.difficulty()));
    o.put("extraData", h.extraData().toHex());
    o.put("size", Quantity.of(block.encode().size()));
    o.put("gasLimit", Quantity.of(h.gasLimit()));
    o.put("gasUsed", Quantity.of(h.gasUsed()));
    o.put("timestamp", Quantity.of(h.timestamp()));
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
    ArrayNode txs = o.putArray("transactions");
    List<SimulatedCall> calls = sim.calls();
    for (int i = 0; i < calls.size(); i++) {
      if (fullTx) {
        txs.add(transaction(calls.get(i), block, i));
      } else {
        txs.add(calls.get(i).txHash().toHex());
      }
    }
    o.putArray("uncles");
    if (block.body().withdrawals() != null) {
      ArrayNode ws = o.putArray("withdrawals");
      for (Withdrawal w : block.body().withdrawals()) {
        ObjectNode wo = ws.addObject();
        wo.put("index", Quantity.of(w.index()));
        wo.put("validatorIndex", Quantity.of(w.validatorIndex()));
        wo.put("address", w.address().toHex());
        wo.put("amount", Quantity.of(w.amountGwei()));
      }
    }
    ArrayNode results = o.putArray("calls");
    int logIndex = 0;
    for (int i = 0; i < calls.size(); i++) {
      results.add(call(calls.get(i), block, i, logIndex));
      logIndex += calls.get(i).logs().size();
    }
    return o;
  }

  private static ObjectNode call(SimulatedCall c, Block block, int index, int firstLogIndex) {
    CallResult r = c.result();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("returnData", r.output().toHex());
    ArrayNode logs = o.putArray("logs");
    int logIndex = firstLogIndex;
    for (Log log : c.logs()) {
      logs.add(log(log, block, c.txHash(), index, logIndex++));
    }
    o.put("gasUsed", Quantity.of(r.gasUsed()));
    o.put("maxUsedGas", Quantity.of(r.maxUsedGas()));
    o.put("status", r.success() ? "0x1" : "0x0");
    if (!r.success()) {
      ObjectNode err = o.putObject("error");
      if (r.reverted()) {
        err.put("code", RpcException.EXECUTION_REVERTED);
        err.put("message", CallErrors.revertMessage(r.output()));
        err.put("data", r.output().toHex());
      } else {
        err.put("code", VM_ERROR);
        err.put("message", r.errorMessage());
      }
    }
    return o;
  }

  private static ObjectNode log(Log log, Block block, Hash txHash, int txIndex, int logIndex) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("address", log.address().toHex());
    ArrayNode topics = o.putArray("topics");
    for (Hash t : log.topics()) {
      topics.add(t.toHex());
    }
    o.put("data", log.data().toHex());
    o.put("blockNumber", Quantity.of(block.number()));
    o.put("blockHash", block.hash().toHex());
    o.put("blockTimestamp", Quantity.of(block.header().timestamp()));
    o.put("transactionHash", txHash.toHex());
    o.put("transactionIndex", Quantity.of(txIndex));
    o.put("logIndex", Quantity.of(logIndex));
    o.put("removed", false);
    return o;
  }

  private static ObjectNode transaction(SimulatedCall c, Block block, int index) {
    Transaction tx = c.tx();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("blockHash", block.hash().toHex());
    o.put("blockNumber", Quantity.of(block.number()));
    o.put("blockTimestamp", Quantity.of(block.header().timestamp()));
    o.put("from", c.request().sender().toHex());
    o.put("gas", Quantity.of(tx.gas()));
    o.put("gasPrice", Quantity.of(c.gasPrice()));
    o.put("maxFeePerGas", Quantity.of(tx.maxFeePerGas()));
    o.put("maxPriorityFeePerGas", Quantity.of(tx.maxPriorityFeePerGas()));
    o.put("hash", c.txHash().toHex());
    o.put("input", tx.data().toHex());
    o.put("nonce", Quantity.of(tx.nonce()));
    if (tx.to() == null) {
      o.putNull("to");
    } else {
      o.put("to", tx.to().toHex());
    }
    o.put("transactionIndex", Quantity.of(index));
    o.put("value", Quantity.of(tx.value()));
    o.put("type", Quantity.of(tx.type().code()));
    o.set("accessList", AccessListCreator.json(tx.accessList()));
    o.put("chainId", Quantity.of(((TypedTransaction) tx).chainId()));
    if (tx instanceof BlobTransaction b) {
      o.put("maxFeePerBlobGas", Quantity.of(b.maxFeePerBlobGas()));
      ArrayNode hashes = o.putArray("blobVersionedHashes");
      b.blobVersionedHashes().forEach(hh -> hashes.add(hh.toHex()));
    }
    o.put("v", "0x0");
    o.put("r", "0x0");
    o.put("s", "0x0");
    o.put("yParity", "0x0");
    return o;
  }
}
