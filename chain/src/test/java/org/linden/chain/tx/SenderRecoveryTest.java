package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.crypto.Secp256k1;
import org.linden.types.Fork;
import org.linden.types.UInt256;

class SenderRecoveryTest {
  static List<Transaction> everyType() {
    return Samples.signedOfEveryType();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void signThenRecoverGivesTheSigner(Transaction tx) throws Exception {
    assertThat(SenderRecovery.recover(tx, Fork.OSAKA, Samples.CHAIN_ID)).isEqualTo(Samples.KEY.address());
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void recoveryWorksAfterADecode(Transaction tx) throws Exception {
    Transaction decoded = TransactionCodec.decode(tx.encoded());
    assertThat(SenderRecovery.recover(decoded, Fork.OSAKA, Samples.CHAIN_ID)).isEqualTo(Samples.KEY.address());
  }

  @Test
  void pre155SignaturesUseV27Or28AndAreValidInEveryFork() throws Exception {
    LegacyTransaction tx = TransactionSigner.signLegacy(Samples.legacy(), OptionalLong.empty(), Samples.KEY);
    assertThat(tx.v().toBigInteger().intValue()).isIn(27, 28);
    assertThat(tx.isPre155()).isTrue();
    assertThat(tx.chainId()).isEmpty();
    for (Fork fork : Fork.values()) {
      assertThat(SenderRecovery.recover(tx, fork, Samples.CHAIN_ID)).isEqualTo(Samples.KEY.address());
    }
  }

  @Test
  void eip155SignaturesEncodeTheChainInV() throws Exception {
    LegacyTransaction tx = signed155();
    assertThat(tx.v().toBigInteger().longValue()).isIn(Samples.CHAIN_ID * 2 + 35, Samples.CHAIN_ID * 2 + 36);
    assertThat(tx.chainId()).hasValue(Samples.CHAIN_ID);
  }

  @Test
  void eip155SignaturesAreInvalidBeforeSpuriousDragon() {
    LegacyTransaction tx = signed155();
    assertReason(() -> SenderRecovery.recover(tx, Fork.TANGERINE_WHISTLE, Samples.CHAIN_ID), Reason.INVALID_SIGNATURE);
  }

  @Test
  void eip155SignaturesForAnotherChainAreRejected() {
    LegacyTransaction tx = signed155();
    assertReason(() -> SenderRecovery.recover(tx, Fork.LONDON, 1), Reason.INVALID_CHAIN_ID);
  }

  @Test
  void highSIsRejectedFromHomesteadButNotInFrontier() throws Exception {
    LegacyTransaction tx = TransactionSigner.signLegacy(Samples.legacy(), OptionalLong.empty(), Samples.KEY);
    // (r, n - s) with the other parity is the same signature in its high-s form.
    UInt256 otherV = tx.v().equals(UInt256.valueOf(27)) ? UInt256.valueOf(28) : UInt256.valueOf(27);
    LegacyTransaction highS = new LegacyTransaction(tx.nonce(), tx.gasPrice(), tx.gas(), tx.to(), tx.value(),
        tx.data(), otherV, tx.r(), Secp256k1.ORDER.sub(tx.s()));
    assertThat(SenderRecovery.recover(highS, Fork.FRONTIER, 1)).isEqualTo(Samples.KEY.address());
    assertReason(() -> SenderRecovery.recover(highS, Fork.HOMESTEAD, 1), Reason.INVALID_SIGNATURE);
  }

  @Test
  void rAndSMustBeInRange() {
    LegacyTransaction tx = TransactionSigner.signLegacy(Samples.legacy(), OptionalLong.empty(), Samples.KEY);
    LegacyTransaction zeroR = new LegacyTransaction(tx.nonce(), tx.gasPrice(), tx.gas(), tx.to(), tx.value(),
        tx.data(), tx.v(), UInt256.ZERO, tx.s());
    LegacyTransaction rIsN = new LegacyTransaction(tx.nonce(), tx.gasPrice(), tx.gas(), tx.to(), tx.value(),
        tx.data(), tx.v(), Secp256k1.ORDER, tx.s());
    LegacyTransaction zeroS = new LegacyTransaction(tx.nonce(), tx.gasPrice(), tx.gas(), tx.to(), tx.value(),
        tx.data(), tx.v(), tx.r(), UInt256.ZERO);
    for (LegacyTransaction bad : List.of(zeroR, rIsN, zeroS)) {
      assertReason(() -> SenderRecovery.recover(bad, Fork.FRONTIER, 1), Reason.INVALID_SIGNATURE);
    }
  }

  @Test
  void vOtherThan27Or28Or155IsRejected() {
    LegacyTransaction tx = TransactionSigner.signLegacy(Samples.legacy(), OptionalLong.empty(), Samples.KEY);
    for (long v : new long[] {0, 1, 26, 29, 35, 36}) {
      LegacyTransaction bad = new LegacyTransaction(tx.nonce(), tx.gasPrice(), tx.gas(), tx.to(), tx.value(),
          tx.data(), UInt256.valueOf(v), tx.r(), tx.s());
      assertThatThrownBy(() -> SenderRecovery.recover(bad, Fork.LONDON, 1))
          .isInstanceOf(InvalidTransactionException.class);
    }
  }

  @Test
  void changingASignedFieldChangesTheSender() throws Exception {
    FeeMarketTransaction tx = TransactionSigner.sign(Samples.feeMarket(), Samples.KEY);
    FeeMarketTransaction tampered = new FeeMarketTransaction(tx.chainId(), tx.nonce() + 1,
        tx.maxPriorityFeePerGas(), tx.maxFeePerGas(), tx.gas(), tx.to(), tx.value(), tx.data(), tx.accessList(),
        tx.yParity(), tx.r(), tx.s());
    Object sender;
    try {
      sender = SenderRecovery.recover(tampered, Fork.PRAGUE, Samples.CHAIN_ID);
    } catch (InvalidTransactionException e) {
      sender = e.reason();
    }
    assertThat(sender).isNotEqualTo(Samples.KEY.address());
  }

  private static LegacyTransaction signed155() {
    return TransactionSigner.signLegacy(Samples.legacy(), OptionalLong.of(Samples.CHAIN_ID), Samples.KEY);
  }

  private static void assertReason(ThrowingCall call, Reason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidTransactionException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
