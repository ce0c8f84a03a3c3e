package org.linden.evm.state;

import java.util.List;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The mutable state the EVM runs on, with a journal: {@link #snapshot()} marks a point
 * and {@link #revertTo(int)} undoes every change after it (balances, nonces, code,
 * storage, transient storage, warm sets, refunds, logs, touches, self-destructs).
 */
public interface WorldState {
  boolean exists(Address address);

  /** EIP-161: non-existent, or zero nonce, zero balance and no code. */
  boolean isEmpty(Address address);

  long getNonce(Address address);

  void setNonce(Address address, long nonce);

  UInt256 getBalance(Address address);

  void setBalance(Address address, UInt256 balance);

  Bytes getCode(Address address);

  /** keccak of the code; the empty-code hash for an existing account without code. */
  Hash getCodeHash(Address address);

  void setCode(Address address, Bytes code);

  UInt256 getStorage(Address address, UInt256 slot);

  /** True if the account has any non-zero storage slot. */
  boolean hasStorage(Address address);

  /** The slot's value at the start of the current transaction (EIP-2200). */
  UInt256 getOriginalStorage(Address address, UInt256 slot);

  void setStorage(Address address, UInt256 slot, UInt256 value);

  UInt256 getTransientStorage(Address address, UInt256 slot);

  void setTransientStorage(Address address, UInt256 slot, UInt256 value);

  /**
   * Makes {@code address} a fresh account for CREATE: storage cleared, nonce zero, code
   * empty, balance kept; remembered as created in this transaction (EIP-6780).
   */
  void createAccount(Address address);

  boolean createdInTransaction(Address address);

  /** Schedules the account's deletion at the end of the transaction. */
  void markDestructed(Address address);

  boolean isDestructed(Address address);

  /** Marks an account as touched (EIP-161: empty touched accounts are deleted). */
  void touch(Address address);

  /** Marks the address warm; returns whether it was warm before (EIP-2929). */
  boolean warmAddress(Address address);

  boolean isWarm(Address address);

  /** Marks the slot warm; returns whether it was warm before (EIP-2929). */
  boolean warmSlot(Address address, UInt256 slot);

  void addRefund(long gas);

  void subtractRefund(long gas);

  long getRefund();

  void addLog(Log log);

  List<Log> logs();

  int snapshot();

  void revertTo(int snapshot);

  /** Starts a transaction: clears warm sets, transient storage, refunds, logs. */
  void beginTransaction();

  /**
   * Ends a transaction: deletes self-destructed accounts and, if {@code deleteEmptyTouched}
   * (Spurious Dragon on), empty touched accounts; the current storage becomes the
   * original storage of the next transaction.
   */
  void finishTransaction(boolean deleteEmptyTouched);

  /** Every change since this state was created, for the database. */
  List<AccountChange> changes();
}
