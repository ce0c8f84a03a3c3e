package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.gwei;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.Transaction;
import org.linden.types.UInt256;

/** Replacing a transaction by sender and nonce: both fees must rise by the bump. */
class TxPoolReplacementTest {
  private final PoolFixture f = new PoolFixture();
  private final TxPool pool = f.pool();

  /** Tip 10 gwei, fee cap 100 gwei. */
  private Transaction original() throws Exception {
    Transaction tx = tx(ALICE, 0).gwei(10, 100).signed();
    pool.add(tx);
    return tx;
  }

  @Test
  void ninePercentMoreIsRefused() throws Exception {
    Transaction old = original();
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).fees(PoolFixture.deciGwei(109), PoolFixture.deciGwei(1090))
        .signed()))
        .hasMessage("replacement transaction underpriced");
    assertThat(pool.contains(old.hash())).isTrue();
  }

  @Test
  void tenPercentMoreReplaces() throws Exception {
    Transaction old = original();
    Transaction replacement = tx(ALICE, 0).gwei(11, 110).signed();
    pool.add(replacement);
    assertThat(pool.contains(old.hash())).isFalse();
    assertThat(pool.contains(replacement.hash())).isTrue();
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 0));
  }

  @Test
  void bothFeesMustRise() throws Exception {
    original();
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).gwei(10, 200).signed()))
        .hasMessage("replacement transaction underpriced");
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).gwei(20, 100).signed()))
        .hasMessage("replacement transaction underpriced");
  }

  @Test
  void aZeroTipMustStillRiseStrictly() throws Exception {
    pool.add(tx(ALICE, 0).fees(UInt256.ZERO, gwei(10)).signed());
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).fees(UInt256.ZERO, gwei(20)).signed()))
        .hasMessage("replacement transaction underpriced");
    pool.add(tx(ALICE, 0).fees(UInt256.ONE, gwei(20)).signed());
  }

  @Test
  void replacingAPendingTransactionAnnouncesTheNewOne() throws Exception {
    List<Transaction> announced = new ArrayList<>();
    original();
    pool.addListener(announced::add);
    Transaction replacement = tx(ALICE, 0).gwei(20, 200).signed();
    pool.add(replacement);
    assertThat(announced).containsExactly(replacement);
  }

  @Test
  void replacingAQueuedTransactionKeepsItQueuedAndSilent() throws Exception {
    List<Transaction> announced = new ArrayList<>();
    pool.addListener(announced::add);
    pool.add(tx(ALICE, 2).gwei(10, 100).signed());
    pool.add(tx(ALICE, 2).gwei(20, 200).signed());
    assertThat(pool.status()).isEqualTo(new PoolStatus(0, 1));
    assertThat(announced).isEmpty();
  }

  @Test
  void aReplacementNeedsFundsForItselfAndTheEarlierNoncesOnly() throws Exception {
    // Exactly enough for nonce 0 at 100 gwei and nonce 1 at 110 gwei.
    f.fund(ALICE, 0, gwei(21_000L * 210));
    TxPool small = f.pool();
    small.add(tx(ALICE, 0).gwei(10, 100).signed());
    small.add(tx(ALICE, 1).gwei(10, 100).signed());
    small.add(tx(ALICE, 1).gwei(11, 110).signed());
    assertThatThrownBy(() -> small.add(tx(ALICE, 1).gwei(13, 130).signed()))
        .isInstanceOfSatisfying(TxPoolException.class,
            e -> assertThat(e.reason()).isEqualTo(TxPoolException.Reason.INSUFFICIENT_FUNDS));
    assertThat(small.status().pending()).isEqualTo(2);
  }

  @Test
  void blobTransactionsNeedDoubleFeesIncludingTheBlobFeeCap() throws Exception {
    BlobTransactionWithBlobs old = tx(ALICE, 0).gwei(10, 100).withBlobs(1, UInt256.valueOf(1000));
    pool.add(old);
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).gwei(19, 199).withBlobs(1, UInt256.valueOf(2000))))
        .hasMessage("replacement transaction underpriced");
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).gwei(20, 200).withBlobs(1, UInt256.valueOf(1999))))
        .hasMessage("replacement transaction underpriced");
    BlobTransactionWithBlobs replacement = tx(ALICE, 0).gwei(20, 200).withBlobs(1, UInt256.valueOf(2000));
    pool.add(replacement);
    assertThat(pool.contains(replacement.transaction().hash())).isTrue();
    assertThat(pool.contains(old.transaction().hash())).isFalse();
  }

  @Test
  void theBumpIsConfigurable() throws Exception {
    TxPool lenient = f.pool(TxPoolConfig.DEFAULT.withPriceBumps(0, 0));
    lenient.add(tx(ALICE, 0).fees(UInt256.valueOf(100), gwei(10)).signed());
    lenient.add(tx(ALICE, 0).fees(UInt256.valueOf(101), gwei(10).add(UInt256.ONE)).signed());
    assertThat(lenient.status().pending()).isEqualTo(1);
  }
}
