package org.linden.evm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class JournaledWorldStateTest {
  private static final Address A = Address.fromNumber(0xaa);
  private static final Address B = Address.fromNumber(0xbb);
  private static final UInt256 SLOT = UInt256.valueOf(1);

  /** A backend with one account A (nonce 1, balance 100) holding slot 1 = 7. */
  private static StateReader backend() {
    Map<Address, AccountInfo> accounts = new HashMap<>();
    accounts.put(A, new AccountInfo(1, UInt256.valueOf(100), AccountInfo.EMPTY_CODE_HASH));
    return new StateReader() {
      @Override
      public Optional<AccountInfo> account(Address address) {
        return Optional.ofNullable(accounts.get(address));
      }

      @Override
      public Bytes code(Hash codeHash) {
        throw new AssertionError("no code in this backend");
      }

      @Override
      public boolean hasStorage(Address address) {
        return address.equals(A);
      }

      @Override
      public UInt256 storage(Address address, UInt256 slot) {
        return address.equals(A) && slot.equals(SLOT) ? UInt256.valueOf(7) : UInt256.ZERO;
      }
    };
  }

  @Test
  void revertUndoesEveryKindOfChange() {
    JournaledWorldState s = new JournaledWorldState(backend());
    s.beginTransaction();
    int mark = s.snapshot();
    s.setBalance(A, UInt256.valueOf(5));
    s.setNonce(A, 9);
    s.setStorage(A, SLOT, UInt256.valueOf(8));
    s.setTransientStorage(A, SLOT, UInt256.ONE);
    s.setCode(B, Bytes.of((byte) 0x00));
    s.addRefund(100);
    s.addLog(new Log(A, List.of(), Bytes.EMPTY));
    s.warmAddress(B);
    s.warmSlot(A, SLOT);
    s.touch(B);
    s.markDestructed(A);
    s.revertTo(mark);
    assertThat(s.getBalance(A)).isEqualTo(UInt256.valueOf(100));
    assertThat(s.getNonce(A)).isEqualTo(1);
    assertThat(s.getStorage(A, SLOT)).isEqualTo(UInt256.valueOf(7));
    assertThat(s.getTransientStorage(A, SLOT)).isEqualTo(UInt256.ZERO);
    assertThat(s.exists(B)).isFalse();
    assertThat(s.getRefund()).isZero();
    assertThat(s.logs()).isEmpty();
    assertThat(s.isWarm(B)).isFalse();
    assertThat(s.warmSlot(A, SLOT)).isFalse();
    assertThat(s.isDestructed(A)).isFalse();
    assertThat(s.changes()).isEmpty();
  }

  @Test
  void nestedSnapshotsRevertOnlyTheirPart() {
    JournaledWorldState s = new JournaledWorldState(backend());
    s.beginTransaction();
    s.setStorage(A, SLOT, UInt256.valueOf(8));
    int inner = s.snapshot();
    s.setStorage(A, SLOT, UInt256.valueOf(9));
    s.revertTo(inner);
    assertThat(s.getStorage(A, SLOT)).isEqualTo(UInt256.valueOf(8));
    // The original value is the one at the start of the transaction (EIP-2200).
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.valueOf(7));
  }

  @Test
  void originalStorageMovesOnAtTheEndOfATransaction() {
    JournaledWorldState s = new JournaledWorldState(backend());
    s.beginTransaction();
    s.setStorage(A, SLOT, UInt256.valueOf(8));
    s.finishTransaction(true);
    s.beginTransaction();
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.valueOf(8));
  }

  @Test
  void originalStorageFollowsEachTransactionOfALongBlock() {
    JournaledWorldState s = new JournaledWorldState(backend());
    // Many accounts loaded in the block; only some write storage in each transaction.
    for (int i = 0; i < 200; i++) {
      s.beginTransaction();
      s.setBalance(Address.fromNumber(0x1000 + i), UInt256.ONE);
      if (i % 50 == 0) {
        s.setStorage(A, SLOT, UInt256.valueOf(i));
      }
      s.finishTransaction(true);
    }
    s.beginTransaction();
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.valueOf(150));
    // A write that the transaction reverts leaves the original as it was.
    int snapshot = s.snapshot();
    s.setStorage(A, SLOT, UInt256.valueOf(999));
    s.revertTo(snapshot);
    s.finishTransaction(true);
    s.beginTransaction();
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.valueOf(150));
    // An account created anew in one transaction has empty original storage in the next.
    s.createAccount(A);
    s.finishTransaction(true);
    s.beginTransaction();
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.ZERO);
    // And one destructed likewise.
    s.setStorage(A, SLOT, UInt256.valueOf(5));
    s.finishTransaction(true);
    s.beginTransaction();
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.valueOf(5));
    s.markDestructed(A);
    s.finishTransaction(true);
    s.beginTransaction();
    assertThat(s.getOriginalStorage(A, SLOT)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void createdAccountsStartWithEmptyStorage() {
    JournaledWorldState s = new JournaledWorldState(backend());
    s.beginTransaction();
    s.createAccount(A);
    assertThat(s.getStorage(A, SLOT)).isEqualTo(UInt256.ZERO);
    assertThat(s.getBalance(A)).isEqualTo(UInt256.valueOf(100));
    assertThat(s.getNonce(A)).isZero();
    assertThat(s.createdInTransaction(A)).isTrue();
    s.finishTransaction(true);
    AccountChange change = s.changes().get(0);
    assertThat(change.storageCleared()).isTrue();
    assertThat(change.info().nonce()).isZero();
  }

  @Test
  void destructedAndEmptyTouchedAccountsAreDeleted() {
    JournaledWorldState s = new JournaledWorldState(backend());
    s.beginTransaction();
    s.markDestructed(A);
    s.setBalance(B, UInt256.ZERO);
    s.touch(B);
    s.finishTransaction(true);
    assertThat(s.exists(A)).isFalse();
    assertThat(s.exists(B)).isFalse();
    assertThat(s.getStorage(A, SLOT)).isEqualTo(UInt256.ZERO);
    assertThat(s.changes()).allSatisfy(c -> assertThat(c.deleted()).isTrue());
  }

  @Test
  void codeHashFollowsCode() {
    JournaledWorldState s = new JournaledWorldState(backend());
    s.beginTransaction();
    Bytes code = Bytes.fromHex("6000");
    s.setCode(B, code);
    assertThat(s.getCodeHash(B)).isEqualTo(Keccak.hash256(code));
    assertThat(s.getCodeHash(Address.fromNumber(0xcc))).isEqualTo(Hash.ZERO);
    assertThat(s.getCodeHash(A)).isEqualTo(AccountInfo.EMPTY_CODE_HASH);
  }
}
