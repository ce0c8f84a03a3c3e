package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.BOB;
import static org.linden.chain.txpool.PoolFixture.CAROL;
import static org.linden.chain.txpool.PoolFixture.gwei;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.types.UInt256;

/** The order in which a block producer takes pending transactions. */
class TxPoolOrderingTest {
  private final PoolFixture f = new PoolFixture();
  private final TxPool pool = f.pool();

  private static List<Transaction> txs(List<ValidTransaction> valid) {
    return valid.stream().map(ValidTransaction::transaction).toList();
  }

  private Transaction add(Transaction tx) throws Exception {
    pool.add(tx);
    return tx;
  }

  @Test
  void bestEffectiveTipFirstAcrossSendersNonceOrderWithin() throws Exception {
    Transaction a0 = add(tx(ALICE, 0).gwei(1, 10).signed());
    Transaction a1 = add(tx(ALICE, 1).gwei(9, 10).signed());
    Transaction b0 = add(tx(BOB, 0).gwei(5, 10).signed());
    Transaction c0 = add(tx(CAROL, 0).gwei(3, 10).signed());
    Transaction c1 = add(tx(CAROL, 1).gwei(2, 10).signed());
    // Alice's 9 gwei transaction waits for her 1 gwei one.
    assertThat(txs(pool.pendingOrdered(gwei(1), PoolFixture.GAS_LIMIT))).containsExactly(b0, c0, c1, a0, a1);
  }

  @Test
  void theEffectiveTipDependsOnTheBaseFee() throws Exception {
    // At base fee 1: tips 5 and 3. At base fee 6: min(5, 7-6) = 1 against min(3, 20-6) = 3.
    Transaction a = add(tx(ALICE, 0).gwei(5, 7).signed());
    Transaction b = add(tx(BOB, 0).gwei(3, 20).signed());
    assertThat(txs(pool.pendingOrdered(gwei(1), PoolFixture.GAS_LIMIT))).containsExactly(a, b);
    assertThat(txs(pool.pendingOrdered(gwei(6), PoolFixture.GAS_LIMIT))).containsExactly(b, a);
  }

  @Test
  void aTransactionBelowTheBaseFeeEndsItsSendersRun() throws Exception {
    add(tx(ALICE, 0).gwei(1, 2).signed());
    add(tx(ALICE, 1).gwei(1, 50).signed());
    Transaction b = add(tx(BOB, 0).gwei(1, 50).signed());
    assertThat(txs(pool.pendingOrdered(gwei(3), PoolFixture.GAS_LIMIT))).containsExactly(b);
  }

  @Test
  void queuedTransactionsAreNotOffered() throws Exception {
    Transaction a0 = add(tx(ALICE, 0).signed());
    add(tx(ALICE, 2).signed());
    assertThat(txs(pool.pendingOrdered(gwei(1), PoolFixture.GAS_LIMIT))).containsExactly(a0);
  }

  @Test
  void equalTipsGoInArrivalOrder() throws Exception {
    Transaction c = add(tx(CAROL, 0).signed());
    Transaction a = add(tx(ALICE, 0).signed());
    Transaction b = add(tx(BOB, 0).signed());
    assertThat(txs(pool.pendingOrdered(gwei(1), PoolFixture.GAS_LIMIT))).containsExactly(c, a, b);
  }

  @Test
  void aTransactionThatDoesNotFitTheGasLeftEndsItsSendersRun() throws Exception {
    Transaction big = add(tx(ALICE, 0).gwei(9, 10).gas(60_000).signed());
    Transaction a1 = add(tx(ALICE, 1).gwei(9, 10).signed());
    Transaction bob = add(tx(BOB, 0).gwei(5, 10).signed());
    Transaction carol = add(tx(CAROL, 0).gwei(1, 10).signed());
    assertThat(txs(pool.pendingOrdered(gwei(1), 50_000))).containsExactly(bob, carol);
    assertThat(txs(pool.pendingOrdered(gwei(1), 100_000))).containsExactly(big, a1);
  }

  @Test
  void blobTransactionsNeedTheBlobBaseFeeAndBlobGas() throws Exception {
    BlobTransactionWithBlobs cheap = tx(ALICE, 0).gwei(9, 10).withBlobs(1, UInt256.valueOf(10));
    BlobTransactionWithBlobs two = tx(BOB, 0).gwei(5, 10).withBlobs(2, UInt256.valueOf(1000));
    pool.add(cheap);
    pool.add(two);
    Transaction carol = add(tx(CAROL, 0).gwei(1, 10).signed());
    // A blob base fee of 100 leaves Alice out; blob gas for one blob leaves Bob out.
    assertThat(txs(pool.pendingOrdered(gwei(1), UInt256.valueOf(100), PoolFixture.GAS_LIMIT, 131_072)))
        .containsExactly(carol);
    assertThat(txs(pool.pendingOrdered(gwei(1), UInt256.ONE, PoolFixture.GAS_LIMIT, 3 * 131_072)))
        .containsExactly(cheap.transaction(), two.transaction(), carol);
  }

  @Test
  void theIteratorSkipsTheRestOfASenderOnRequest() throws Exception {
    Transaction a0 = add(tx(ALICE, 0).gwei(9, 10).signed());
    add(tx(ALICE, 1).gwei(9, 10).signed());
    Transaction b0 = add(tx(BOB, 0).gwei(5, 10).signed());
    PendingIterator it = pool.pendingIterator(gwei(1), UInt256.ONE);
    List<Transaction> taken = new ArrayList<>();
    while (it.hasNext()) {
      ValidTransaction next = it.next();
      taken.add(next.transaction());
      if (next.transaction().equals(a0)) {
        // As if a0 failed to execute: Alice's nonce 1 cannot follow.
        it.skipSender(ALICE.address());
      }
    }
    assertThat(taken).containsExactly(a0, b0);
  }

  @Test
  void theIteratorIsASnapshot() throws Exception {
    Transaction a0 = add(tx(ALICE, 0).signed());
    PendingIterator it = pool.pendingIterator(gwei(1), UInt256.ONE);
    add(tx(BOB, 0).gwei(9, 10).signed());
    assertThat(it.next().transaction()).isEqualTo(a0);
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void legacyTransactionsPayTheirGasPriceAboveTheBaseFee() throws Exception {
    // Gas price 4 gwei: effective tip 3 at base fee 1, above Bob's 2.
    Transaction legacy = add(tx(ALICE, 0).gwei(0, 4).legacy());
    Transaction bob = add(tx(BOB, 0).gwei(2, 10).signed());
    assertThat(txs(pool.pendingOrdered(gwei(1), PoolFixture.GAS_LIMIT))).containsExactly(legacy, bob);
  }
}
