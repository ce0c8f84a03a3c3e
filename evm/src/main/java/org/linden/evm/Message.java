package org.linden.evm;

import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/**
 * A message call or contract creation to execute, as execution-specs' {@code Message}.
 * {@code to} is the account whose storage and balance the code works on
 * ({@code current_target}); {@code codeAddress} is where the code came from (they differ
 * for CALLCODE, DELEGATECALL and EIP-7702 delegations). {@code code} is the code to run,
 * already resolved through any delegation; for a creation it is the init code and
 * {@code data} is empty.
 */
public record Message(
    Kind kind,
    Address caller,
    Address to,
    Address codeAddress,
    UInt256 value,
    boolean transfersValue,
    Bytes data,
    Bytes code,
    long gas,
    int depth,
    boolean isStatic,
    boolean disablePrecompiles) {
  /** Message kinds. */
  public enum Kind {
    CALL,
    CREATE
  }
}
