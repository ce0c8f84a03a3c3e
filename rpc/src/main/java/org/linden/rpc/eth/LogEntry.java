package org.linden.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;
import org.linden.evm.Log;
import org.linden.types.Hash;

/**
 * A log with the place it was emitted: block, transaction and its index within the
 * block ({@code logIndex} counts across all of the block's receipts, as the RPC
 * specification and every client define it).
 *
 * @param removed true when the block left the canonical chain in a reorg
 */
public record LogEntry(Log log, Hash blockHash, long blockNumber, long blockTimestamp, Hash transactionHash,
    int transactionIndex, int logIndex, boolean removed) {

  /**
   * The logs of {@code block} that {@code keep} accepts, in block order. Transaction
   * hashes are computed only for transactions that have a kept log.
   */
  public static List<LogEntry> ofBlock(Block block, Hash blockHash, List<Receipt> receipts, boolean removed,
      Predicate<Log> keep) {
    List<LogEntry> out = new ArrayList<>();
    int logIndex = 0;
    int count = Math.min(receipts.size(), block.transactions().size());
    for (int i = 0; i < count; i++) {
      Hash txHash = null;
      for (Log log : receipts.get(i).logs()) {
        if (keep.test(log)) {
          if (txHash == null) {
            txHash = block.transactions().get(i).hash();
          }
          out.add(new LogEntry(log, blockHash, block.number(), block.header().timestamp(), txHash, i, logIndex,
              removed));
        }
        logIndex++;
      }
    }
    return out;
  }
}
