package org.linden.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Random blocks of account changes over a small pool of addresses and slots, so that
 * accounts are updated, deleted and recreated and slots set and zeroed again and again.
 * Consistent with a {@link ReferenceState}: unchanged code keeps its hash.
 */
final class RandomChanges {
  final List<Address> addresses = new ArrayList<>();
  final List<UInt256> slots = new ArrayList<>();
  private final Random random;
  private final ReferenceState model;

  RandomChanges(long seed, int addressCount, int slotCount, ReferenceState model) {
    this.random = new Random(seed);
    this.model = model;
    for (int i = 0; i < addressCount; i++) {
      addresses.add(Address.wrap(Bytes.wrap(randomBytes(20))));
    }
    for (int i = 0; i < slotCount; i++) {
      // Small slot numbers (as compilers use) and full-width ones (as mappings use).
      slots.add(i % 2 == 0 ? UInt256.valueOf(i) : UInt256.fromBytes(Bytes.wrap(randomBytes(32))));
    }
  }

  /** One block's changes, at most one per address as JournaledWorldState produces. */
  List<AccountChange> nextBlock(int maxChanges) {
    Map<Address, AccountChange> out = new LinkedHashMap<>();
    int n = 1 + random.nextInt(maxChanges);
    for (int i = 0; i < n; i++) {
      Address a = addresses.get(random.nextInt(addresses.size()));
      out.put(a, change(a));
    }
    return new ArrayList<>(out.values());
  }

  private AccountChange change(Address a) {
    AccountInfo current = model.account(a).orElse(null);
    int kind = random.nextInt(10);
    if (kind == 0) {
      return new AccountChange(a, null, null, true, Map.of());
    }
    boolean recreate = kind == 1 || current == null && random.nextBoolean();
    Bytes code = null;
    Hash codeHash = current == null || recreate ? AccountInfo.EMPTY_CODE_HASH : current.codeHash();
    if (recreate && random.nextBoolean() || random.nextInt(8) == 0) {
      code = random.nextInt(4) == 0 ? Bytes.EMPTY : Bytes.wrap(randomBytes(1 + random.nextInt(200)));
      codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(code);
    }
    long nonce = random.nextInt(4) == 0 ? random.nextLong() & Long.MAX_VALUE : random.nextInt(1000);
    UInt256 balance = random.nextInt(3) == 0
        ? UInt256.fromBytes(Bytes.wrap(randomBytes(32)))
        : UInt256.valueOf(random.nextInt(1_000_000));
    Map<UInt256, UInt256> storage = new HashMap<>();
    int writes = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
    for (int i = 0; i < writes; i++) {
      UInt256 slot = slots.get(random.nextInt(slots.size()));
      UInt256 value = switch (random.nextInt(4)) {
        case 0 -> UInt256.ZERO;
        case 1 -> UInt256.valueOf(1 + random.nextInt(255));
        default -> UInt256.fromBytes(Bytes.wrap(randomBytes(1 + random.nextInt(32))));
      };
      storage.put(slot, value);
    }
    return new AccountChange(a, new AccountInfo(nonce, balance, codeHash), code, recreate, storage);
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
