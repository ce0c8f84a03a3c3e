package org.linden.chain.execution;

import java.util.List;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * The outcome of an included transaction: whether its execution succeeded, the gas it
 * used (after refunds and the calldata floor), its logs (empty on failure), its return
 * or revert data, the created contract's address, and the error of a failed execution.
 */
public record TransactionResult(
    boolean success, long gasUsed, long blobGasUsed, List<Log> logs, Bytes output, Address contractAddress,
    String error) {
  public TransactionResult {
    logs = List.copyOf(logs);
  }
}
