package org.linden.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.chain.store.ChainStore;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcException;
import org.linden.types.Hash;

/**
 * Runs {@code eth_getLogs}: walks the canonical blocks of the range, skips every block
 * whose header bloom rules the filter out, and reads receipts only of the others.
 * A range longer than the configured limit and a result larger than the configured
 * limit are refused with -32005 naming the limit, so one request cannot make the node
 * read or return an unbounded amount.
 */
final class LogQuery {
  private final Blockchain chain;
  private final long maxBlockRange;
  private final int maxResults;

  LogQuery(Blockchain chain, long maxBlockRange, int maxResults) {
    this.chain = chain;
    this.maxBlockRange = maxBlockRange;
    this.maxResults = maxResults;
  }

  List<LogEntry> run(LogFilter f) {
    ChainStore store = chain.store();
    if (f.blockHash() != null) {
      BlockHeader h = store.header(f.blockHash())
          .orElseThrow(() -> RpcException.server("unknown block " + f.blockHash()));
      List<LogEntry> out = new ArrayList<>();
      if (f.mightMatch(h.logsBloom())) {
        scan(h, f.blockHash(), f, out);
      }
      checkCount(out, h.number(), h.number());
      return out;
    }
    long head = chain.head().number();
    long from = resolve(f.fromBlock(), head);
    long to = resolve(f.toBlock(), head);
    if (from > to) {
      throw RpcException.server("invalid block range params: fromBlock " + from + " is after toBlock " + to);
    }
    if (from > head) {
      return List.of();
    }
    to = Math.min(to, head);
    long span = to - from + 1;
    if (span > maxBlockRange) {
      throw new RpcException(RpcException.LIMIT_EXCEEDED, "block range too large: " + span
          + " blocks, more than the eth_getLogs limit of " + maxBlockRange + " blocks");
    }
    List<LogEntry> out = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      // A block can vanish from the canonical index while a reorg runs; skip it then.
      Optional<Hash> hash = store.canonicalHash(n);
      if (hash.isEmpty()) {
        continue;
      }
      Optional<BlockHeader> header = store.header(hash.get());
      if (header.isEmpty() || !f.mightMatch(header.get().logsBloom())) {
        continue;
      }
      scan(header.get(), hash.get(), f, out);
      checkCount(out, from, n);
    }
    return out;
  }

  private static long resolve(BlockParameter p, long head) {
    if (p == null) {
      return head;
    }
    return switch (p) {
      case BlockParameter.Number n -> n.number() < 0 ? Long.MAX_VALUE : n.number();
      case BlockParameter.Tag t -> t == BlockParameter.Tag.EARLIEST ? 0 : head;
      case BlockParameter.ByHash h -> throw new IllegalArgumentException("a range bound is never a hash");
    };
  }

  private void scan(BlockHeader header, Hash hash, LogFilter f, List<LogEntry> out) {
    ChainStore store = chain.store();
    List<Receipt> receipts = store.receipts(hash).orElse(List.of());
    BlockBody body = store.body(hash).orElse(null);
    if (receipts.isEmpty() || body == null) {
      return;
    }
    out.addAll(LogEntry.ofBlock(new Block(header, body), hash, receipts, false, f::matches));
  }

  /** Fails once the result is over the limit, suggesting the range that still fits. */
  private void checkCount(List<LogEntry> out, long from, long current) {
    if (out.size() <= maxResults) {
      return;
    }
    String hint = current > from
        ? "; try the block range [" + Quantity.of(from) + ", " + Quantity.of(current - 1) + "]"
        : "; block " + current + " alone has more";
    throw new RpcException(RpcException.LIMIT_EXCEEDED, "query returned more than " + maxResults
        + " logs (the eth_getLogs result limit)" + hint);
  }
}
