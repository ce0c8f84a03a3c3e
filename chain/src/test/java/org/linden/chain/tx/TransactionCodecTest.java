package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

class TransactionCodecTest {
  private static final String ADDRESS = "94" + "35".repeat(20);
  private static final String R = "a0" + "11".repeat(32);
  private static final String S = "a0" + "22".repeat(32);
  /** nonce, gas_price, gas, to, value, data, v, r, s of a legacy transaction, each encoded. */
  private static final List<String> LEGACY =
      List.of("09", "8504a817c800", "825208", ADDRESS, "880de0b6b3a7640000", "80", "25", R, S);
  /** The fields of an EIP-1559 transaction, each encoded. */
  private static final List<String> FEE_MARKET =
      List.of("01", "80", "01", "02", "825208", ADDRESS, "80", "80", "c0", "80", R, S);

  static List<Transaction> everyType() {
    return Samples.signedOfEveryType();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void decodingTheEncodingGivesTheSameTransaction(Transaction tx) throws Exception {
    Bytes encoded = tx.encoded();
    assertThat(TransactionCodec.decode(encoded)).isEqualTo(tx);
    assertThat(tx.hash()).isEqualTo(Keccak.hash256(encoded));
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void typedTransactionsStartWithTheirTypeByteAndLegacyOnesWithAList(Transaction tx) {
    int first = tx.encoded().getUnsigned(0);
    if (tx instanceof LegacyTransaction) {
      assertThat(first).isGreaterThanOrEqualTo(0xc0);
    } else {
      assertThat(first).isEqualTo(tx.type().code());
    }
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void blockBodyFormWrapsTypedTransactionsInAByteString(Transaction tx) throws Exception {
    RlpWriter w = new RlpWriter();
    w.startList();
    TransactionCodec.writeToBlock(w, tx);
    TransactionCodec.writeToBlock(w, tx);
    w.endList();
    RlpReader body = RlpReader.of(w.toBytes()).readList();
    assertThat(body.nextIsList()).isEqualTo(tx instanceof LegacyTransaction);
    assertThat(TransactionCodec.readFromBlock(body)).isEqualTo(tx);
    assertThat(TransactionCodec.readFromBlock(body)).isEqualTo(tx);
    assertThat(body.isDone()).isTrue();
  }

  @Test
  void aByteStringInABlockMustNotHoldALegacyTransaction() {
    Bytes legacy = Samples.signedOfEveryType().get(0).encoded();
    Bytes body = new RlpWriter().writeBytes(legacy).toBytes();
    assertThatThrownBy(() -> TransactionCodec.readFromBlock(RlpReader.of(body)))
        .isInstanceOfSatisfying(InvalidTransactionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RLP));
  }

  @Test
  void contractCreationHasAnEmptyTo() throws Exception {
    Transaction creation = TransactionSigner.sign(Samples.creation(), Samples.KEY);
    Transaction decoded = TransactionCodec.decode(creation.encoded());
    assertThat(decoded.to()).isNull();
    assertThat(decoded.isContractCreation()).isTrue();
  }

  @Test
  void legacyFieldsDecodeAsWritten() throws Exception {
    Transaction tx = TransactionCodec.decode(legacy(LEGACY));
    assertThat(tx.nonce()).isEqualTo(9);
    assertThat(tx.gas()).isEqualTo(21_000);
    assertThat(tx.encoded()).isEqualTo(legacy(LEGACY));
  }

  @Test
  void nonceAndGasUseAllSixtyFourBits() throws Exception {
    Transaction tx = TransactionCodec.decode(legacy(with(with(LEGACY, 0, "88ffffffffffffffff"), 2, "88ffffffffffffffff")));
    assertThat(tx.nonce()).isEqualTo(-1L);
    assertThat(tx.gas()).isEqualTo(-1L);
  }

  @Test
  void emptyInputIsRejected() {
    assertRejected(Bytes.EMPTY, Reason.MALFORMED_RLP);
  }

  @Test
  void unknownTypesAreRejected() {
    assertRejected(Bytes.fromHex("05c0"), Reason.TYPE_NOT_SUPPORTED);
    assertRejected(Bytes.fromHex("7fc0"), Reason.TYPE_NOT_SUPPORTED);
    assertRejected(Bytes.fromHex("00c0"), Reason.TYPE_NOT_SUPPORTED);
  }

  @Test
  void anRlpStringIsNotATransaction() {
    assertRejected(Bytes.fromHex("80"), Reason.MALFORMED_RLP);
    assertRejected(new RlpWriter().writeBytes(legacy(LEGACY)).toBytes(), Reason.MALFORMED_RLP);
  }

  @Test
  void trailingBytesAreRejected() {
    assertRejected(Bytes.concat(legacy(LEGACY), Bytes.of((byte) 0)), Reason.TRAILING_BYTES);
    assertRejected(Bytes.concat(typed(2, FEE_MARKET), Bytes.of((byte) 0x80)), Reason.TRAILING_BYTES);
  }

  @Test
  void wrongFieldCountsAreRejected() {
    assertRejected(legacy(LEGACY.subList(0, 8)), Reason.WRONG_FIELD_COUNT);
    assertRejected(legacy(plus(LEGACY, "80")), Reason.WRONG_FIELD_COUNT);
    assertRejected(typed(2, FEE_MARKET.subList(0, 11)), Reason.WRONG_FIELD_COUNT);
    assertRejected(typed(2, plus(FEE_MARKET, "80")), Reason.WRONG_FIELD_COUNT);
    List<String> accessList = new ArrayList<>(FEE_MARKET);
    accessList.remove(2); // type 1 has gas_price where type 2 has two fee fields
    assertThat(catchDecode(typed(1, accessList))).isNull();
    assertRejected(typed(1, accessList.subList(0, 10)), Reason.WRONG_FIELD_COUNT);
    assertRejected(typed(1, plus(accessList, "80")), Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void integersWithLeadingZerosAreRejected() {
    assertRejected(legacy(with(LEGACY, 0, "820009")), Reason.LEADING_ZEROS);
    assertRejected(legacy(with(LEGACY, 0, "00")), Reason.LEADING_ZEROS);
    assertRejected(legacy(with(LEGACY, 4, "89000de0b6b3a7640000")), Reason.LEADING_ZEROS);
    assertRejected(legacy(with(LEGACY, 6, "820025")), Reason.LEADING_ZEROS);
    assertRejected(typed(2, with(FEE_MARKET, 3, "820002")), Reason.LEADING_ZEROS);
  }

  @Test
  void valuesTooLargeForTheirFieldAreRejected() {
    String nine = "89010000000000000000";
    String thirtyThree = "a1" + "01" + "00".repeat(32);
    assertRejected(legacy(with(LEGACY, 0, nine)), Reason.VALUE_TOO_LARGE);
    assertRejected(legacy(with(LEGACY, 2, nine)), Reason.VALUE_TOO_LARGE);
    assertRejected(legacy(with(LEGACY, 1, thirtyThree)), Reason.VALUE_TOO_LARGE);
    assertRejected(legacy(with(LEGACY, 4, thirtyThree)), Reason.VALUE_TOO_LARGE);
    assertRejected(legacy(with(LEGACY, 7, thirtyThree)), Reason.VALUE_TOO_LARGE);
    assertRejected(typed(2, with(FEE_MARKET, 0, nine)), Reason.VALUE_TOO_LARGE);
    assertRejected(typed(2, with(FEE_MARKET, 3, thirtyThree)), Reason.VALUE_TOO_LARGE);
  }

  @Test
  void addressesMustBeTwentyBytes() {
    assertRejected(legacy(with(LEGACY, 3, "93" + "35".repeat(19))), Reason.ADDRESS_WRONG_SIZE);
    assertRejected(legacy(with(LEGACY, 3, "95" + "00" + "35".repeat(20))), Reason.ADDRESS_WRONG_SIZE);
    assertRejected(typed(2, with(FEE_MARKET, 8, list(list("93" + "aa".repeat(19), "c0")))),
        Reason.ADDRESS_WRONG_SIZE);
  }

  @Test
  void accessListsAreCheckedStrictly() {
    String key31 = "9f" + "01".repeat(31);
    String key33 = "a1" + "00" + "01".repeat(32);
    assertRejected(typed(2, with(FEE_MARKET, 8, list(list(ADDRESS, list(key31))))), Reason.HASH_WRONG_SIZE);
    assertRejected(typed(2, with(FEE_MARKET, 8, list(list(ADDRESS, list(key33))))), Reason.HASH_WRONG_SIZE);
    // An entry with a third item.
    assertRejected(typed(2, with(FEE_MARKET, 8, list(list(ADDRESS, "c0", "80")))), Reason.WRONG_FIELD_COUNT);
    // An access list that is a string.
    assertRejected(typed(2, with(FEE_MARKET, 8, "80")), Reason.WRONG_FIELD_TYPE);
  }

  @Test
  void fieldsOfTheWrongKindAreRejected() {
    assertRejected(legacy(with(LEGACY, 5, "c0")), Reason.WRONG_FIELD_TYPE);
    assertRejected(legacy(with(LEGACY, 0, "c0")), Reason.WRONG_FIELD_TYPE);
  }

  @Test
  void typedYParityMustBeABit() {
    assertRejected(typed(2, with(FEE_MARKET, 9, "02")), Reason.INVALID_SIGNATURE);
  }

  @Test
  void blobAndSetCodeTransactionsCannotCreateContracts() {
    // A blob transaction's fields with an empty to.
    List<String> blob = new ArrayList<>(FEE_MARKET.subList(0, 9));
    blob.set(5, "80");
    blob.addAll(List.of("01", list("a0" + "01".repeat(32)), "80", R, S));
    assertRejected(typed(3, blob), Reason.CONTRACT_CREATION_NOT_ALLOWED);

    List<String> setCode = new ArrayList<>(FEE_MARKET.subList(0, 9));
    setCode.set(5, "80");
    setCode.addAll(List.of("c0", "80", R, S));
    assertRejected(typed(4, setCode), Reason.CONTRACT_CREATION_NOT_ALLOWED);
  }

  @Test
  void blobVersionedHashesMustBeThirtyTwoBytes() {
    List<String> blob = new ArrayList<>(FEE_MARKET.subList(0, 9));
    blob.addAll(List.of("01", list("9f" + "01".repeat(31)), "80", R, S));
    assertRejected(typed(3, blob), Reason.HASH_WRONG_SIZE);
  }

  @Test
  void authorizationFieldsAreBounded() {
    List<String> base = FEE_MARKET.subList(0, 9);
    // y_parity is a byte: 0x0100 does not fit.
    String badParity = list(list("01", ADDRESS, "80", "820100", R, S));
    assertRejected(typed(4, plus(base, badParity, "80", R, S)), Reason.VALUE_TOO_LARGE);
    // The nonce is 64 bits.
    String badNonce = list(list("01", ADDRESS, "89010000000000000000", "80", R, S));
    assertRejected(typed(4, plus(base, badNonce, "80", R, S)), Reason.VALUE_TOO_LARGE);
    // Six fields exactly.
    String shortAuth = list(list("01", ADDRESS, "80", "80", R));
    assertRejected(typed(4, plus(base, shortAuth, "80", R, S)), Reason.WRONG_FIELD_COUNT);
  }

  @Test
  void errorsNameTheField() {
    InvalidTransactionException e = rejection(legacy(with(LEGACY, 2, "820001")));
    assertThat(e.getMessage()).contains("gas").contains("leading zero");
    assertThat(rejection(legacy(LEGACY.subList(0, 7))).getMessage()).contains("r is missing");
  }

  private static void assertRejected(Bytes raw, Reason reason) {
    assertThat(rejection(raw).reason()).as("reason for %s", raw).isEqualTo(reason);
  }

  private static InvalidTransactionException catchDecode(Bytes raw) {
    try {
      TransactionCodec.decode(raw);
      return null;
    } catch (InvalidTransactionException e) {
      return e;
    }
  }

  private static InvalidTransactionException rejection(Bytes raw) {
    try {
      Transaction tx = TransactionCodec.decode(raw);
      throw new AssertionError(raw + " decoded as " + tx);
    } catch (InvalidTransactionException e) {
      return e;
    }
  }

  /** An RLP list of already-encoded items. */
  private static Bytes legacy(List<String> encodedItems) {
    RlpWriter w = new RlpWriter();
    w.startList();
    for (String item : encodedItems) {
      w.writeRaw(Bytes.fromHex(item));
    }
    w.endList();
    return w.toBytes();
  }

  /** The hex of an RLP list of already-encoded items. */
  private static String list(String... encodedItems) {
    return legacy(List.of(encodedItems)).toUnprefixedHex();
  }

  private static Bytes typed(int type, List<String> encodedItems) {
    return Bytes.concat(Bytes.of((byte) type), legacy(encodedItems));
  }

  private static List<String> with(List<String> items, int index, String replacement) {
    List<String> out = new ArrayList<>(items);
    out.set(index, replacement);
    return out;
  }

  private static List<String> plus(List<String> items, String... more) {
    List<String> out = new ArrayList<>(items);
    out.addAll(Arrays.asList(more));
    return out;
  }
}
