package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.BOB;
import static org.linden.chain.txpool.PoolFixture.gwei;
import static org.linden.chain.txpool.PoolFixture.tx;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException.Reason;
import org.linden.crypto.PrivateKey;
import org.linden.evm.Delegation;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Every reason the pool refuses a single transaction, with go-ethereum's error text. */
class TxPoolAdmissionTest {
  private final PoolFixture f = new PoolFixture();

  private static void assertRefused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(TxPoolException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).startsWith(reason.text());
        });
  }

  private static Bytes repeat(int size, int value) {
    byte[] b = new byte[size];
    java.util.Arrays.fill(b, (byte) value);
    return Bytes.wrap(b);
  }

  @Test
  void acceptsAValidTransactionAndReturnsItsHash() throws Exception {
    TxPool pool = f.pool();
    FeeMarketTransaction tx = tx(ALICE, 0).signed();
    assertThat(pool.add(tx)).isEqualTo(tx.hash());
    assertThat(pool.contains(tx.hash())).isTrue();
    assertThat(pool.get(tx.hash()).orElseThrow().sender()).isEqualTo(ALICE.address());
  }

  @Test
  void errorTextsAreGeths() {
    assertThat(Reason.NONCE_TOO_LOW.text()).isEqualTo("nonce too low");
    assertThat(Reason.INSUFFICIENT_FUNDS.text()).isEqualTo("insufficient funds for gas * price + value");
    assertThat(Reason.REPLACEMENT_UNDERPRICED.text()).isEqualTo("replacement transaction underpriced");
    assertThat(Reason.ALREADY_KNOWN.text()).isEqualTo("already known");
    assertThat(Reason.POOL_FULL.text()).isEqualTo("txpool is full");
    assertThat(Reason.FEE_CAP_BELOW_BASE_FEE.text()).isEqualTo("max fee per gas less than block base fee");
  }

  @Test
  void alreadyKnown() throws Exception {
    TxPool pool = f.pool();
    FeeMarketTransaction tx = tx(ALICE, 0).signed();
    pool.add(tx);
    assertThatThrownBy(() -> pool.add(tx)).hasMessage("already known");
  }

  @Test
  void undecodableBytes() {
    assertRefused(() -> f.pool().addNetworkForm(Bytes.fromHex("0x02c0ffee")), Reason.INVALID_ENCODING);
  }

  @Test
  void transactionTypeNotActiveInTheNextBlock() {
    PoolFixture cancun = new PoolFixture(Fork.CANCUN);
    Authorization auth = Authorization.sign(UInt256.valueOf(PoolFixture.CHAIN_ID), PoolFixture.TO, 0, BOB);
    assertRefused(() -> cancun.pool().add(tx(ALICE, 0).setCode(List.of(auth))), Reason.TYPE_NOT_SUPPORTED);
  }

  @Test
  void oversizedData() {
    Transaction tx = tx(ALICE, 0).gas(10_000_000).data(repeat(TxPoolConfig.DEFAULT_MAX_TRANSACTION_SIZE, 0)).signed();
    assertRefused(() -> f.pool().add(tx), Reason.OVERSIZED_DATA);
  }

  @Test
  void invalidSender() {
    FeeMarketTransaction unsigned = tx(ALICE, 0).unsigned();
    // r = 0 recovers no key.
    assertRefused(() -> f.pool().add(unsigned), Reason.INVALID_SENDER);
  }

  @Test
  void invalidChainId() {
    assertRefused(() -> f.pool().add(tx(ALICE, 0).chainId(1).signed()), Reason.INVALID_CHAIN_ID);
    assertRefused(() -> f.pool().add(tx(ALICE, 0).chainId(1).legacy()), Reason.INVALID_CHAIN_ID);
  }

  @Test
  void nonceAtTheEip2681Limit() {
    assertRefused(() -> f.pool().add(tx(ALICE, -1L).signed()), Reason.NONCE_MAX);
  }

  @Test
  void nonceTooLow() {
    f.fund(ALICE, 5, PoolFixture.RICH);
    TxPool pool = f.pool();
    assertThatThrownBy(() -> pool.add(tx(ALICE, 4).signed())).hasMessage("nonce too low: next nonce 5, tx nonce 4");
  }

  @Test
  void nonceTooFarAheadOfTheNextExecutableNonce() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withMaxNonceGap(3));
    pool.add(tx(ALICE, 3).signed());
    assertRefused(() -> pool.add(tx(ALICE, 4).signed()), Reason.NONCE_TOO_HIGH);
    // Once nonce 0 is in, the next executable nonce is 1 and 4 is within reach.
    pool.add(tx(ALICE, 0).signed());
    pool.add(tx(ALICE, 4).signed());
    assertThat(pool.status()).isEqualTo(new PoolStatus(1, 2));
  }

  @Test
  void intrinsicGasTooLow() {
    assertThatThrownBy(() -> f.pool().add(tx(ALICE, 0).gas(20_999).signed()))
        .hasMessage("intrinsic gas too low: gas 20999, minimum needed 21000");
  }

  @Test
  void gasBelowTheCalldataFloor() {
    // 1000 non-zero bytes: intrinsic gas 37000, EIP-7623 floor 61000.
    Transaction tx = tx(ALICE, 0).gas(40_000).data(repeat(1000, 1)).signed();
    assertRefused(() -> f.pool().add(tx), Reason.FLOOR_DATA_GAS);
  }

  @Test
  void gasAboveTheBlockGasLimit() {
    assertThatThrownBy(() -> f.pool().add(tx(ALICE, 0).gas(PoolFixture.GAS_LIMIT + 1).signed()))
        .hasMessage("exceeds block gas limit");
  }

  @Test
  void gasAboveTheOsakaTransactionCap() {
    PoolFixture osaka = new PoolFixture(Fork.OSAKA);
    osaka.head = osaka.header(10, 60_000_000, 0);
    assertRefused(() -> osaka.pool().add(tx(ALICE, 0).gas((1L << 24) + 1).signed()), Reason.GAS_LIMIT_TOO_HIGH);
  }

  @Test
  void initcodeAboveTheLimit() {
    Transaction tx = tx(ALICE, 0).create().gas(1_000_000).data(repeat(49_153, 0)).signed();
    assertRefused(() -> f.pool().add(tx), Reason.MAX_INITCODE_SIZE_EXCEEDED);
  }

  @Test
  void tipAboveFeeCap() {
    assertRefused(() -> f.pool().add(tx(ALICE, 0).gwei(3, 2).signed()), Reason.TIP_ABOVE_FEE_CAP);
  }

  @Test
  void feeCapBelowTheNextBaseFee() {
    Transaction tx = tx(ALICE, 0).fees(UInt256.ZERO, PoolFixture.deciGwei(9)).signed();
    assertRefused(() -> f.pool().add(tx), Reason.FEE_CAP_BELOW_BASE_FEE);
    assertRefused(() -> f.pool().add(tx(ALICE, 0).fees(UInt256.ZERO, PoolFixture.deciGwei(9)).legacy()),
        Reason.FEE_CAP_BELOW_BASE_FEE);
  }

  @Test
  void tipBelowThePoolMinimum() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withMinTip(gwei(2)));
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).gwei(1, 10).signed()))
        .hasMessage("transaction underpriced: gas tip cap 1000000000, minimum needed 2000000000");
    pool.add(tx(ALICE, 0).gwei(2, 10).signed());
  }

  @Test
  void insufficientFundsForOneTransaction() {
    // 21000 gas at 10 gwei is 210000 gwei; the balance is one wei short of that plus the value.
    f.fund(ALICE, 0, gwei(210_000).add(UInt256.valueOf(999)));
    Transaction tx = tx(ALICE, 0).value(UInt256.valueOf(1000)).signed();
    assertThatThrownBy(() -> f.pool().add(tx))
        .hasMessage("insufficient funds for gas * price + value: balance 210000000000999, tx cost 210000000001000,"
            + " overshot 1");
  }

  @Test
  void insufficientFundsForTheSendersEarlierTransactionsAndThisOne() throws Exception {
    f.fund(ALICE, 0, gwei(300_000));
    TxPool pool = f.pool();
    pool.add(tx(ALICE, 0).signed());
    assertThatThrownBy(() -> pool.add(tx(ALICE, 1).signed()))
        .isInstanceOfSatisfying(TxPoolException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS);
          assertThat(e.getMessage()).contains("queued cost 210000000000000");
        });
  }

  @Test
  void senderWithCodeIsNotAnExternallyOwnedAccount() {
    f.setCode(ALICE, 0, Bytes.fromHex("0x6000"));
    assertRefused(() -> f.pool().add(tx(ALICE, 0).signed()), Reason.SENDER_NOT_EOA);
  }

  @Test
  void delegatedSenderMayHaveOneTransactionInFlight() throws Exception {
    f.setCode(ALICE, 0, Delegation.designatorFor(Address.fromNumber(0xbeef)));
    TxPool pool = f.pool();
    pool.add(tx(ALICE, 0).signed());
    assertRefused(() -> pool.add(tx(ALICE, 1).signed()), Reason.INFLIGHT_LIMIT_REACHED);
    // Replacing the one in flight is allowed.
    pool.add(tx(ALICE, 0).gwei(2, 20).signed());
  }

  @Test
  void perSenderLimit() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withLimits(4096, 1024, 2));
    pool.add(tx(ALICE, 0).signed());
    pool.add(tx(ALICE, 1).signed());
    assertRefused(() -> pool.add(tx(ALICE, 2).signed()), Reason.ACCOUNT_LIMIT_EXCEEDED);
    pool.add(tx(BOB, 0).signed());
  }

  @Test
  void emptyAuthorizationList() {
    assertRefused(() -> f.pool().add(tx(ALICE, 0).setCode(List.of())), Reason.EMPTY_AUTH_LIST);
  }

  @Test
  void setCodeTransactionAccepted() throws Exception {
    Authorization auth = Authorization.sign(UInt256.valueOf(PoolFixture.CHAIN_ID), PoolFixture.TO, 0, BOB);
    TxPool pool = f.pool();
    pool.add(tx(ALICE, 0).setCode(List.of(auth)));
    assertThat(pool.status().pending()).isEqualTo(1);
  }

  @Test
  void blobTransactionWithoutHashes() {
    BlobTransactionWithBlobs tx = new BlobTransactionWithBlobs(tx(ALICE, 0).blob(List.of(), UInt256.ONE), 0,
        List.of(), List.of(), List.of());
    assertRefused(() -> f.pool().add(tx), Reason.MISSING_BLOB_HASHES);
  }

  @Test
  void tooManyBlobs() {
    // Prague allows 9 per transaction.
    assertRefused(() -> f.pool().add(tx(ALICE, 0).withBlobs(10, UInt256.ONE)), Reason.TOO_MANY_BLOBS);
  }

  @Test
  void blobHashWithoutTheKzgVersion() {
    Hash wrongVersion = Hash.fromHex("0x02" + "00".repeat(31));
    BlobTransactionWithBlobs tx = new BlobTransactionWithBlobs(
        tx(ALICE, 0).blob(List.of(wrongVersion), UInt256.ONE), 0, List.of(), List.of(), List.of());
    assertRefused(() -> f.pool().add(tx), Reason.BLOB_HASH_VERSION_MISMATCH);
  }

  @Test
  void blobFeeCapBelowTheNextBlobBaseFee() throws Exception {
    // Excess blob gas of 50M puts the blob base fee near 18000 wei.
    f.head = f.header(10, PoolFixture.GAS_LIMIT, 50_000_000);
    TxPool pool = f.pool();
    assertThat(pool.nextBlobBaseFee().gt(UInt256.valueOf(10_000))).isTrue();
    assertRefused(() -> pool.add(tx(ALICE, 0).withBlobs(1, UInt256.valueOf(10_000))), Reason.BLOB_FEE_CAP_TOO_LOW);
    pool.add(tx(ALICE, 0).withBlobs(1, UInt256.valueOf(100_000)));
  }

  @Test
  void blobTransactionWithoutItsSidecar() {
    BlobTransactionWithBlobs full = tx(ALICE, 0).withBlobs(1, UInt256.ONE);
    assertThatThrownBy(() -> f.pool().add(full.transaction())).hasMessage("missing sidecar in blob transaction");
    // The block form sent as raw bytes is refused the same way.
    assertRefused(() -> f.pool().addNetworkForm(full.transaction().encoded()), Reason.MISSING_SIDECAR);
  }

  @Test
  void sidecarThatDoesNotMatchTheTransaction() {
    BlobTransactionWithBlobs good = tx(ALICE, 0).withBlobs(2, UInt256.ONE);
    BlobTransactionWithBlobs swapped = new BlobTransactionWithBlobs(good.transaction(), 0, good.blobs(),
        List.of(good.commitments().get(1), good.commitments().get(0)), good.proofs());
    assertRefused(() -> f.pool().add(swapped), Reason.INVALID_SIDECAR);
  }

  @Test
  void sidecarWhoseProofsFail() {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT, sidecar -> false);
    assertThatThrownBy(() -> pool.add(tx(ALICE, 0).withBlobs(1, UInt256.ONE)))
        .hasMessage("invalid blob sidecar: KZG proof verification failed");
  }

  @Test
  void blobSpaceFull() throws Exception {
    TxPool pool = f.pool(TxPoolConfig.DEFAULT.withMaxBlobs(3));
    pool.add(tx(ALICE, 0).withBlobs(2, UInt256.ONE));
    assertRefused(() -> pool.add(tx(BOB, 0).withBlobs(2, UInt256.ONE)), Reason.POOL_FULL);
    pool.add(tx(BOB, 0).withBlobs(1, UInt256.ONE));
  }

  @Test
  void rawBytesOfEveryKindAreAccepted() throws Exception {
    TxPool pool = f.pool();
    Transaction legacy = tx(ALICE, 0).legacy();
    BlobTransactionWithBlobs blob = tx(BOB, 0).withBlobs(1, UInt256.ONE);
    assertThat(pool.addNetworkForm(legacy.encoded())).isEqualTo(legacy.hash());
    assertThat(pool.addNetworkForm(blob.encode())).isEqualTo(blob.transaction().hash());
    assertThat(pool.networkForm(blob.transaction().hash())).contains(blob.encode());
    assertThat(pool.networkForm(legacy.hash())).contains(legacy.encoded());
  }

  @Test
  void freshAccountWithoutBalanceCannotPay() {
    PrivateKey nobody = PoolFixture.key(99);
    assertRefused(() -> f.pool().add(tx(nobody, 0).signed()), Reason.INSUFFICIENT_FUNDS);
  }
}
