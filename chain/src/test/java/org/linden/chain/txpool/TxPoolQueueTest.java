package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.BOB;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;

/** Pending and queued transactions: promotion when a gap fills, the queries and the listeners. */
class TxPoolQueueTest {
  private final PoolFixture f = new PoolFixture();
  private final TxPool pool = f.pool();
  private final List<Transaction> announced = new ArrayList<>();

  TxPoolQueueTest() {
    pool.addListener(announced::add);
  }

  @Test
  void consecutiveNoncesArePending() throws Exception {
    pool.add(tx(ALICE, 0).signed());
    pool.add(tx(ALICE, 1).signed());
    assertThat(pool.status()).isEqualTo(new PoolStatus(2, 0));
    assertThat(pool.pendingNonce(ALICE.address())).isEqualTo(2);
  }

  @Test
  void aGapQueuesAndFillingItPromotesInNonceOrder() throws Exception {
    Transaction t2 = tx(ALICE, 2).signed();
    Transaction t1 = tx(ALICE, 1).signed();
    Transaction t0 = tx(ALICE, 0).signed();
    pool.add(t2);
    pool.add(t1);
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 2));
    assertThat(pool.pendingNonce(ALICE.address())).isZero();
    assertThat(announced).isEmpty();

    pool.add(t0);
    assertThat(pool.status()).isEqualTo(new PoolStatus(3, 0));
    assertThat(pool.pendingNonce(ALICE.address())).isEqualTo(3);
    assertThat(announced).containsExactly(t0, t1, t2);
  }

  @Test
  void aSecondGapStaysQueued() throws Exception {
    pool.add(tx(ALICE, 3).signed());
    pool.add(tx(ALICE, 1).signed());
    pool.add(tx(ALICE, 0).signed());
    assertThat(pool.status()).isEqualTo(new PoolStatus(2, 1));
    assertThat(pool.content().queued().get(ALICE.address())).containsOnlyKeys(3L);
  }

  @Test
  void pendingNonceStartsFromTheAccountNonce() throws Exception {
    f.fund(BOB, 7, PoolFixture.RICH);
    TxPool fresh = f.pool();
    assertThat(fresh.pendingNonce(BOB.address())).isEqualTo(7);
    assertThat(fresh.pendingNonce(PoolFixture.key(42).address())).isZero();
    fresh.add(tx(BOB, 7).signed());
    assertThat(fresh.pendingNonce(BOB.address())).isEqualTo(8);
  }

  @Test
  void contentListsBySenderAndNonce() throws Exception {
    Transaction a0 = tx(ALICE, 0).signed();
    Transaction a2 = tx(ALICE, 2).signed();
    Transaction b0 = tx(BOB, 0).signed();
    pool.add(a2);
    pool.add(b0);
    pool.add(a0);
    PoolContent content = pool.content();
    assertThat(content.pending()).containsOnlyKeys(ALICE.address(), BOB.address());
    assertThat(content.pending().get(ALICE.address()).get(0L).transaction()).isEqualTo(a0);
    assertThat(content.pending().get(BOB.address()).get(0L).hash()).isEqualTo(b0.hash());
    assertThat(content.queued()).containsOnlyKeys(ALICE.address());
    assertThat(content.queued().get(ALICE.address()).get(2L).transaction()).isEqualTo(a2);
  }

  @Test
  void getAndContains() throws Exception {
    Transaction tx = tx(ALICE, 1).signed();
    pool.add(tx);
    ValidTransaction got = pool.get(tx.hash()).orElseThrow();
    assertThat(got.transaction()).isEqualTo(tx);
    assertThat(got.intrinsicGas().intrinsicGas()).isEqualTo(21_000);
    assertThat(pool.contains(tx.hash())).isTrue();
    assertThat(pool.contains(tx(ALICE, 2).signed().hash())).isFalse();
    assertThat(pool.get(tx(ALICE, 2).signed().hash())).isEmpty();
  }

  @Test
  void aClosedSubscriptionHearsNothing() throws Exception {
    List<Transaction> heard = new ArrayList<>();
    TxPool.Subscription sub = pool.addListener(heard::add);
    pool.add(tx(ALICE, 0).signed());
    sub.close();
    pool.add(tx(ALICE, 1).signed());
    assertThat(heard).hasSize(1);
    assertThat(announced).hasSize(2);
  }

  @Test
  void aFailingListenerDoesNotStopThePoolOrOtherListeners() throws Exception {
    TxPool other = f.pool();
    List<Transaction> heard = new ArrayList<>();
    other.addListener(tx -> {
      throw new IllegalStateException("subscriber broke");
    });
    other.addListener(heard::add);
    other.add(tx(ALICE, 0).signed());
    assertThat(heard).hasSize(1);
    assertThat(other.status().pending()).isEqualTo(1);
  }

  @Test
  void aListenerMayCallBackIntoThePool() throws Exception {
    List<PoolStatus> seen = new ArrayList<>();
    pool.addListener(tx -> seen.add(pool.status()));
    pool.add(tx(ALICE, 0).signed());
    assertThat(seen).containsExactly(new PoolStatus(1, 0));
  }
}
