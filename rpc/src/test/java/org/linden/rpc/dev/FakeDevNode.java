package org.linden.rpc.dev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * A {@link DevNode} that keeps just enough state to check what the RPC layer asks of it: a
 * head number and timestamp, the mining mode, snapshots of the head, a clock offset and
 * the account edits. It refuses what a real node refuses (timestamps not after the head's,
 * nonces below the current one) with the documented exceptions.
 */
final class FakeDevNode implements DevNode {
  record Mined(long count, OptionalLong timestamp, OptionalLong interval) {}

  record Unsigned(Transaction tx, Address from) {}

  final List<Mined> mined = new ArrayList<>();
  final List<Unsigned> unsigned = new ArrayList<>();
  final Map<Address, UInt256> balances = new HashMap<>();
  final Map<Address, Bytes> codes = new HashMap<>();
  final Map<Address, Long> nonces = new HashMap<>();
  final Map<String, UInt256> storage = new HashMap<>();
  final Set<Address> impersonated = new LinkedHashSet<>();
  final TreeMap<Long, Long> snapshots = new TreeMap<>();
  long headNumber;
  long headTimestamp = 1_000;
  boolean automine = true;
  long intervalMining;
  long timeOffset;
  Long nextTimestamp;
  long nextSnapshotId;
  /** When set, every call fails as a node that cannot act now. */
  String unavailable;
  Hash unsignedHash = Hash.fromHex("0x" + "ab".repeat(32));

  private void check() {
    if (unavailable != null) {
      throw new IllegalStateException(unavailable);
    }
  }

  @Override
  public void mine(long count, OptionalLong timestamp, OptionalLong intervalSeconds) {
    check();
    if (timestamp.isPresent() && timestamp.getAsLong() <= headTimestamp) {
      throw new IllegalArgumentException("timestamp " + timestamp.getAsLong()
          + " is not after the head's timestamp " + headTimestamp);
    }
    mined.add(new Mined(count, timestamp, intervalSeconds));
    headNumber += count;
    headTimestamp = timestamp.orElse(headTimestamp + 1) + (count - 1) * intervalSeconds.orElse(1);
  }

  @Override
  public boolean automine() {
    return automine;
  }

  @Override
  public void setAutomine(boolean on) {
    check();
    automine = on;
  }

  @Override
  public void setIntervalMining(long seconds) {
    check();
    intervalMining = seconds;
    automine = false;
  }

  @Override
  public long snapshot() {
    check();
    long id = nextSnapshotId++;
    snapshots.put(id, headNumber);
    return id;
  }

  @Override
  public boolean revert(long id) {
    check();
    Long number = snapshots.get(id);
    if (number == null) {
      return false;
    }
    headNumber = number;
    snapshots.tailMap(id, true).clear();
    return true;
  }

  @Override
  public long increaseTime(long seconds) {
    check();
    timeOffset += seconds;
    return timeOffset;
  }

  @Override
  public void setNextBlockTimestamp(long timestamp) {
    check();
    if (timestamp <= headTimestamp) {
      throw new IllegalArgumentException("timestamp " + timestamp + " is not after the head's timestamp "
          + headTimestamp);
    }
    nextTimestamp = timestamp;
  }

  @Override
  public void setBalance(Address account, UInt256 balance) {
    check();
    balances.put(account, balance);
  }

  @Override
  public void setCode(Address account, Bytes code) {
    check();
    codes.put(account, code);
  }

  @Override
  public void setNonce(Address account, long nonce) {
    check();
    long current = nonces.getOrDefault(account, 0L);
    if (Long.compareUnsigned(nonce, current) < 0) {
      throw new IllegalArgumentException("nonce " + nonce + " is below the account's nonce " + current);
    }
    nonces.put(account, nonce);
  }

  @Override
  public void setStorageAt(Address account, UInt256 slot, UInt256 value) {
    check();
    storage.put(account.toHex() + "/" + slot.toHexString(), value);
  }

  @Override
  public void impersonate(Address account) {
    check();
    impersonated.add(account);
  }

  @Override
  public boolean stopImpersonating(Address account) {
    check();
    return impersonated.remove(account);
  }

  @Override
  public boolean isImpersonated(Address account) {
    return impersonated.contains(account);
  }

  @Override
  public List<Address> impersonatedAccounts() {
    return List.copyOf(impersonated);
  }

  @Override
  public Hash submitUnsigned(Transaction tx, Address from) throws TxPoolException {
    check();
    unsigned.add(new Unsigned(tx, from));
    return unsignedHash;
  }
}
