package org.linden.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.chain.tx.LegacyTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

class BlockTest {
  static final Address TO = Address.fromHex("0x3535353535353535353535353535353535353535");

  static LegacyTransaction legacy() {
    return new LegacyTransaction(9, UInt256.valueOf(20_000_000_000L), 21_000, TO, UInt256.valueOf(1_000),
        Bytes.EMPTY, UInt256.valueOf(37), UInt256.valueOf(11), UInt256.valueOf(12));
  }

  static FeeMarketTransaction feeMarket() {
    return new FeeMarketTransaction(1, 2, UInt256.valueOf(1), UInt256.valueOf(30), 100_000, TO, UInt256.ZERO,
        Bytes.fromHex("0xdeadbeef"), List.of(), 1, UInt256.valueOf(13), UInt256.valueOf(14));
  }

  static List<Withdrawal> withdrawals() {
    return List.of(new Withdrawal(0, 7, TO, 32_000_000_000L),
        new Withdrawal(-1L, -1L, Address.fromHex("0x00000000000000000000000000000000000000ff"), -1L));
  }

  @Test
  void preShanghaiBlockRoundTripsWithOmmers() throws Exception {
    List<Transaction> txs = List.of(legacy(), feeMarket());
    BlockBody body = new BlockBody(txs, List.of(BlockHeaderTest.frontier()), null);
    Block block = new Block(BlockHeaderTest.london(), body);
    Bytes rlp = block.encode();
    Block decoded = Block.decode(rlp);
    assertThat(decoded).isEqualTo(block);
    assertThat(decoded.encode()).isEqualTo(rlp);
    assertThat(BlockHeaderTest.items(rlp)).hasSize(3);
    assertThat(decoded.hash()).isEqualTo(BlockHeaderTest.london().hash());
    assertThat(decoded.body().hasWithdrawals()).isFalse();
  }

  @Test
  void shanghaiBlockCarriesAFourthList() throws Exception {
    Block empty = new Block(BlockHeaderTest.shanghai(), new BlockBody(List.of(), List.of(), List.of()));
    Block full = new Block(BlockHeaderTest.prague(), new BlockBody(List.of(feeMarket()), List.of(), withdrawals()));
    for (Block b : List.of(empty, full)) {
      Bytes rlp = b.encode();
      assertThat(BlockHeaderTest.items(rlp)).hasSize(4);
      assertThat(Block.decode(rlp)).isEqualTo(b);
      assertThat(Block.decode(rlp).encode()).isEqualTo(rlp);
    }
  }

  @Test
  void withdrawalsListExistsExactlyWhenTheHeaderHasAWithdrawalsRoot() {
    assertThatThrownBy(() -> new Block(BlockHeaderTest.shanghai(), new BlockBody(List.of(), List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no withdrawals list");
    assertThatThrownBy(() -> new Block(BlockHeaderTest.london(), new BlockBody(List.of(), List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no withdrawals_root");
    List<Bytes> shanghai = BlockHeaderTest.items(
        new Block(BlockHeaderTest.shanghai(), new BlockBody(List.of(), List.of(), List.of())).encode());
    assertRejected(BlockHeaderTest.list(shanghai.subList(0, 3)), Reason.WRONG_FIELD_COUNT, "no withdrawals list");
    List<Bytes> london = new ArrayList<>(BlockHeaderTest.items(
        new Block(BlockHeaderTest.london(), BlockBody.EMPTY).encode()));
    london.add(Bytes.fromHex("0xc0"));
    assertRejected(BlockHeaderTest.list(london), Reason.WRONG_FIELD_COUNT, "no withdrawals_root");
  }

  @Test
  void bodyRoundTripsOnItsOwn() throws Exception {
    BlockBody body = new BlockBody(List.of(legacy(), feeMarket()), List.of(), withdrawals());
    assertThat(BlockBody.decode(body.encode())).isEqualTo(body);
    assertThat(BlockBody.decode(BlockBody.EMPTY.encode())).isEqualTo(BlockBody.EMPTY);
    assertThat(BlockBody.EMPTY.encode()).isEqualTo(Bytes.fromHex("0xc2c0c0"));
  }

  @Test
  void withdrawalRoundTripsAndConvertsToWei() throws Exception {
    for (Withdrawal w : withdrawals()) {
      assertThat(Withdrawal.decode(w.encode())).isEqualTo(w);
    }
    assertThat(withdrawals().get(0).amountWei()).isEqualTo(UInt256.fromBigInteger(
        java.math.BigInteger.valueOf(32_000_000_000L).multiply(java.math.BigInteger.TEN.pow(9))));
    assertThat(withdrawals().get(1).amountWei().toBigInteger()).isEqualTo(
        new java.math.BigInteger("18446744073709551615").multiply(java.math.BigInteger.TEN.pow(9)));
  }

  @Test
  void rejectsWithdrawalsWithBadFields() {
    Bytes shortAddress = BlockHeaderTest.list(List.of(rlpLong(1), rlpLong(2),
        RlpWriter.encodeBytes(Bytes.wrap(new byte[19])), rlpLong(3)));
    assertThatThrownBy(() -> Withdrawal.decode(shortAddress)).isInstanceOfSatisfying(InvalidBlockException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_FIELD_SIZE)).hasMessageContaining("withdrawal.address");
    Bytes fiveFields = BlockHeaderTest.list(List.of(rlpLong(1), rlpLong(2), RlpWriter.encodeBytes(TO.bytes()),
        rlpLong(3), rlpLong(4)));
    assertThatThrownBy(() -> Withdrawal.decode(fiveFields)).isInstanceOfSatisfying(InvalidBlockException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_FIELD_COUNT));
    Block block = new Block(BlockHeaderTest.shanghai(), new BlockBody(List.of(), List.of(), List.of()));
    List<Bytes> items = new ArrayList<>(BlockHeaderTest.items(block.encode()));
    items.set(3, BlockHeaderTest.list(List.of(shortAddress)));
    assertRejected(BlockHeaderTest.list(items), Reason.WRONG_FIELD_SIZE, "withdrawals[0].address");
  }

  @Test
  void rejectsBlocksOfTheWrongShape() {
    Block block = new Block(BlockHeaderTest.shanghai(), new BlockBody(List.of(), List.of(), List.of()));
    List<Bytes> items = BlockHeaderTest.items(block.encode());
    List<Bytes> five = new ArrayList<>(items);
    five.add(Bytes.fromHex("0xc0"));
    assertRejected(BlockHeaderTest.list(five), Reason.WRONG_FIELD_COUNT, "block");
    assertRejected(BlockHeaderTest.list(items.subList(0, 2)), Reason.WRONG_FIELD_COUNT, "block.ommers");
    assertRejected(Bytes.fromHex("0xc0"), Reason.WRONG_FIELD_COUNT, "block");
    assertRejected(Bytes.concat(block.encode(), Bytes.of((byte) 1)), Reason.TRAILING_BYTES, "block");
    List<Bytes> stringOmmer = new ArrayList<>(items);
    stringOmmer.set(2, BlockHeaderTest.list(List.of(Bytes.fromHex("0x80"))));
    assertRejected(BlockHeaderTest.list(stringOmmer), Reason.WRONG_FIELD_TYPE, "ommers[0]");
    List<Bytes> txsNotAList = new ArrayList<>(items);
    txsNotAList.set(1, Bytes.fromHex("0x80"));
    assertRejected(BlockHeaderTest.list(txsNotAList), Reason.WRONG_FIELD_TYPE, "block.transactions");
  }

  @Test
  void rejectsUndecodableTransactions() {
    Block block = new Block(BlockHeaderTest.shanghai(), new BlockBody(List.of(), List.of(), List.of()));
    List<Bytes> items = new ArrayList<>(BlockHeaderTest.items(block.encode()));
    // A byte string in the transaction list must hold a typed transaction; 0x7f is no known type.
    items.set(1, BlockHeaderTest.list(List.of(RlpWriter.encodeBytes(Bytes.fromHex("0x7fc0")))));
    assertRejected(BlockHeaderTest.list(items), Reason.INVALID_TRANSACTION, "block.transactions[0]");
  }

  @Test
  void decodesConcatenatedBlocks() throws Exception {
    Block a = new Block(BlockHeaderTest.london(), new BlockBody(List.of(legacy()), List.of(), null));
    Block b = new Block(BlockHeaderTest.cancun(), new BlockBody(List.of(), List.of(), withdrawals()));
    assertThat(Block.decodeAll(Bytes.concat(a.encode(), b.encode()))).containsExactly(a, b);
    assertThat(Block.decodeAll(Bytes.EMPTY)).isEmpty();
    assertThatThrownBy(() -> Block.decodeAll(Bytes.concat(a.encode(), b.encode(), Bytes.fromHex("0xc3c0c0"))))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining("block 2 of the stream");
  }

  private static Bytes rlpLong(long v) {
    return new RlpWriter().writeLong(v).toBytes();
  }

  private static void assertRejected(Bytes rlp, Reason reason, String messagePart) {
    assertThatThrownBy(() -> Block.decode(rlp))
        .isInstanceOfSatisfying(InvalidBlockException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(messagePart);
  }
}
