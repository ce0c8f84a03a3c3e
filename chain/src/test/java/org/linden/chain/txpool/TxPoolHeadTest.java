package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.BOB;
import static org.linden.chain.txpool.PoolFixture.RICH;
import static org.linden.chain.txpool.PoolFixture.gwei;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.Transaction;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/** What a new head does to the pool: pruning, promotion, reorgs. */
class TxPoolHeadTest {
  private final PoolFixture f = new PoolFixture();
  private final List<Transaction> announced = new ArrayList<>();

  private TxPool pool(TxPoolConfig config) {
    TxPool pool = f.pool(config);
    pool.addListener(announced::add);
    return pool;
  }

  /** The fixture's state with {@code key}'s account replaced: the state after some block. */
  private InMemoryStateDatabase stateWith(org.linden.crypto.PrivateKey key, long nonce, UInt256 balance) {
    InMemoryStateDatabase s = f.state.copy();
    s.putAccount(key.address(), nonce, balance, Bytes.EMPTY, Map.of());
    return s;
  }

  private BlockHeader block(long number) {
    return f.header(number, PoolFixture.GAS_LIMIT, 0);
  }

  @Test
  void minedNoncesLeaveThePoolWithoutAnnouncingTheRestAgain() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction t0 = tx(ALICE, 0).signed();
    Transaction t1 = tx(ALICE, 1).signed();
    Transaction t2 = tx(ALICE, 2).signed();
    pool.add(t0);
    pool.add(t1);
    pool.add(t2);
    announced.clear();

    pool.onNewHead(block(11), stateWith(ALICE, 2, RICH));
    assertThat(pool.contains(t0.hash())).isFalse();
    assertThat(pool.contains(t1.hash())).isFalse();
    assertThat(pool.contains(t2.hash())).isTrue();
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 0));
    assertThat(pool.pendingNonce(ALICE.address())).isEqualTo(3);
    assertThat(announced).isEmpty();
  }

  @Test
  void aNewAccountNonceCanPromoteQueuedTransactions() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction t2 = tx(ALICE, 2).signed();
    Transaction t3 = tx(ALICE, 3).signed();
    pool.add(t3);
    pool.add(t2);
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 2));

    // Nonces 0 and 1 were mined from elsewhere.
    pool.onNewHead(block(11), stateWith(ALICE, 2, RICH));
    assertThat(pool.status()).isEqualTo(new PoolStatus(2, 0));
    assertThat(announced).containsExactly(t2, t3);
  }

  @Test
  void aTransactionTheBalanceNoLongerCoversIsDroppedAndItsSuccessorsQueue() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction big = tx(ALICE, 0).value(gwei(1_000_000)).signed();
    Transaction small = tx(ALICE, 1).signed();
    pool.add(big);
    pool.add(small);

    pool.onNewHead(block(11), stateWith(ALICE, 0, gwei(500_000)));
    assertThat(pool.contains(big.hash())).isFalse();
    assertThat(pool.contains(small.hash())).isTrue();
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 1));
    assertThat(pool.pendingNonce(ALICE.address())).isZero();
  }

  @Test
  void aLowerBlockGasLimitDropsWhatNoLongerFits() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction heavy = tx(ALICE, 0).gas(1_000_000).signed();
    Transaction light = tx(BOB, 0).signed();
    pool.add(heavy);
    pool.add(light);
    pool.onNewHead(f.header(11, 500_000, 0), f.state);
    assertThat(pool.contains(heavy.hash())).isFalse();
    assertThat(pool.contains(light.hash())).isTrue();
  }

  @Test
  void aSenderThatBecameAContractLosesItsTransactions() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    pool.add(tx(ALICE, 0).signed());
    pool.add(tx(ALICE, 1).signed());
    InMemoryStateDatabase s = f.state.copy();
    s.putAccount(ALICE.address(), 0, RICH, Bytes.fromHex("0x6000"), Map.of());
    pool.onNewHead(block(11), s);
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 0));
  }

  @Test
  void aRisingBaseFeeKeepsTransactionsButOffersOnlyThoseThatPay() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction low = tx(ALICE, 0).gwei(1, 2).signed();
    pool.add(low);
    // A full block raises the base fee by 1/8 each time: 1 gwei becomes more than 2 after seven.
    BlockHeader head = block(10);
    for (int i = 1; i <= 7; i++) {
      head = f.header(10 + i, PoolFixture.GAS_LIMIT, 0).toBuilder().gasUsed(PoolFixture.GAS_LIMIT)
          .baseFeePerGas(pool.nextBaseFee()).build();
      pool.onNewHead(head, f.state);
    }
    assertThat(pool.nextBaseFee().gt(gwei(2))).isTrue();
    assertThat(pool.contains(low.hash())).isTrue();
    assertThat(pool.pendingOrdered(pool.nextBaseFee(), PoolFixture.GAS_LIMIT)).isEmpty();
    assertThatThrownBy(() -> pool.add(tx(BOB, 0).gwei(1, 2).signed()))
        .hasMessageStartingWith("max fee per gas less than block base fee");
  }

  @Test
  void demotionsThatOverfillTheQueueEvictTheCheapestQueued() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT.withLimits(10, 1, 64));
    pool.add(tx(ALICE, 0).gwei(1, 10).value(gwei(1_000_000)).signed());
    pool.add(tx(ALICE, 1).gwei(1, 10).signed());
    pool.add(tx(ALICE, 2).gwei(1, 10).signed());
    Transaction bobQueued = tx(BOB, 5).gwei(5, 10).signed();
    pool.add(bobQueued);
    assertThat(pool.status()).isEqualTo(new PoolStatus(3, 1));

    // Alice can no longer pay nonce 0; nonces 1 and 2 fall back to the queue, which holds one.
    pool.onNewHead(block(11), stateWith(ALICE, 0, gwei(500_000)));
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 1));
    assertThat(pool.contains(bobQueued.hash())).isTrue();
  }

  @Test
  void aReorgPutsTheAbandonedBlocksTransactionsBack() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction t0 = tx(ALICE, 0).signed();
    Transaction t1 = tx(ALICE, 1).signed();
    pool.add(t0);
    pool.add(t1);
    // Block 11 mines t0.
    pool.onNewHead(block(11), stateWith(ALICE, 1, RICH));
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 0));
    announced.clear();

    // A reorg replaces block 11 by one without t0: it comes back ahead of t1.
    pool.onNewHead(f.header(11, PoolFixture.GAS_LIMIT, 0).toBuilder().extraData(Bytes.fromHex("0x01")).build(),
        f.state.copy(), List.of(t0));
    assertThat(pool.status()).isEqualTo(new PoolStatus(2, 0));
    assertThat(pool.pendingNonce(ALICE.address())).isEqualTo(2);
    assertThat(announced).containsExactly(t0);
  }

  @Test
  void reinjectionSkipsWhatTheNewBranchAlreadyContains() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    Transaction a0 = tx(ALICE, 0).signed();
    Transaction b0 = tx(BOB, 0).signed();
    // The new branch mined Bob's transaction too, but not Alice's.
    pool.onNewHead(block(12), stateWith(BOB, 1, RICH));
    assertThat(pool.reinject(List.of(a0, b0))).isEqualTo(1);
    assertThat(pool.contains(a0.hash())).isTrue();
    assertThat(pool.contains(b0.hash())).isFalse();
  }

  @Test
  void reinjectionIgnoresThePoolsPriceFloors() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT.withMinTip(gwei(5)));
    Transaction mined = tx(ALICE, 0).gwei(1, 10).signed();
    assertThatThrownBy(() -> pool.add(mined)).hasMessageStartingWith("transaction underpriced");
    assertThat(pool.reinject(List.of(mined))).isEqualTo(1);
    assertThat(pool.status().pending()).isEqualTo(1);
  }

  @Test
  void aMinedBlobTransactionComesBackWithItsBlobsAfterAReorg() throws Exception {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    BlobTransactionWithBlobs blob = tx(ALICE, 0).withBlobs(1, UInt256.valueOf(100));
    pool.add(blob);
    pool.onNewHead(block(11), stateWith(ALICE, 1, RICH));
    assertThat(pool.contains(blob.transaction().hash())).isFalse();

    pool.onNewHead(block(11), f.state.copy(), List.of(blob.transaction()));
    assertThat(pool.networkForm(blob.transaction().hash())).contains(blob.encode());
  }

  @Test
  void aBlobTransactionWhoseBlobsThePoolNeverHadIsNotReinjected() {
    TxPool pool = pool(TxPoolConfig.DEFAULT);
    BlobTransactionWithBlobs blob = tx(ALICE, 0).withBlobs(1, UInt256.valueOf(100));
    assertThat(pool.reinject(List.of(blob.transaction()))).isZero();
  }
}
