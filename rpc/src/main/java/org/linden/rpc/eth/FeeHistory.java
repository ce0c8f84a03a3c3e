package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.execution.HeaderValidator;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * {@code eth_feeHistory}: for up to {@value #MAX_BLOCKS} blocks ending at {@code newestBlock},
 * each block's base fee and blob base fee (plus the next block's), gas used and blob gas
 * used as fractions of their limits, and for each requested percentile the effective tip
 * at that point of the block's gas, transactions sorted by tip and weighted by the gas they
 * used (geth's method). A request reaching before genesis returns fewer blocks.
 */
final class FeeHistory {
  static final int MAX_BLOCKS = 1024;
  static final int MAX_PERCENTILES = 100;

  private final Blockchain chain;
  private final HeaderValidator headers;

  FeeHistory(Blockchain chain) {
    this.chain = chain;
    this.headers = new HeaderValidator(chain.config());
  }

  Object query(Params p) {
    p.atMost(3);
    long count = blockCount(p.required(0, "blockCount"));
    p.required(1, "newestBlock");
    BlockParameter newest = p.block(1, "newestBlock");
    double[] percentiles = percentiles(p);
    if (count > MAX_BLOCKS) {
      count = MAX_BLOCKS;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (count == 0) {
      out.put("oldestBlock", "0x0");
      out.putArray("baseFeePerGas");
      out.putArray("gasUsedRatio");
      return out;
    }
    BlockHeader last = newestHeader(newest);
    long oldest = last.number() + 1 >= count ? last.number() + 1 - count : 0;
    ArrayNode baseFees = JsonNodeFactory.instance.arrayNode();
    ArrayNode blobFees = JsonNodeFactory.instance.arrayNode();
    ArrayNode ratios = JsonNodeFactory.instance.arrayNode();
    ArrayNode blobRatios = JsonNodeFactory.instance.arrayNode();
    ArrayNode rewards = JsonNodeFactory.instance.arrayNode();
    for (long n = oldest; n <= last.number(); n++) {
      BlockHeader h = n == last.number() ? last : canonicalHeader(n);
      baseFees.add(Quantity.of(h.baseFeePerGas() == null ? UInt256.ZERO : h.baseFeePerGas()));
      blobFees.add(Quantity.of(blobBaseFee(h)));
      ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      long maxBlobGas = chain.config().blobScheduleAt(h.timestamp()).maxBlobGasPerBlock();
      blobRatios.add(maxBlobGas == 0 || h.blobGasUsed() == null ? 0.0 : (double) h.blobGasUsed() / maxBlobGas);
      if (percentiles.length > 0) {
        ArrayNode row = rewards.addArray();
        for (UInt256 tip : rewards(h, percentiles)) {
          row.add(Quantity.of(tip));
        }
      }
    }
    baseFees.add(Quantity.of(nextBaseFee(chain.config(), last)));
    blobFees.add(Quantity.of(nextBlobBaseFee(last)));
    out.put("oldestBlock", Quantity.of(oldest));
    out.set("baseFeePerGas", baseFees);
    out.set("gasUsedRatio", ratios);
    out.set("baseFeePerBlobGas", blobFees);
    out.set("blobGasUsedRatio", blobRatios);
    if (percentiles.length > 0) {
      out.set("reward", rewards);
    }
    return out;
  }

  /** The block count as a hex quantity, or (as geth also takes it) a decimal number or string. */
  private static long blockCount(JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
      return n.longValue();
    }
    if (n.isTextual() && !n.textValue().isEmpty() && n.textValue().chars().allMatch(Character::isDigit)
        && n.textValue().length() <= 18) {
      return Long.parseLong(n.textValue());
    }
    if (n.isTextual()) {
      long v = Params.parseQuantityLong(n.textValue(), 0, "blockCount");
      return v < 0 ? Long.MAX_VALUE : v;
    }
    throw CallJson.bad(0, "blockCount", "expected a hex quantity");
  }

  private static double[] percentiles(Params p) {
    if (!p.has(2)) {
      return new double[0];
    }
    JsonNode n = p.raw().get(2);
    if (!n.isArray()) {
      throw CallJson.bad(2, "rewardPercentiles", "expected an array of numbers");
    }
    if (n.size() > MAX_PERCENTILES) {
      throw CallJson.bad(2, "rewardPercentiles", "at most " + MAX_PERCENTILES + " percentiles");
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = n.get(i);
      if (!v.isNumber()) {
        throw CallJson.bad(2, "rewardPercentiles[" + i + "]", "expected a number");
      }
      out[i] = v.doubleValue();
      if (!(out[i] >= 0 && out[i] <= 100)) {
        throw CallJson.bad(2, "rewardPercentiles[" + i + "]", "invalid reward percentile: " + v.asText()
            + " is not between 0 and 100");
      }
      if (i > 0 && out[i] < out[i - 1]) {
        throw CallJson.bad(2, "rewardPercentiles[" + i + "]", "invalid reward percentile: " + v.asText()
            + " is below the one before it");
      }
    }
    return out;
  }

  private BlockHeader newestHeader(BlockParameter p) {
    BlockHeader head = chain.head();
    if (p instanceof BlockParameter.Number n && Long.compareUnsigned(n.number(), head.number()) > 0) {
      throw RpcException.server("request beyond head block: requested " + Long.toUnsignedString(n.number())
          + ", head " + head.number());
    }
    return switch (p) {
      case BlockParameter.Tag t -> t == BlockParameter.Tag.EARLIEST ? canonicalHeader(0) : head;
      case BlockParameter.Number n -> canonicalHeader(n.number());
      case BlockParameter.ByHash h -> chain.store().header(h.hash())
          .orElseThrow(() -> RpcException.server("header not found"));
    };
  }

  private BlockHeader canonicalHeader(long n) {
    return chain.store().canonicalHash(n).flatMap(h -> chain.store().header(h))
        .orElseThrow(() -> RpcException.server("header " + n + " not found"));
  }

  private UInt256 blobBaseFee(BlockHeader h) {
    if (h.excessBlobGas() == null) {
      return UInt256.ZERO;
    }
    return chain.config().blobScheduleAt(h.timestamp()).blobBaseFee(h.excessBlobGas());
  }

  /** The base fee of the block after {@code h}; zero if that block is before London. */
  static UInt256 nextBaseFee(ChainConfig config, BlockHeader h) {
    if (config.forkAt(h.number() + 1, h.timestamp()).isBefore(Fork.LONDON)) {
      return UInt256.ZERO;
    }
    if (config.forkAt(h.number(), h.timestamp()).isBefore(Fork.LONDON)) {
      return HeaderValidator.INITIAL_BASE_FEE;
    }
    return HeaderValidator.baseFee(h);
  }

  /** The blob base fee of the block after {@code h} (its time taken as {@code h}'s); zero before Cancun. */
  UInt256 nextBlobBaseFee(BlockHeader h) {
    Fork next = chain.config().forkAt(h.number() + 1, h.timestamp());
    if (next.isBefore(Fork.CANCUN)) {
      return UInt256.ZERO;
    }
    BlobSchedule schedule = chain.config().blobScheduleAt(h.timestamp());
    return schedule.blobBaseFee(headers.excessBlobGas(h, h.timestamp(), next));
  }

  /** A transaction's effective tip in a block with {@code baseFee} and the gas it used. */
  record TipAndGas(UInt256 tip, long gas) {}

  /** The tips of {@code h}'s transactions with the gas each used, lowest tip first. */
  List<TipAndGas> tips(BlockHeader h) {
    BlockBody body = chain.store().body(h.hash()).orElseThrow(() -> RpcException.server("block body not found"));
    List<Receipt> receipts = chain.store().receipts(h.hash())
        .orElseThrow(() -> RpcException.server("block receipts not found"));
    UInt256 baseFee = h.baseFeePerGas() == null ? UInt256.ZERO : h.baseFeePerGas();
    List<TipAndGas> out = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < body.transactions().size(); i++) {
      long cumulative = receipts.get(i).cumulativeGasUsed();
      out.add(new TipAndGas(effectiveTip(body.transactions().get(i), baseFee), cumulative - previous));
      previous = cumulative;
    }
    out.sort(Comparator.comparing(TipAndGas::tip));
    return out;
  }

  static UInt256 effectiveTip(Transaction tx, UInt256 baseFee) {
    UInt256 maxFee = tx.maxFeePerGas();
    if (maxFee.lt(baseFee)) {
      return UInt256.ZERO;
    }
    UInt256 room = maxFee.sub(baseFee);
    return tx.maxPriorityFeePerGas().lt(room) ? tx.maxPriorityFeePerGas() : room;
  }

  /** geth's weighting: the tip of the transaction in which the block's gas passes each percentile. */
  private List<UInt256> rewards(BlockHeader h, double[] percentiles) {
    List<UInt256> out = new ArrayList<>(percentiles.length);
    List<TipAndGas> sorted = tips(h);
    if (sorted.isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        out.add(UInt256.ZERO);
      }
      return out;
    }
    int index = 0;
    long sum = sorted.get(0).gas();
    for (double p : percentiles) {
      long threshold = (long) (h.gasUsed() * p / 100);
      while (sum < threshold && index < sorted.size() - 1) {
        index++;
        sum += sorted.get(index).gas();
      }
      out.add(sorted.get(index).tip());
    }
    return out;
  }
}
