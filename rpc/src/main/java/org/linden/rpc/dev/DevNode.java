package org.linden.rpc.dev;

import java.util.List;
import java.util.OptionalLong;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * What the development RPC methods need from a dev-mode node: mining on demand, the mining
 * mode, snapshots, the clock, direct edits of accounts, and impersonation. The node module
 * implements it; {@link DevApi} and {@link DevAccountsApi} only translate JSON to these calls.
 *
 * <p>Every method is called from RPC threads and must be safe to call concurrently with
 * sealing. A method that refuses a value (a timestamp before the head's, a nonce below the
 * account's) throws {@link IllegalArgumentException}, reported as invalid params (-32602);
 * one that cannot act now throws {@link IllegalStateException}, reported as -32000. The
 * exception's message is shown to the caller as it is.
 *
 * <p>Timestamps and durations are seconds, as block timestamps are.
 */
public interface DevNode {
  /**
   * Mines {@code count} blocks now, whatever the mining mode, each with as many pending
   * transactions as fit (empty if none), and returns once they are all on the chain.
   *
   * @param count how many blocks, at least 1
   * @param timestamp the first block's timestamp; empty for the node's clock
   * @param intervalSeconds seconds between consecutive blocks' timestamps (each block after
   *     the first is its parent's timestamp plus this); empty for the node's clock
   * @throws IllegalArgumentException if {@code timestamp} is not after the head's
   */
  void mine(long count, OptionalLong timestamp, OptionalLong intervalSeconds);

  /** Whether each transaction that becomes pending is mined at once in a block of its own. */
  boolean automine();

  /**
   * Turns automine on or off. Turning it on mines what is pending and ends interval mining;
   * turning it off leaves transactions pending until a block is mined some other way.
   */
  void setAutomine(boolean on);

  /**
   * Mines a block every {@code seconds} from now on, in place of automine; 0 stops interval
   * mining and leaves automine off, so blocks are then mined only on request (anvil's rule).
   */
  void setIntervalMining(long seconds);

  /**
   * Records the current chain and state and returns an id for {@link #revert}. Ids are
   * never reused within a run.
   */
  long snapshot();

  /**
   * Restores the chain and its state to snapshot {@code id}: the head goes back to the block
   * that was the head then (the blocks after it are dropped), the state with it, and the
   * pending transactions, time offset and next-block timestamp as they were. The snapshot
   * and every snapshot taken after it are used up, as in anvil and hardhat.
   *
   * @return false if there is no such snapshot (unknown, or already used up)
   */
  boolean revert(long id);

  /**
   * Moves the node's clock forward by {@code seconds} for the blocks still to be mined.
   *
   * @return the total offset added so far, in seconds
   */
  long increaseTime(long seconds);

  /**
   * Gives the next mined block exactly this timestamp; later blocks continue from it.
   *
   * @throws IllegalArgumentException if it is not after the head's timestamp
   */
  void setNextBlockTimestamp(long timestamp);

  /**
   * Sets an account's balance. Like the other edits, it changes the head state (directly or
   * by sealing a block; the implementation chooses) and is visible to the next
   * {@code eth_call}, {@code eth_getBalance} and to the next mined block.
   */
  void setBalance(Address account, UInt256 balance);

  /** Sets an account's code (empty code removes it), visible as {@link #setBalance} describes. */
  void setCode(Address account, Bytes code);

  /**
   * Sets an account's nonce, visible as {@link #setBalance} describes; pending transactions
   * of the account that the new nonce makes stale are dropped from the pool.
   *
   * @param nonce an unsigned 64-bit value
   */
  void setNonce(Address account, long nonce);

  /** Writes one storage slot of an account, visible as {@link #setBalance} describes. */
  void setStorageAt(Address account, UInt256 slot, UInt256 value);

  /** Lets {@code eth_sendTransaction} send from {@code account} without its key. */
  void impersonate(Address account);

  /**
   * Ends the impersonation of {@code account}.
   *
   * @return whether it was impersonated
   */
  boolean stopImpersonating(Address account);

  /** Whether transactions from {@code account} may be sent unsigned. */
  boolean isImpersonated(Address account);

  /** The impersonated accounts, in the order they were added ({@code eth_accounts} lists them). */
  List<Address> impersonatedAccounts();

  /**
   * Admits a transaction from an impersonated account to the pool without a signature. The
   * transaction's signature fields are zero; the pool treats {@code from} as its sender and
   * checks everything else (nonce, balance, fees, gas) as for a signed one. The hash must
   * identify the transaction among all others (e.g. over the transaction with a placeholder
   * signature and the sender), since it is what receipts and lookups use.
   *
   * @return the transaction's hash
   * @throws TxPoolException if the pool refuses it, with go-ethereum's text
   */
  Hash submitUnsigned(Transaction tx, Address from) throws TxPoolException;
}
