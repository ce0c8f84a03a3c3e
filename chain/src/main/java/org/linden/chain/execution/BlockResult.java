package org.linden.chain.execution;

import java.util.List;
import org.linden.chain.block.LogsBloom;
import org.linden.chain.block.Receipt;
import org.linden.types.Bytes;

/** What executing a block produced: receipts, gas, blob gas and EIP-7685 requests. */
public record BlockResult(List<Receipt> receipts, long gasUsed, long blobGasUsed, List<Bytes> requests,
    LogsBloom logsBloom) {
  public BlockResult {
    receipts = List.copyOf(receipts);
    requests = List.copyOf(requests);
  }
}
