package org.linden.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.SenderRecovery;
import org.linden.chain.tx.Transaction;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The suggested priority fee behind {@code eth_maxPriorityFeePerGas} and
 * {@code eth_gasPrice}, by geth's oracle: the three lowest effective tips of each of the
 * last {@value #CHECK_BLOCKS} blocks (ignoring tips under 2 wei and the block producer's
 * own transactions), and the {@value #PERCENTILE}th percentile of those samples, capped at
 * 500 gwei. A block without usable transactions contributes the previous suggestion, and
 * the first suggestion is {@code idleTip}: so on an idle chain the answer stays at
 * {@code idleTip} (1 gwei by default, geth's old default and what wallets expect), while on
 * a busy chain it follows the tips actually paid, up or down. Computed once per head.
 */
final class GasPriceOracle {
  static final int CHECK_BLOCKS = 20;
  static final int PERCENTILE = 60;
  static final int SAMPLES_PER_BLOCK = 3;
  static final UInt256 IGNORE_BELOW = UInt256.valueOf(2);
  static final UInt256 MAX_TIP = UInt256.valueOf(500_000_000_000L);

  private final Blockchain chain;
  private Hash cachedHead;
  private UInt256 lastTip;

  GasPriceOracle(Blockchain chain, UInt256 idleTip) {
    this.chain = chain;
    this.lastTip = idleTip;
  }

  synchronized UInt256 suggestTip() {
    BlockHeader head = chain.head();
    if (head.hash().equals(cachedHead)) {
      return lastTip;
    }
    List<UInt256> samples = new ArrayList<>();
    int target = CHECK_BLOCKS;
    int sampled = 0;
    for (long n = head.number(); n > 0 && sampled < target; n--) {
      List<UInt256> values = blockSamples(n);
      sampled++;
      if (values.isEmpty()) {
        values = List.of(lastTip);
      }
      // A block that says little: look at one more, up to twice the usual window.
      if (values.size() == 1 && samples.size() + 1 < 2 * CHECK_BLOCKS && target < 2 * CHECK_BLOCKS) {
        target++;
      }
      samples.addAll(values);
    }
    UInt256 tip = lastTip;
    if (!samples.isEmpty()) {
      samples.sort(null);
      tip = samples.get((samples.size() - 1) * PERCENTILE / 100);
    }
    if (tip.gt(MAX_TIP)) {
      tip = MAX_TIP;
    }
    lastTip = tip;
    cachedHead = head.hash();
    return tip;
  }

  /** The lowest effective tips of block {@code n}, at most {@value #SAMPLES_PER_BLOCK}. */
  private List<UInt256> blockSamples(long n) {
    BlockHeader h = chain.store().canonicalHash(n).flatMap(hash -> chain.store().header(hash)).orElse(null);
    BlockBody body = h == null ? null : chain.store().body(h.hash()).orElse(null);
    if (body == null || body.transactions().isEmpty()) {
      return List.of();
    }
    UInt256 baseFee = h.baseFeePerGas() == null ? UInt256.ZERO : h.baseFeePerGas();
    List<Transaction> txs = new ArrayList<>(body.transactions());
    txs.sort((a, b) -> FeeHistory.effectiveTip(a, baseFee).compareTo(FeeHistory.effectiveTip(b, baseFee)));
    Fork fork = chain.config().forkAt(h.number(), h.timestamp());
    List<UInt256> out = new ArrayList<>();
    for (Transaction tx : txs) {
      UInt256 tip = FeeHistory.effectiveTip(tx, baseFee);
      if (tip.lt(IGNORE_BELOW)) {
        continue;
      }
      if (sentBy(tx, fork, h.coinbase())) {
        continue;
      }
      out.add(tip);
      if (out.size() >= SAMPLES_PER_BLOCK) {
        break;
      }
    }
    return out;
  }

  /** Whether the producer sent {@code tx} (its tips say nothing about the market); unreadable senders count as such. */
  private boolean sentBy(Transaction tx, Fork fork, Address coinbase) {
    try {
      return SenderRecovery.recover(tx, fork, chain.config().chainId()).equals(coinbase);
    } catch (InvalidTransactionException e) {
      return true;
    }
  }
}
