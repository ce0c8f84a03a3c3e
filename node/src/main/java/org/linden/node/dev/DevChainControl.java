package org.linden.node.dev;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.linden.chain.tx.Transaction;
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
 * <p>Account edits and impersonation need the chain to take state changes from outside a
 * block and the pool to take unsigned transactions; the chain and the pool offer neither
 * yet, so those methods answer with a -32000 error that says so rather than pretending.
 */
public final class DevChainControl implements DevNode {
  private final DevSealer sealer;
  private final java.util.NavigableMap<Long, DevSealer.Checkpoint> snapshots = new java.util.TreeMap<>();
  private long nextSnapshot;

  public DevChainControl(DevSealer sealer) {
    this.sealer = sealer;
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
    throw editsUnsupported();
  }

  @Override
  public void setCode(Address account, Bytes code) {
    throw editsUnsupported();
  }

  @Override
  public void setNonce(Address account, long nonce) {
    throw editsUnsupported();
  }

  @Override
  public void setStorageAt(Address account, UInt256 slot, UInt256 value) {
    throw editsUnsupported();
  }

  @Override
  public void impersonate(Address account) {
    throw impersonationUnsupported();
  }

  @Override
  public boolean stopImpersonating(Address account) {
    return false;
  }

  @Override
  public boolean isImpersonated(Address account) {
    return false;
  }

  @Override
  public List<Address> impersonatedAccounts() {
    return List.of();
  }

  @Override
  public Hash submitUnsigned(Transaction tx, Address from) {
    throw impersonationUnsupported();
  }

  private static IllegalStateException editsUnsupported() {
    return unsupported("account edits need the chain to take state changes from outside a block, which it cannot"
        + " do yet");
  }

  private static IllegalStateException impersonationUnsupported() {
    return unsupported("impersonation needs the pool to take unsigned transactions, which it cannot do yet");
  }

  private static IllegalStateException unsupported(String why) {
    return new IllegalStateException("not supported by this node: " + why);
  }
}
