package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.chain.tx.TransactionType;
import org.linden.evm.Log;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

class ReceiptTest {
  static final Log LOG = new Log(Address.fromHex("0x00000000000000000000000000000000000000aa"),
      List.of(Hash.fromHex("0x" + "11".repeat(32)), Hash.fromHex("0x" + "22".repeat(32))), Bytes.fromHex("0xc0ffee"));

  @Test
  void legacyReceiptIsAPlainRlpList() throws Exception {
    Receipt r = Receipt.of(TransactionType.LEGACY, true, 21_000, List.of(LOG));
    Bytes enc = r.encode();
    assertThat(enc.getUnsigned(0)).isGreaterThanOrEqualTo(0xc0);
    List<Bytes> items = BlockHeaderTest.items(enc);
    assertThat(items).hasSize(4);
    assertThat(items.get(0)).isEqualTo(Bytes.fromHex("0x01"));
    assertThat(Receipt.decode(enc)).isEqualTo(r);
    assertThat(r.succeeded()).isTrue();
    assertThat(r.postState()).isEmpty();
    assertThat(r.logsBloom()).isEqualTo(LogsBloom.of(List.of(LOG)));
  }

  @Test
  void typedReceiptIsTypeByteThenRlp() throws Exception {
    for (TransactionType type : List.of(TransactionType.ACCESS_LIST, TransactionType.FEE_MARKET,
        TransactionType.BLOB, TransactionType.SET_CODE)) {
      Receipt r = Receipt.of(type, false, 50_000, List.of(LOG, LOG));
      Bytes enc = r.encode();
      assertThat(enc.getUnsigned(0)).isEqualTo(type.code());
      Bytes legacyForm = Receipt.of(TransactionType.LEGACY, false, 50_000, List.of(LOG, LOG)).encode();
      assertThat(enc.slice(1)).isEqualTo(legacyForm);
      assertThat(BlockHeaderTest.items(enc.slice(1)).get(0)).isEqualTo(Bytes.fromHex("0x80"));
      Receipt decoded = Receipt.decode(enc);
      assertThat(decoded).isEqualTo(r);
      assertThat(decoded.succeeded()).isFalse();
    }
  }

  @Test
  void preByzantiumReceiptCarriesThePostStateRoot() throws Exception {
    Hash root = Hash.fromHex("0x" + "ab".repeat(32));
    Receipt r = Receipt.withPostState(TransactionType.LEGACY, root, 42_000, List.of());
    Receipt decoded = Receipt.decode(r.encode());
    assertThat(decoded).isEqualTo(r);
    assertThat(decoded.hasStatus()).isFalse();
    assertThat(decoded.postState()).contains(root);
    assertThatThrownBy(decoded::succeeded).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void receiptListItemsWrapTypedReceiptsAsStrings() throws Exception {
    List<Receipt> receipts = List.of(Receipt.of(TransactionType.LEGACY, true, 1, List.of()),
        Receipt.of(TransactionType.BLOB, true, 2, List.of(LOG)));
    RlpWriter w = new RlpWriter();
    w.startList();
    receipts.forEach(r -> r.writeToList(w));
    Bytes list = w.endList().toBytes();
    RlpReader items = RlpReader.of(list).readList();
    List<Receipt> back = new ArrayList<>();
    while (!items.isDone()) {
      back.add(Receipt.readFromList(items));
    }
    assertThat(back).isEqualTo(receipts);
    assertThat(BlockHeaderTest.items(list).get(1)).isEqualTo(RlpWriter.encodeBytes(receipts.get(1).encode()));
  }

  @Test
  void logsEncodeAsAddressTopicsData() {
    Bytes logs = Receipt.encodeLogs(List.of(LOG));
    Bytes expected = new RlpWriter().startList().startList().writeBytes(LOG.address().bytes()).startList()
        .writeBytes(LOG.topics().get(0).bytes()).writeBytes(LOG.topics().get(1).bytes()).endList()
        .writeBytes(LOG.data()).endList().endList().toBytes();
    assertThat(logs).isEqualTo(expected);
    assertThat(Receipt.encodeLogs(List.of())).isEqualTo(Bytes.fromHex("0xc0"));
  }

  @Test
  void rejectsInvalidStatusFields() {
    for (String status : List.of("0x00", "0x02", "0x" + "ab".repeat(31), "0x" + "ab".repeat(33))) {
      assertRejected(withField(0, RlpWriter.encodeBytes(Bytes.fromHex(status))), Reason.INVALID_RECEIPT_STATUS,
          "status_or_post_state");
    }
  }

  @Test
  void rejectsMalformedReceipts() {
    Bytes good = Receipt.of(TransactionType.FEE_MARKET, true, 1, List.of(LOG)).encode();
    assertRejected(Bytes.concat(Bytes.of((byte) 0x05), good.slice(1)), Reason.UNKNOWN_RECEIPT_TYPE, "0x05");
    assertRejected(Bytes.concat(Bytes.of((byte) 0x80), good.slice(1)), Reason.MALFORMED_RLP, "0x80");
    assertRejected(Bytes.concat(good, Bytes.of((byte) 0)), Reason.TRAILING_BYTES, "receipt");
    assertRejected(Bytes.EMPTY, Reason.MALFORMED_RLP, "empty");
    assertRejected(withField(2, RlpWriter.encodeBytes(Bytes.wrap(new byte[255]))), Reason.WRONG_FIELD_SIZE,
        "receipt.bloom");
    assertRejected(withField(1, Bytes.fromHex("0x820001")), Reason.LEADING_ZEROS, "cumulative_gas_used");
    Bytes shortTopic = new RlpWriter().startList().startList().writeBytes(LOG.address().bytes()).startList()
        .writeBytes(Bytes.wrap(new byte[31])).endList().writeBytes(Bytes.EMPTY).endList().endList().toBytes();
    assertRejected(withField(3, shortTopic), Reason.WRONG_FIELD_SIZE, "receipt.logs[0].topics[0]");
    List<Bytes> five = new ArrayList<>(BlockHeaderTest.items(Receipt.of(TransactionType.LEGACY, true, 1,
        List.of()).encode()));
    five.add(Bytes.fromHex("0x80"));
    assertRejected(BlockHeaderTest.list(five), Reason.WRONG_FIELD_COUNT, "receipt");
  }

  private static Bytes withField(int index, Bytes item) {
    List<Bytes> items = new ArrayList<>(BlockHeaderTest.items(Receipt.of(TransactionType.LEGACY, true, 1,
        List.of(LOG)).encode()));
    items.set(index, item);
    return BlockHeaderTest.list(items);
  }

  private static void assertRejected(Bytes encoded, Reason reason, String messagePart) {
    assertThatThrownBy(() -> Receipt.decode(encoded))
        .isInstanceOfSatisfying(InvalidBlockException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(messagePart);
  }
}
