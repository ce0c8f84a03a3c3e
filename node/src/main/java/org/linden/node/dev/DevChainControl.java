package org.linden.node.dev;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.rpc.dev.DevNode;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The dev methods' view of this node ({@code evm_*}, {@code anvil_*}, {@code hardhat_*}):
 * mining on demand, mining modes and time, through the {@link DevSealer}.
 *
 * <p>A snapshot records the head block and the clock; reverting rewinds the chain to that
 * block with the stored reverse diffs (at most {@link
 * org.linden.chain.store.Blockchain#MAX_REORG_DEPTH} blocks back) and restores the clock.
 * As in anvil, transactions still pending stay in the pool, while those mined after the
 * snapshot are dropped with their blocks.
 *
 * <p>An account edit ({@code setBalance}, {@code setCode}, {@code setNonce},
 * {@code setStorageAt}) seals an empty block at once that carries the edit as a dev-only
 * irregular state change, applied before the block executes and stored with it: the head's
 * state root always matches its header, the next {@code eth_call} sees the edit, and the
 * chain replays it when it re-executes the block. Pending transactions stay pending.
 *
 * <p>An impersonated account's transactions enter the pool with a placeholder signature
 * ({@link ImpersonatedSignature}) and their sender beside them; the block that includes one
 * carries that sender as an irregular change, so re-executing the block finds it again.
 */
public final class DevChainControl implements DevNode {
  private final DevSealer sealer;
  private final java.util.NavigableMap<Long, DevSealer.Checkpoint> snapshots = new java.util.TreeMap<>();
  private long nextSnapshot;
  private final java.util.Set<Address> impersonated = new java.util.LinkedHashSet<>();

  private final java.util.function.Consumer<Hash> afterAdd;

  public DevChainControl(DevSealer sealer) {
    this(sealer, hash -> {});
  }

  /** With {@code afterAdd} run once the pool took an impersonated transaction (dev mode waits there for automine). */
  public DevChainControl(DevSealer sealer, java.util.function.Consumer<Hash> afterAdd) {
    this.sealer = sealer;
    this.afterAdd = afterAdd;
  }

  @Override
  public void mine(long count, OptionalLong timestamp, OptionalLong intervalSeconds) {
    if (timestamp.isPresent()) {
      // Checked here so the caller gets invalid params rather than a silently adjusted block.
      sealer.setNextBlockTimestamp(timestamp.getAsLong());
    }
    try {
      sealer.mine(count, timestamp, intervalSeconds).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while mining");
    } catch (ExecutionException e) {
      throw new IllegalStateException("mining failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public boolean automine() {
    return sealer.automine();
  }

  @Override
  public void setAutomine(boolean on) {
    sealer.setAutomine(on);
  }

  @Override
  public void setIntervalMining(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("the interval must not be negative, got " + seconds);
    }
    sealer.setIntervalMining(seconds);
  }

  @Override
  public long increaseTime(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("time only moves forward; got " + seconds + " seconds");
    }
    return sealer.increaseTime(seconds);
  }

  @Override
  public void setNextBlockTimestamp(long timestamp) {
    sealer.setNextBlockTimestamp(timestamp);
  }

  @Override
  public long snapshot() {
    DevSealer.Checkpoint checkpoint = sealer.checkpoint();
    synchronized (snapshots) {
      long id = nextSnapshot++;
      snapshots.put(id, checkpoint);
      return id;
    }
  }

  @Override
  public boolean revert(long id) {
    DevSealer.Checkpoint checkpoint;
    synchronized (snapshots) {
      checkpoint = snapshots.get(id);
      if (checkpoint == null) {
        return false;
      }
      // Used up, with every later one, as in anvil and hardhat; ids are never reused.
      snapshots.tailMap(id, true).clear();
    }
    sealer.restore(checkpoint);
    return true;
  }

  @Override
  public void setBalance(Address account, UInt256 balance) {
    sealer.edit(account, a -> new AccountChange(account, new AccountInfo(a.info().nonce(), balance, a.info().codeHash()),
        a.code(), false, a.storage()));
  }

  @Override
  public void setCode(Address account, Bytes code) {
    Hash codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(code);
    sealer.edit(account, a -> new AccountChange(account, new AccountInfo(a.info().nonce(), a.info().balance(), codeHash),
        code, false, a.storage()));
  }

  @Override
  public void setNonce(Address account, long nonce) {
    sealer.edit(account, a -> {
      if (Long.compareUnsigned(nonce, a.info().nonce()) < 0) {
        // A lower nonce would let the account's mined transactions be sent again under their own hashes.
        throw new IllegalArgumentException("nonce " + Long.toUnsignedString(nonce) + " is below the account's nonce "
            + Long.toUnsignedString(a.info().nonce()));
      }
      return new AccountChange(account, new AccountInfo(nonce, a.info().balance(), a.info().codeHash()), a.code(), false,
          a.storage());
    });
  }

  @Override
  public void setStorageAt(Address account, UInt256 slot, UInt256 value) {
    sealer.edit(account, a -> {
      a.storage().put(slot, value);
      return a;
    });
  }

  @Override
  public void impersonate(Address account) {
    synchronized (impersonated) {
      impersonated.add(account);
    }
  }

  @Override
  public boolean stopImpersonating(Address account) {
    synchronized (impersonated) {
      return impersonated.remove(account);
    }
  }

  @Override
  public boolean isImpersonated(Address account) {
    synchronized (impersonated) {
      return impersonated.contains(account);
    }
  }

  @Override
  public List<Address> impersonatedAccounts() {
    synchronized (impersonated) {
      return List.copyOf(impersonated);
    }
  }

  @Override
  public Hash submitUnsigned(Transaction tx, Address from) throws TxPoolException {
    if (!isImpersonated(from)) {
      throw new IllegalStateException("account " + from + " is not impersonated");
    }
    Hash hash = sealer.submitImpersonated(tx, from);
    afterAdd.accept(hash);
    return hash;
  }
}
