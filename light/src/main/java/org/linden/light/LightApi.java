package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.tx.Transaction;
import org.linden.crypto.Keccak;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.rpc.RpcMethod;
import org.linden.rpc.eth.CallBlock;
import org.linden.rpc.eth.CallErrors;
import org.linden.rpc.eth.CallExecutor;
import org.linden.rpc.eth.CallInput;
import org.linden.rpc.eth.CallRejectedException;
import org.linden.rpc.eth.CallRequest;
import org.linden.rpc.eth.CallResult;
import org.linden.rpc.eth.GasEstimator;
import org.linden.rpc.eth.LogEntry;
import org.linden.rpc.eth.LogFilter;
import org.linden.rpc.eth.RpcJson;
import org.linden.rpc.eth.StateOverrides;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The JSON-RPC methods the light client serves, each answered only from verified data and
 * formatted by the full node's own {@link RpcJson}, so wallets see the same shapes. A
 * verification failure is a JSON-RPC error naming what did not verify.
 */
public final class LightApi {
  /** The error code of an answer that did not verify. */
  public static final int NOT_VERIFIED = -32099;
  private static final int MAX_LOG_RANGE = 10_000;
  private static final long GAS_CAP = 50_000_000L;

  private final ChainConfig config;
  private final UpstreamPool upstreams;
  private final HeaderChain headers;
  private final VerifiedBlocks blocks;
  private final RpcJson json;

  public LightApi(ChainConfig config, UpstreamPool upstreams, HeaderChain headers) {
    this.config = config;
    this.upstreams = upstreams;
    this.headers = headers;
    this.blocks = new VerifiedBlocks(upstreams);
    this.json = new RpcJson(config);
  }

  /** Registers every method on {@code d}. */
  public void register(RpcDispatcher d) {
    d.register("web3_clientVersion", guarded(p -> "Linden/light"));
    d.register("net_version", guarded(p -> Long.toUnsignedString(config.chainId())));
    d.register("eth_chainId", guarded(p -> Quantity.of(config.chainId())));
    d.register("eth_syncing", guarded(p -> false));
    d.register("eth_accounts", guarded(p -> JsonNodeFactory.instance.arrayNode()));
    d.register("eth_blockNumber", guarded(p -> Quantity.of(headers.refreshHead().number())));
    // Fee suggestions are opinions, not chain data: nothing to verify, so they are passed on.
    d.register("eth_gasPrice", guarded(p -> forward("eth_gasPrice")));
    d.register("eth_maxPriorityFeePerGas", guarded(p -> forward("eth_maxPriorityFeePerGas")));
    d.register("eth_getBalance", guarded(p -> Quantity.of(state(p, 1).proven(p.address(0, "address")).balance())));
    d.register("eth_getTransactionCount", guarded(this::transactionCount));
    d.register("eth_getCode", guarded(p -> state(p, 1).codeOf(p.address(0, "address")).toHex()));
    d.register("eth_getStorageAt", guarded(p -> Hash.wrap(state(p, 2)
        .storage(p.address(0, "address"), p.uint256(1, "slot")).toBytes32()).toHex()));
    d.register("eth_getBlockByNumber", guarded(p -> blockJson(resolve(p.block(0, "block")), p.bool(1, "full", false))));
    d.register("eth_getBlockByHash", guarded(p -> blockJson(headers.byHash(p.hash(0, "block hash")), p.bool(1, "full", false))));
    d.register("eth_getBlockReceipts", guarded(p -> resolve(p.block(0, "block")).map(h -> {
      Block b = blocks.block(h);
      return (Object) json.receipts(b, blocks.receipts(b));
    }).orElse(null)));
    d.register("eth_getTransactionByHash", guarded(p -> located(p.hash(0, "transaction hash"))
        .map(at -> (Object) json.transaction(at.tx(), at.tx().hash(), at.inclusion())).orElse(null)));
    d.register("eth_getTransactionReceipt", guarded(p -> located(p.hash(0, "transaction hash"))
        .map(at -> (Object) json.receipt(at.block(), at.block().hash(), blocks.receipts(at.block()), at.index()))
        .orElse(null)));
    d.register("eth_getLogs", guarded(this::logs));
    d.register("eth_call", guarded(this::call));
    d.register("eth_estimateGas", guarded(this::estimateGas));
    d.register("eth_sendRawTransaction", guarded(this::sendRawTransaction));
  }

  private interface Body {
    Object apply(Params p);
  }

  /** Turns verification and upstream failures into JSON-RPC errors. */
  private static RpcMethod guarded(Body body) {
    return (p, s) -> {
      try {
        return body.apply(p);
      } catch (VerificationException e) {
        throw new RpcException(NOT_VERIFIED, "not verified: " + e.getMessage());
      } catch (UpstreamException e) {
        throw new RpcException(e.code() == 0 ? RpcException.SERVER_ERROR : e.code(), e.getMessage());
      }
    };
  }

  private Object forward(String method) {
    return upstreams.query(u -> u.call(method));
  }

  private Optional<BlockHeader> resolve(BlockParameter at) {
    return switch (at) {
      case BlockParameter.Tag t -> t == BlockParameter.Tag.EARLIEST ? headers.at(0) : Optional.of(headers.refreshHead());
      case BlockParameter.Number n -> headers.at(n.number());
      case BlockParameter.ByHash h -> headers.byHash(h.hash());
    };
  }

  private BlockHeader require(BlockParameter at) {
    return resolve(at).orElseThrow(() -> RpcException.server("header not found"));
  }

  private ProvenState state(Params p, int blockIndex) {
    BlockParameter at = p.has(blockIndex) ? p.block(blockIndex, "block") : BlockParameter.Tag.LATEST;
    return new ProvenState(upstreams, require(at));
  }

  /**
   * The account's nonce, proven against the verified block. {@code pending} asks for the
   * next nonce counting the transactions waiting in a pool, which no header commits to, so
   * that part cannot be verified: the answer is the larger of the upstream's pending nonce
   * and the nonce proven at the latest verified block. A lying server can make it higher
   * (the wallet's next transaction then waits behind a gap) but never lower than a nonce
   * the chain has already used, which would have the wallet sign a transaction that can
   * never be included.
   */
  private Object transactionCount(Params p) {
    p.atMost(2);
    Address address = p.address(0, "address");
    long proven = state(p, 1).proven(address).nonce();
    if (!p.has(1) || p.block(1, "block") != BlockParameter.Tag.PENDING) {
      return Quantity.of(proven);
    }
    long pending = upstreams.query(u -> JsonFields.quantity(
        u.call("eth_getTransactionCount", address.toHex(), "pending").asText(), "pending transaction count"));
    return Quantity.of(Math.max(proven, pending));
  }

  private Object blockJson(Optional<BlockHeader> header, boolean full) {
    return header.map(h -> (Object) json.block(blocks.block(h), full)).orElse(null);
  }

  /** A mined transaction found in a verified block. */
  private record Located(Block block, int index, Transaction tx) {
    RpcJson.Inclusion inclusion() {
      BlockHeader h = block.header();
      return new RpcJson.Inclusion(block.hash(), h.number(), h.timestamp(), h.baseFeePerGas(), index);
    }
  }

  /**
   * The server says where the transaction is; the block is verified and the transaction
   * at that index must hash to the one asked for. A pending transaction cannot be
   * verified, so it reads as unknown until mined.
   */
  private Optional<Located> located(Hash txHash) {
    JsonNode t = upstreams.query(u -> u.call("eth_getTransactionByHash", txHash.toHex()));
    if (t.isNull() || !JsonFields.present(t, "blockHash")) {
      return Optional.empty();
    }
    BlockHeader header = headers.byHash(JsonFields.hash(t, "blockHash"))
        .orElseThrow(() -> new VerificationException("the block said to hold " + txHash + " is unknown"));
    int index = (int) JsonFields.quantity(t, "transactionIndex");
    Block block = blocks.block(header);
    if (index < 0 || index >= block.transactions().size() || !block.transactions().get(index).hash().equals(txHash)) {
      throw new VerificationException("transaction " + txHash + " is not at index " + index + " of block " + header.number());
    }
    return Optional.of(new Located(block, index, block.transactions().get(index)));
  }

  private Object logs(Params p) {
    p.atMost(1);
    LogFilter filter = LogFilter.parse(p.required(0, "filter"), 0, "filter");
    long from;
    long to;
    if (filter.blockHash() != null) {
      BlockHeader h = headers.byHash(filter.blockHash()).orElseThrow(() -> RpcException.server("unknown block"));
      from = h.number();
      to = h.number();
    } else {
      BlockHeader head = headers.refreshHead();
      from = bound(filter.fromBlock(), head);
      to = bound(filter.toBlock(), head);
    }
    if (to - from >= MAX_LOG_RANGE) {
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "block range too large: at most " + MAX_LOG_RANGE + " blocks");
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (long n = from; n <= to; n++) {
      BlockHeader h = headers.at(n).orElseThrow(() -> RpcException.server("header not found"));
      // The bloom is part of the sealed header, so skipping on it cannot hide a log.
      if (!filter.mightMatch(h.logsBloom())) {
        continue;
      }
      Block b = blocks.block(h);
      List<Receipt> receipts = blocks.receipts(b);
      for (LogEntry e : LogEntry.ofBlock(b, b.hash(), receipts, false, filter::matches)) {
        out.add(RpcJson.log(e));
      }
    }
    return out;
  }

  private long bound(BlockParameter at, BlockHeader head) {
    if (at == null) {
      return head.number();
    }
    return switch (at) {
      case BlockParameter.Tag t -> t == BlockParameter.Tag.EARLIEST ? headers.anchorNumber() : head.number();
      case BlockParameter.Number n -> n.number();
      case BlockParameter.ByHash h -> require(at).number();
    };
  }

  private CallInput callInput(Params p) {
    CallRequest call = CallRequest.parse(p.object(0, "transaction"), 0, "transaction");
    BlockHeader header = require(p.has(1) ? p.block(1, "block") : BlockParameter.Tag.LATEST);
    StateOverrides overrides = p.has(2) ? StateOverrides.parse(p.raw().get(2), 2, "stateOverrides") : StateOverrides.NONE;
    return new CallInput(call, callBlock(header), new ProvenState(upstreams, header), overrides);
  }

  /** The block a call runs in, as the full node builds it, with BLOCKHASH answered from verified headers. */
  private CallBlock callBlock(BlockHeader header) {
    Fork fork = config.forkAt(header.number(), header.timestamp());
    UInt256 randao = fork.isAtLeast(Fork.PARIS) ? UInt256.fromBytes(header.mixHash().bytes()) : header.difficulty();
    UInt256 blobFee = fork.isAtLeast(Fork.CANCUN) && header.excessBlobGas() != null
        ? config.blobScheduleAt(header.timestamp()).blobBaseFee(header.excessBlobGas())
        : UInt256.ZERO;
    LongFunction<Hash> hashes = n -> headers.at(n).map(BlockHeader::hash).orElse(Hash.ZERO);
    return new CallBlock(config, header.coinbase(), header.number(), header.timestamp(), header.gasLimit(),
        header.difficulty(), randao, header.baseFeePerGas(), header.excessBlobGas(), blobFee, hashes);
  }

  private Object call(Params p) {
    p.atMost(3);
    CallInput in = callInput(p);
    long gas = in.call().gas() != null ? Math.min(in.call().gas(), GAS_CAP) : Math.min(in.block().gasLimit(), GAS_CAP);
    CallResult r;
    try {
      r = CallExecutor.run(in.newState(), in.block(), in.call(), gas, false, null);
    } catch (CallRejectedException e) {
      throw CallErrors.rejected(e);
    }
    if (!r.success()) {
      throw CallErrors.failed(r);
    }
    return r.output().toHex();
  }

  private Object estimateGas(Params p) {
    p.atMost(3);
    return Quantity.of(GasEstimator.estimate(callInput(p), GAS_CAP));
  }

  /** Forwarded as is; the hash returned must be the transaction's own. */
  private Object sendRawTransaction(Params p) {
    p.atMost(1);
    Bytes raw = p.data(0, "transaction");
    Hash expected = Keccak.hash256(raw);
    JsonNode answer = upstreams.query(u -> u.call("eth_sendRawTransaction", raw.toHex()));
    if (!answer.isTextual() || !JsonFields.data(answer.asText(), "hash").equals(expected.bytes())) {
      throw new VerificationException("the server answered " + answer + " for transaction " + expected);
    }
    return expected.toHex();
  }

}
