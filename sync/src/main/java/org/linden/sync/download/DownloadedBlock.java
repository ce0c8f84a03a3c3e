package org.linden.sync.download;

import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;

/**
 * A block whose body (and receipts, when fetched) matched its header.
 *
 * @param block the block
 * @param receipts its receipts, or null when the download does not fetch receipts
 */
public record DownloadedBlock(Block block, List<Receipt> receipts) {
  public DownloadedBlock {
    receipts = receipts == null ? null : List.copyOf(receipts);
  }
}
