package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

class BlockHeaderTest {
  static Hash h(int n) {
    return Hash.fromHex(String.format("0x%064x", n));
  }

  static BlockHeader frontier() {
    return BlockHeader.builder()
        .parentHash(h(1))
        .coinbase(Address.fromHex("0x8888f1f195afa192cfee860698584c030f4c9db1"))
        .stateRoot(h(2))
        .transactionsRoot(h(3))
        .receiptsRoot(h(4))
        .logsBloom(LogsBloom.EMPTY.with(Bytes.fromHex("0x01")))
        .difficulty(UInt256.valueOf(131_072))
        .number(1)
        .gasLimit(3_141_592)
        .gasUsed(21_000)
        .timestamp(1_438_269_988L)
        .extraData(Bytes.fromHex("0x476574682f76312e302e30"))
        .mixHash(h(5))
        .nonce(Bytes.fromHex("0x0102030405060708"))
        .build();
  }

  static BlockHeader london() {
    return frontier().toBuilder().baseFeePerGas(UInt256.valueOf(1_000_000_000L)).build();
  }

  static BlockHeader shanghai() {
    return london().toBuilder().difficulty(UInt256.ZERO).nonce(BlockHeader.ZERO_NONCE)
        .withdrawalsRoot(h(6)).build();
  }

  static BlockHeader cancun() {
    return shanghai().toBuilder().blobGasUsed(131_072L).excessBlobGas(0L).parentBeaconBlockRoot(h(7)).build();
  }

  static BlockHeader prague() {
    return cancun().toBuilder().requestsHash(BlockRoots.EMPTY_REQUESTS_HASH).build();
  }

  static List<BlockHeader> shapes() {
    return List.of(frontier(), london(), shanghai(), cancun(), prague());
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void roundTripsEveryForkShape(BlockHeader header) throws Exception {
    Bytes rlp = header.encode();
    BlockHeader decoded = BlockHeader.decode(rlp);
    assertThat(decoded).isEqualTo(header);
    assertThat(decoded.encode()).isEqualTo(rlp);
    assertThat(items(rlp)).hasSize(header.fieldCount());
    assertThat(header.hash()).isEqualTo(Keccak.hash256(rlp));
  }

  @Test
  void fieldCountsFollowTheForks() {
    assertThat(shapes().stream().map(BlockHeader::fieldCount)).containsExactly(15, 16, 17, 20, 21);
  }

  @Test
  void unsignedValuesAboveLongMaxRoundTrip() throws Exception {
    BlockHeader h = cancun().toBuilder().timestamp(-1L).gasLimit(Long.MIN_VALUE).excessBlobGas(-2L).build();
    assertThat(BlockHeader.decode(h.encode())).isEqualTo(h);
  }

  @Test
  void readsFromAnEnclosingReader() throws Exception {
    Bytes two = Bytes.concat(london().encode(), prague().encode());
    RlpReader r = RlpReader.of(two);
    assertThat(BlockHeader.readFrom(r)).isEqualTo(london());
    assertThat(BlockHeader.readFrom(r)).isEqualTo(prague());
    assertThat(r.isDone()).isTrue();
  }

  @Test
  void rejectsHeadersWithAFieldCountNoForkHas() {
    List<Bytes> cancun = items(cancun().encode());
    for (int n : new int[] {14, 18, 19}) {
      assertRejected(list(cancun.subList(0, n)), Reason.WRONG_FIELD_COUNT, "header");
    }
    List<Bytes> tooMany = new ArrayList<>(items(prague().encode()));
    tooMany.add(RlpWriter.encodeBytes(h(9).bytes()));
    assertRejected(list(tooMany), Reason.WRONG_FIELD_COUNT, "more than 21 fields");
  }

  @Test
  void rejectsFixedFieldsOfTheWrongSize() {
    assertRejected(replace(2, RlpWriter.encodeBytes(Bytes.wrap(new byte[19]))), Reason.WRONG_FIELD_SIZE,
        "header.coinbase");
    assertRejected(replace(0, RlpWriter.encodeBytes(Bytes.wrap(new byte[33]))), Reason.WRONG_FIELD_SIZE,
        "header.parent_hash");
    assertRejected(replace(6, RlpWriter.encodeBytes(Bytes.wrap(new byte[255]))), Reason.WRONG_FIELD_SIZE,
        "header.bloom");
    assertRejected(replace(14, RlpWriter.encodeBytes(Bytes.wrap(new byte[9]))), Reason.WRONG_FIELD_SIZE,
        "header.nonce");
  }

  @Test
  void rejectsNonCanonicalIntegers() {
    // number 1 written as 0x0001
    assertRejected(replace(8, Bytes.fromHex("0x820001")), Reason.LEADING_ZEROS, "header.number");
    // a 9-byte gas limit does not fit in 64 bits
    assertRejected(replace(9, RlpWriter.encodeBytes(Bytes.fromHex("0x010000000000000000"))), Reason.VALUE_TOO_LARGE,
        "header.gas_limit");
    // a 33-byte difficulty does not fit in 256 bits
    assertRejected(replace(7, RlpWriter.encodeBytes(Bytes.wrap(fill(33)))), Reason.VALUE_TOO_LARGE,
        "header.difficulty");
    assertRejected(replace(7, Bytes.fromHex("0xc0")), Reason.WRONG_FIELD_TYPE, "header.difficulty");
  }

  @Test
  void rejectsMalformedEnvelopes() {
    Bytes good = london().encode();
    assertRejected(Bytes.concat(good, Bytes.of((byte) 0x80)), Reason.TRAILING_BYTES, "header");
    assertRejected(RlpWriter.encodeBytes(good), Reason.WRONG_FIELD_TYPE, "header");
    assertRejected(Bytes.EMPTY, Reason.MALFORMED_RLP, "empty");
    assertRejected(good.slice(0, good.size() - 1), Reason.MALFORMED_RLP, "header");
    // a short list written with the long-form length prefix
    assertRejected(Bytes.fromHex("0xf80180"), Reason.MALFORMED_RLP, "header");
  }

  @Test
  void constructorEnforcesThatOptionalFieldsFormAPrefix() {
    assertThatThrownBy(() -> frontier().toBuilder().withdrawalsRoot(h(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseFeePerGas");
    assertThatThrownBy(() -> shanghai().toBuilder().blobGasUsed(0L).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
    assertThatThrownBy(() -> shanghai().toBuilder().requestsHash(h(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cancun");
    assertThatThrownBy(() -> london().toBuilder().nonce(Bytes.of((byte) 1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
  }

  @Test
  void prevRandaoIsTheMixHash() {
    assertThat(shanghai().prevRandao()).isEqualTo(h(5));
  }

  private static byte[] fill(int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) 0x11);
    return b;
  }

  /** The London header with field {@code index} replaced by an encoded item. */
  private static Bytes replace(int index, Bytes item) {
    List<Bytes> fields = new ArrayList<>(items(london().encode()));
    fields.set(index, item);
    return list(fields);
  }

  static List<Bytes> items(Bytes rlpList) {
    RlpReader r = RlpReader.of(rlpList).readList();
    List<Bytes> out = new ArrayList<>();
    while (!r.isDone()) {
      out.add(r.readRaw());
    }
    return out;
  }

  static Bytes list(List<Bytes> encodedItems) {
    RlpWriter w = new RlpWriter();
    w.startList();
    encodedItems.forEach(w::writeRaw);
    return w.endList().toBytes();
  }

  private static void assertRejected(Bytes rlp, Reason reason, String messagePart) {
    assertThatThrownBy(() -> BlockHeader.decode(rlp))
        .isInstanceOfSatisfying(InvalidBlockException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(messagePart);
  }
}
