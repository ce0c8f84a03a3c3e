package org.linden.evm;

import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * The outcome of a message: success, or a revert (which returns data and leftover gas),
 * or an exceptional halt (which consumes all gas). {@code createdAddress} is set for a
 * successful creation.
 */
public record ExecutionResult(Status status, long gasLeft, Bytes output, Address createdAddress, String error) {
  /** How the message ended. */
  public enum Status {
    SUCCESS,
    REVERT,
    HALT
  }

  public boolean success() {
    return status == Status.SUCCESS;
  }
}
