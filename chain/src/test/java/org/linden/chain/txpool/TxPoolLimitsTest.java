package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.BOB;
import static org.linden.chain.txpool.PoolFixture.CAROL;
import static org.linden.chain.txpool.PoolFixture.DAVE;
import static org.linden.chain.txpool.PoolFixture.deciGwei;
import static org.linden.chain.txpool.PoolFixture.gwei;
import static org.linden.chain.txpool.PoolFixture.tx;

import org.junit.jupiter.api.Test;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException.Reason;

/** A full pool: who gets evicted, who is refused. The next block's base fee is 1 gwei. */
class TxPoolLimitsTest {
  private final PoolFixture f = new PoolFixture();

  private static Transaction paying(org.linden.crypto.PrivateKey key, long nonce, long tipGwei) {
    return tx(key, nonce).gwei(tipGwei, 10).signed();
  }

  @Test
  void aFullPoolEvictsTheCheapestTransactionOfAnotherSender() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(2, 1, 64));
    Transaction cheap = paying(ALICE, 0, 1);
    pool.add(cheap);
    pool.add(paying(BOB, 0, 5));
    pool.add(paying(CAROL, 0, 3));
    Transaction newcomer = paying(DAVE, 0, 4);
    pool.add(newcomer);
    assertThat(pool.contains(cheap.hash())).isFalse();
    assertThat(pool.contains(newcomer.hash())).isTrue();
    assertThat(pool.status()).isEqualTo(new PoolStatus(3, 0));
  }

  @Test
  void aFullPoolRefusesATransactionThatPaysNoMoreThanItsCheapest() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(2, 1, 64));
    pool.add(paying(ALICE, 0, 1));
    pool.add(paying(BOB, 0, 5));
    pool.add(paying(CAROL, 0, 3));
    assertThatThrownBy(() -> pool.add(paying(DAVE, 0, 1)))
        .isInstanceOfSatisfying(TxPoolException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNDERPRICED);
          assertThat(e.getMessage()).startsWith("transaction underpriced");
        });
    assertThat(pool.status()).isEqualTo(new PoolStatus(3, 0));
  }

  @Test
  void aSenderCannotEvictItsOwnTransactions() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(2, 0, 64));
    pool.add(paying(ALICE, 0, 1));
    pool.add(paying(ALICE, 1, 1));
    assertThatThrownBy(() -> pool.add(paying(ALICE, 2, 9))).hasMessage("txpool is full");
  }

  @Test
  void onlyASendersLastTransactionIsEvictedSoNoneIsStranded() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(2, 1, 64));
    Transaction aliceFirst = paying(ALICE, 0, 1);
    pool.add(aliceFirst);
    pool.add(paying(ALICE, 1, 9));
    Transaction bob = paying(BOB, 0, 5);
    pool.add(bob);
    // Alice's first transaction is the cheapest but her second depends on it: Bob's goes.
    pool.add(paying(DAVE, 0, 6));
    assertThat(pool.contains(aliceFirst.hash())).isTrue();
    assertThat(pool.contains(bob.hash())).isFalse();
    assertThat(pool.status()).isEqualTo(new PoolStatus(3, 0));
  }

  @Test
  void theRankingIsByEffectiveTipAtTheNextBaseFee() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(1, 1, 64));
    // Tip 2 gwei, but a 2 gwei fee cap leaves only 1 gwei above the 1 gwei base fee.
    Transaction cappedTip = tx(ALICE, 0).gwei(2, 2).signed();
    pool.add(cappedTip);
    pool.add(tx(BOB, 0).fees(deciGwei(15), gwei(10)).signed());
    pool.add(tx(CAROL, 0).fees(deciGwei(12), gwei(10)).signed());
    assertThat(pool.contains(cappedTip.hash())).isFalse();
  }

  @Test
  void aFullQueueEvictsTheCheapestQueuedTransaction() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(10, 1, 64));
    Transaction cheapQueued = paying(ALICE, 5, 1);
    pool.add(cheapQueued);
    pool.add(paying(BOB, 5, 3));
    assertThat(pool.contains(cheapQueued.hash())).isFalse();
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 1));

    assertThatThrownBy(() -> pool.add(paying(CAROL, 5, 2)))
        .isInstanceOfSatisfying(TxPoolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDERPRICED));
    // The queue's limit does not hold back executable transactions.
    pool.add(paying(CAROL, 0, 1));
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 1));
  }

  @Test
  void aFullQueueDoesNotEvictPendingTransactions() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(10, 1, 64));
    pool.add(paying(ALICE, 0, 1));
    pool.add(paying(ALICE, 5, 9));
    assertThatThrownBy(() -> pool.add(paying(BOB, 5, 1)))
        .isInstanceOfSatisfying(TxPoolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDERPRICED));
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 1));
  }

  @Test
  void evictionFreesTheSlotForALaterTransaction() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(1, 0, 64));
    pool.add(paying(ALICE, 0, 1));
    pool.add(paying(BOB, 0, 2));
    pool.add(paying(CAROL, 0, 3));
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 0));
    assertThat(pool.content().pending()).containsOnlyKeys(CAROL.address());
  }
}
