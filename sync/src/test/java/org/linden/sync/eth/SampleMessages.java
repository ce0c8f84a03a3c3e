package org.linden.sync.eth;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ForkId;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionType;
import org.linden.evm.Log;
import org.linden.sync.Fixtures;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** One or more messages of every kind, built from go-ethereum's protocol-test chain. */
final class SampleMessages {
  private SampleMessages() {}

  record Sample(EthVersion version, EthMessage message) {}

  static List<Sample> all() {
    List<Block> chain = Fixtures.ethTestChain();
    List<Block> some = List.of(chain.get(0), chain.get(chain.size() / 3), chain.get(chain.size() / 2),
        chain.get(chain.size() - 1));
    List<Transaction> txs = chain.stream().flatMap(b -> b.transactions().stream()).toList();
    List<Transaction> pushable = txs.stream().filter(t -> t.type() != TransactionType.BLOB).limit(40).toList();
    List<Bytes> pooled = new ArrayList<>(pushable.stream().limit(10).map(Transaction::encoded).toList());
    txs.stream().filter(t -> t instanceof BlobTransaction).findFirst().ifPresent(t -> pooled.add(
        new BlobTransactionWithBlobs((BlobTransaction) t, 1, List.of(), List.of(), List.of()).encode()));
    List<Hash> hashes = some.stream().map(Block::hash).toList();
    List<List<Receipt>> receipts = some.stream().map(SampleMessages::receiptsFor).toList();
    ForkId forkId = new ForkId(0x12345678, 120);
    Block last = chain.get(chain.size() - 1);

    List<Sample> out = new ArrayList<>();
    for (EthVersion v : EthVersion.values()) {
      out.add(new Sample(v, new NewBlockHashes(some.stream()
          .map(b -> new NewBlockHashes.Announcement(b.hash(), b.number())).toList())));
      out.add(new Sample(v, new Transactions(pushable)));
      out.add(new Sample(v, GetBlockHeaders.byNumber(7, 100, 192, 0, false)));
      out.add(new Sample(v, GetBlockHeaders.byHash(-1L, last.hash(), 1024, 3, true)));
      out.add(new Sample(v, new BlockHeaders(42, some.stream().map(Block::header).toList())));
      out.add(new Sample(v, new GetBlockBodies(1, hashes)));
      out.add(new Sample(v, new BlockBodies(1, some.stream().map(Block::body).toList())));
      out.add(new Sample(v, new NewBlock(last, UInt256.valueOf(131_072))));
      out.add(new Sample(v, new NewPooledTransactionHashes(
          Bytes.wrap(pushable.stream().limit(3).map(t -> (byte) t.type().code()).collect(
              java.io.ByteArrayOutputStream::new, java.io.ByteArrayOutputStream::write, (a, b) -> {}).toByteArray()),
          pushable.stream().limit(3).map(t -> (long) t.encoded().size()).toList(),
          pushable.stream().limit(3).map(t -> org.linden.crypto.Keccak.hash256(t.encoded())).toList())));
      out.add(new Sample(v, new GetPooledTransactions(9, hashes)));
      out.add(new Sample(v, new PooledTransactions(9, pooled)));
      out.add(new Sample(v, new GetReceipts(3, hashes)));
      out.add(new Sample(v, new Receipts(v, 3, receipts)));
    }
    out.add(new Sample(EthVersion.ETH68, new Status.Eth68(68, 3503995874084926L, UInt256.valueOf(131_072),
        last.hash(), chain.get(0).header().parentHash(), forkId)));
    out.add(new Sample(EthVersion.ETH69, new Status.Eth69(69, 3503995874084926L, chain.get(0).header().parentHash(),
        forkId, 0, last.number(), last.hash())));
    out.add(new Sample(EthVersion.ETH69, new BlockRangeUpdate(0, last.number(), last.hash())));
    return out;
  }

  /** Receipts shaped like a block's: one per transaction, with its type, some logs, pre- and post-Byzantium forms. */
  static List<Receipt> receiptsFor(Block block) {
    List<Receipt> out = new ArrayList<>();
    long gas = 0;
    int i = 0;
    for (Transaction tx : block.transactions()) {
      gas += 21_000 + i;
      List<Log> logs = i % 2 == 0 ? List.of() : List.of(new Log(Address.fromNumber(0x1000 + i),
          List.of(Hash.fromHex("0x" + "ab".repeat(32))), Bytes.of((byte) i)));
      out.add(i % 5 == 4
          ? Receipt.withPostState(tx.type(), Hash.fromHex("0x" + "cd".repeat(32)), gas, logs)
          : Receipt.of(tx.type(), i % 3 != 0, gas, logs));
      i++;
    }
    return out;
  }

  static BlockHeader header(int index) {
    return Fixtures.ethTestChain().get(index).header();
  }

  static BlockBody body(int index) {
    return Fixtures.ethTestChain().get(index).body();
  }
}
