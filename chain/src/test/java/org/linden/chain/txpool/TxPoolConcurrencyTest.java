package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.Transaction;
import org.linden.crypto.PrivateKey;

/** Many threads adding at once: the counts, the contents and the announcements agree. */
class TxPoolConcurrencyTest {
  private static final int SENDERS = 4;
  private static final int PER_SENDER = 25;

  @Test
  void concurrentAddsFromManySendersAllLand() throws Exception {
    PoolFixture f = new PoolFixture();
    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      keys.add(PoolFixture.key(100 + i));
      f.fund(keys.get(i), 0, PoolFixture.RICH);
    }
    TxPool pool = f.pool();
    List<Transaction> announced = Collections.synchronizedList(new ArrayList<>());
    pool.addListener(announced::add);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (PrivateKey key : keys) {
        done.add(executor.submit(() -> {
          start.await();
          // Highest nonce first: every transaction but the last arrives queued.
          for (int n = PER_SENDER - 1; n >= 0; n--) {
            pool.add(tx(key, n).signed());
            pool.status();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> d : done) {
        d.get();
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(pool.status()).isEqualTo(new PoolStatus(SENDERS * PER_SENDER, 0));
    assertThat(announced).hasSize(SENDERS * PER_SENDER).doesNotHaveDuplicates();
    for (PrivateKey key : keys) {
      assertThat(pool.pendingNonce(key.address())).isEqualTo(PER_SENDER);
    }
  }
}
