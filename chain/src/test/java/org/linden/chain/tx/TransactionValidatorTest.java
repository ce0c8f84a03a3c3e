package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class TransactionValidatorTest {
  private static final TransactionValidator OSAKA = new TransactionValidator(Fork.OSAKA, Samples.CHAIN_ID);

  @Test
  void everySampleIsValidInOsakaWithItsHashSenderAndGas() throws Exception {
    for (Transaction tx : Samples.signedOfEveryType()) {
      ValidTransaction v = OSAKA.validate(tx);
      assertThat(v.sender()).isEqualTo(Samples.KEY.address());
      assertThat(v.hash()).isEqualTo(tx.hash());
      assertThat(v.intrinsicGas()).isEqualTo(IntrinsicGas.of(tx, Fork.OSAKA));
    }
  }

  @Test
  void typesAreValidFromTheForkThatIntroducedThem() throws Exception {
    for (Transaction tx : Samples.signedOfEveryType()) {
      // A legacy transaction with an EIP-155 signature is valid from Spurious Dragon.
      boolean eip155 = tx instanceof LegacyTransaction legacy && !legacy.isPre155();
      Fork first = eip155 ? Fork.SPURIOUS_DRAGON : tx.type().introducedIn();
      new TransactionValidator(first, Samples.CHAIN_ID).validate(tx);
      if (first != Fork.FRONTIER && !eip155) {
        Fork before = Fork.values()[first.ordinal() - 1];
        assertRejected(new TransactionValidator(before, Samples.CHAIN_ID), tx, Reason.TYPE_NOT_SUPPORTED);
      }
    }
  }

  @Test
  void typedTransactionsMustNameThisChain() {
    Transaction tx = TransactionSigner.sign(Samples.feeMarket(), Samples.KEY);
    assertRejected(new TransactionValidator(Fork.OSAKA, 1), tx, Reason.INVALID_CHAIN_ID);
  }

  @Test
  void theNonceMustStayBelowTwoToTheSixtyFourMinusOne() throws Exception {
    LegacyTransaction max = LegacyTransaction.unsigned(-1L, UInt256.ONE, 21_000, Samples.TO, UInt256.ZERO, Bytes.EMPTY);
    LegacyTransaction belowMax = LegacyTransaction.unsigned(-2L, UInt256.ONE, 21_000, Samples.TO, UInt256.ZERO, Bytes.EMPTY);
    assertRejected(OSAKA, TransactionSigner.signLegacy(max, OptionalLong.empty(), Samples.KEY), Reason.NONCE_TOO_BIG);
    OSAKA.validate(TransactionSigner.signLegacy(belowMax, OptionalLong.empty(), Samples.KEY));
  }

  @Test
  void thePriorityFeeMayNotExceedTheMaxFee() {
    FeeMarketTransaction s = Samples.feeMarket();
    FeeMarketTransaction bad = new FeeMarketTransaction(s.chainId(), s.nonce(), Samples.gwei(31), Samples.gwei(30),
        s.gas(), s.to(), s.value(), s.data(), s.accessList(), 0, UInt256.ZERO, UInt256.ZERO);
    assertRejected(OSAKA, TransactionSigner.sign(bad, Samples.KEY), Reason.PRIORITY_FEE_ABOVE_MAX_FEE);
  }

  @Test
  void gasTimesMaxFeeMustFitIn256Bits() {
    assertThat(TransactionValidator.productFits256(-1L, UInt256.MAX)).isFalse();
    assertThat(TransactionValidator.productFits256(1, UInt256.MAX)).isTrue();
    assertThat(TransactionValidator.productFits256(0, UInt256.MAX)).isTrue();
    // 2^192 * 2^63 = 2^255 fits; 2^192 * 2^64 (carried out of the top limb) does not.
    UInt256 twoTo192 = new UInt256(0, 0, 0, 1);
    assertThat(TransactionValidator.productFits256(1L << 63, twoTo192)).isTrue();
    UInt256 twoTo193 = new UInt256(0, 0, 0, 2);
    assertThat(TransactionValidator.productFits256(1L << 63, twoTo193)).isFalse();
    // (2^256 - 1) / 3 * 3 fits exactly; * 4 does not.
    UInt256 third = new UInt256(0x5555555555555555L, 0x5555555555555555L, 0x5555555555555555L, 0x5555555555555555L);
    assertThat(TransactionValidator.productFits256(3, third)).isTrue();
    assertThat(TransactionValidator.productFits256(4, third)).isFalse();
  }

  @Test
  void initcodeIsLimitedFromShanghai() throws Exception {
    Bytes big = Bytes.wrap(new byte[TransactionValidator.MAX_INITCODE_SIZE + 1]);
    LegacyTransaction create = TransactionSigner.signLegacy(
        LegacyTransaction.unsigned(0, UInt256.ONE, 1_000_000, null, UInt256.ZERO, big), OptionalLong.of(Samples.CHAIN_ID),
        Samples.KEY);
    new TransactionValidator(Fork.PARIS, Samples.CHAIN_ID).validate(create);
    assertRejected(new TransactionValidator(Fork.SHANGHAI, Samples.CHAIN_ID), create, Reason.INITCODE_SIZE_EXCEEDED);
  }

  @Test
  void osakaCapsTheGasLimitAtTwoToTheTwentyFour() throws Exception {
    Transaction atCap = withGas(1L << 24);
    Transaction aboveCap = withGas((1L << 24) + 1);
    OSAKA.validate(atCap);
    new TransactionValidator(Fork.PRAGUE, Samples.CHAIN_ID).validate(aboveCap);
    assertRejected(OSAKA, aboveCap, Reason.GAS_LIMIT_ABOVE_CAP);
  }

  @Test
  void theGasLimitMustCoverIntrinsicGas() {
    assertRejected(OSAKA, withGas(21_000), Reason.INTRINSIC_GAS_TOO_LOW);
  }

  @Test
  void fromPragueTheGasLimitMustCoverTheCalldataFloor() throws Exception {
    // 100 non-zero bytes: intrinsic 21000 + 1600, floor 21000 + 4000.
    byte[] ones = new byte[100];
    Arrays.fill(ones, (byte) 1);
    Bytes data = Bytes.wrap(ones);
    LegacyTransaction tx = TransactionSigner.signLegacy(
        LegacyTransaction.unsigned(0, UInt256.ONE, 23_000, Samples.TO, UInt256.ZERO, data),
        OptionalLong.of(Samples.CHAIN_ID), Samples.KEY);
    new TransactionValidator(Fork.CANCUN, Samples.CHAIN_ID).validate(tx);
    assertRejected(new TransactionValidator(Fork.PRAGUE, Samples.CHAIN_ID), tx, Reason.INTRINSIC_GAS_TOO_LOW);
  }

  @Test
  void blobTransactionsNeedBlobsWithKzgVersionedHashes() {
    assertRejected(OSAKA, TransactionSigner.sign(Samples.blob(List.of()), Samples.KEY), Reason.NO_BLOBS);
    Hash version2 = Hash.fromHex("0x02" + "00".repeat(31));
    assertRejected(OSAKA, TransactionSigner.sign(Samples.blob(List.of(Samples.BLOB_HASH, version2)), Samples.KEY),
        Reason.INVALID_BLOB_VERSIONED_HASH);
  }

  @Test
  void theBlobCountPerTransactionIsBoundedByFork() throws Exception {
    Transaction seven = TransactionSigner.sign(Samples.blob(Collections.nCopies(7, Samples.BLOB_HASH)), Samples.KEY);
    assertRejected(new TransactionValidator(Fork.CANCUN, Samples.CHAIN_ID), seven, Reason.TOO_MANY_BLOBS);
    new TransactionValidator(Fork.PRAGUE, Samples.CHAIN_ID).validate(seven);
    assertRejected(OSAKA, seven, Reason.TOO_MANY_BLOBS);
    OSAKA.validate(TransactionSigner.sign(Samples.blob(Collections.nCopies(6, Samples.BLOB_HASH)), Samples.KEY));
  }

  @Test
  void setCodeTransactionsNeedAnAuthorization() {
    assertRejected(OSAKA, TransactionSigner.sign(Samples.setCode(List.of()), Samples.KEY),
        Reason.EMPTY_AUTHORIZATION_LIST);
  }

  @Test
  void aBadSignatureIsReportedAfterTheCheapChecks() {
    FeeMarketTransaction unsigned = Samples.feeMarket(); // r = s = 0
    assertRejected(OSAKA, unsigned, Reason.INVALID_SIGNATURE);
  }

  private static Transaction withGas(long gas) {
    FeeMarketTransaction s = Samples.feeMarket();
    return TransactionSigner.sign(new FeeMarketTransaction(s.chainId(), s.nonce(), s.maxPriorityFeePerGas(),
        s.maxFeePerGas(), gas, s.to(), s.value(), s.data(), s.accessList(), 0, UInt256.ZERO, UInt256.ZERO),
        Samples.KEY);
  }

  private static void assertRejected(TransactionValidator validator, Transaction tx, Reason reason) {
    assertThatThrownBy(() -> validator.validate(tx)).isInstanceOfSatisfying(InvalidTransactionException.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
