package org.linden.rpc.eth;

import java.util.List;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * What a call did: how it ended, the gas it was charged ({@code gasUsed}, after refunds and
 * the EIP-7623 floor) and the most it needed at once ({@code maxUsedGas}, before refunds,
 * which is the gas limit a transaction must carry for the refund to be reachable), its
 * output (return or revert data), its logs if it succeeded and the EVM's error message if
 * it did not.
 */
public record CallResult(
    ExecutionResult.Status status,
    long gasUsed,
    long maxUsedGas,
    Bytes output,
    List<Log> logs,
    String error,
    Address contractAddress) {

  public boolean success() {
    return status == ExecutionResult.Status.SUCCESS;
  }

  public boolean reverted() {
    return status == ExecutionResult.Status.REVERT;
  }

  /** The error as geth words it: "execution reverted" for a revert, the halt reason otherwise. */
  public String errorMessage() {
    if (reverted()) {
      return "execution reverted";
    }
    return error == null ? "execution failed" : error;
  }
}
