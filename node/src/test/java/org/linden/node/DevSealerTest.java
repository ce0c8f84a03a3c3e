package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.chain.txpool.TxPoolConfig;
import org.linden.crypto.PrivateKey;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.node.dev.DevGenesis;
import org.linden.node.dev.DevSealer;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class DevSealerTest {
  private static final long CHAIN_ID = 1337;
  private static final List<PrivateKey> KEYS = DevGenesis.accounts();
  private static final Address BOB = Address.fromHex("0x000000000000000000000000000000000000b0b0");

  private final AtomicLong clock = new AtomicLong(1_000);
  private Blockchain chain;
  private TxPool pool;
  private DevSealer sealer;

  @BeforeEach
  void openChain() throws Exception {
    chain = Blockchain.open(new InMemoryKeyValueStore(), DevGenesis.create(CHAIN_ID, DevGenesis.DEFAULT_GAS_LIMIT));
  }

  private void useDefaultPool() {
    usePool(TxPool.forBlockchain(chain, TxPoolConfig.DEFAULT));
  }

  private void usePool(TxPool p) {
    pool = p;
    chain.addListener(new PoolHeadFollower(chain, pool));
    sealer = new DevSealer(chain, pool, clock::get, Address.ZERO);
  }

  @AfterEach
  void stop() {
    if (sealer != null) {
      sealer.close();
    }
  }

  private Block block(long number) {
    return chain.canonicalBlock(number).orElseThrow();
  }

  @Test
  void automineSealsEachTransactionInABlockOfItsOwnWithStrictlyIncreasingTimestamps() throws Exception {
    useDefaultPool();
    sealer.start(null);
    for (int nonce = 0; nonce < 3; nonce++) {
      pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(0), nonce, BOB, UInt256.ONE));
    }
    sealer.awaitQueued(Duration.ofSeconds(30));
    assertThat(chain.head().number()).isEqualTo(3);
    for (long n = 1; n <= 3; n++) {
      assertThat(block(n).transactions()).hasSize(1);
      assertThat(block(n).transactions().get(0).nonce()).isEqualTo(n - 1);
    }
    // The clock stands still at 1000: each block is one second after its parent.
    assertThat(List.of(block(1).header().timestamp(), block(2).header().timestamp(), block(3).header().timestamp()))
        .containsExactly(1_000L, 1_001L, 1_002L);
    assertThat(pool.status().pending()).isZero();
    assertThat(chain.state().account(BOB).map(AccountInfo::balance)).contains(UInt256.valueOf(3));

    // A clock that goes backwards cannot make a block older than its parent.
    clock.set(10);
    pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(0), 3, BOB, UInt256.ONE));
    sealer.awaitQueued(Duration.ofSeconds(30));
    assertThat(block(4).header().timestamp()).isEqualTo(1_003L);
    // Nothing pending: automine seals nothing more.
    sealer.awaitQueued(Duration.ofSeconds(30));
    assertThat(chain.head().number()).isEqualTo(4);
  }

  @Test
  void theBestTipGoesFirst() throws Exception {
    useDefaultPool();
    pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(1), 0, BOB, UInt256.ONE, DevTransfers.GWEI));
    pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(2), 0, BOB, UInt256.ONE, DevTransfers.GWEI.mul(UInt256.valueOf(3))));
    pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(3), 0, BOB, UInt256.ONE, DevTransfers.GWEI.mul(UInt256.valueOf(2))));
    sealer.start(null);
    sealer.awaitQueued(Duration.ofSeconds(30));
    assertThat(chain.head().number()).isEqualTo(3);
    assertThat(List.of(sender(1), sender(2), sender(3)))
        .containsExactly(KEYS.get(2).address(), KEYS.get(3).address(), KEYS.get(1).address());
  }

  private Address sender(long number) throws Exception {
    var tx = block(number).transactions().get(0);
    return org.linden.chain.tx.SenderRecovery.recover(tx, DevGenesis.FORK, CHAIN_ID);
  }

  @Test
  void withABlockTimeBlocksComeEmptyOrFullAtTheInterval() throws Exception {
    useDefaultPool();
    sealer.start(Duration.ofMillis(100));
    waitFor(() -> chain.head().number() >= 2);
    assertThat(block(1).transactions()).isEmpty();
    assertThat(block(2).transactions()).isEmpty();
    for (int nonce = 0; nonce < 5; nonce++) {
      pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(4), nonce, BOB, UInt256.ONE));
    }
    waitFor(() -> pool.status().pending() == 0);
    assertThat(chain.state().account(BOB).map(AccountInfo::balance)).contains(UInt256.valueOf(5));
    long head = chain.head().number();
    waitFor(() -> chain.head().number() > head);
  }

  @Test
  void evmMineSealsABlockEvenWithNothingPending() throws Exception {
    useDefaultPool();
    sealer.start(null);
    Optional<Block> mined = sealer.mine().get();
    assertThat(mined).isPresent();
    assertThat(mined.get().transactions()).isEmpty();
    assertThat(chain.head().number()).isEqualTo(1);
    assertThat(sealer.mine().get()).isPresent();
    assertThat(chain.head().number()).isEqualTo(2);
  }

  @Test
  void aTransactionThatFailsInTheBlockIsLeftOutAndSealingGoesOn() throws Exception {
    // A pool that believes a stranger is funded: its transaction passes the pool and fails in the block.
    PrivateKey stranger = PrivateKey.fromHex("0x" + "11".repeat(32));
    StateReader believed = new FundedStranger(chain.state(), stranger.address());
    usePool(new TxPool(chain.config(), chain.head(), believed, TxPoolConfig.DEFAULT));
    pool.add(DevTransfers.transfer(CHAIN_ID, stranger, 0, BOB, UInt256.ONE, DevTransfers.GWEI.mul(UInt256.valueOf(5))));
    pool.add(DevTransfers.transfer(CHAIN_ID, KEYS.get(5), 0, BOB, UInt256.ONE));
    sealer.start(null);
    sealer.awaitQueued(Duration.ofSeconds(30));
    assertThat(chain.head().number()).isEqualTo(1);
    assertThat(block(1).transactions()).hasSize(1);
    assertThat(sender(1)).isEqualTo(KEYS.get(5).address());
    // The new head showed the pool the real state, and it dropped the unpayable transaction.
    assertThat(pool.status().pending()).isZero();
    assertThat(sealer.mine().get()).isPresent();
    assertThat(chain.head().number()).isEqualTo(2);
  }

  /** The chain's state, except that one more account holds 100 ETH. */
  private record FundedStranger(StateReader real, Address stranger) implements StateReader {
    @Override
    public Optional<AccountInfo> account(Address address) {
      return address.equals(stranger)
          ? Optional.of(new AccountInfo(0, DevGenesis.ACCOUNT_BALANCE, AccountInfo.EMPTY_CODE_HASH))
          : real.account(address);
    }

    @Override
    public Bytes code(Hash codeHash) {
      return real.code(codeHash);
    }

    @Override
    public boolean hasStorage(Address address) {
      return real.hasStorage(address);
    }

    @Override
    public UInt256 storage(Address address, UInt256 slot) {
      return real.storage(address, slot);
    }
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(20);
    }
  }
}
