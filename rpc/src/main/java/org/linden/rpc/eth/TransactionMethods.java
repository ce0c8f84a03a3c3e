package org.linden.rpc.eth;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.chain.store.ChainStore;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Hash;

/**
 * Transaction methods: by hash (mined, else pending in the pool), by block and index,
 * their raw encodings (geth's {@code eth_getRawTransactionBy*}, so a client can check a
 * transaction against its block's transactions root), and receipts. Unknown transactions
 * are a {@code null} result.
 */
final class TransactionMethods {
  private final Blockchain chain;
  private final BlockMethods blocks;
  private final RpcJson json;
  private final Function<Hash, Optional<Transaction>> pendingLookup;

  TransactionMethods(Blockchain chain, BlockMethods blocks, RpcJson json,
      Function<Hash, Optional<Transaction>> pendingLookup) {
    this.chain = chain;
    this.blocks = blocks;
    this.json = json;
    this.pendingLookup = pendingLookup;
  }

  void register(RpcDispatcher d) {
    d.register("eth_getTransactionByHash", (p, s) -> {
      p.atMost(1);
      Hash hash = p.hash(0, "transaction hash");
      Object mined = mined(hash);
      if (mined != null) {
        return mined;
      }
      return pendingLookup.apply(hash).map(tx -> json.pendingTransaction(tx, chain.head())).orElse(null);
    });
    d.register("eth_getTransactionByBlockHashAndIndex", (p, s) -> {
      p.atMost(2);
      Hash hash = p.hash(0, "block hash");
      int index = EthParams.index(p, 1, "transaction index");
      return chain.block(hash).map(b -> byIndex(b, hash, index)).orElse(null);
    });
    d.register("eth_getTransactionByBlockNumberAndIndex", (p, s) -> {
      p.atMost(2);
      var at = EthParams.requiredBlock(p, 0, "block");
      int index = EthParams.index(p, 1, "transaction index");
      return blocks.block(at).map(b -> byIndex(b, b.hash(), index)).orElse(null);
    });
    d.register("eth_getRawTransactionByHash", (p, s) -> {
      p.atMost(1);
      Hash hash = p.hash(0, "transaction hash");
      Optional<Transaction> tx = chain.store().transaction(hash)
          .flatMap(at -> chain.block(at.blockHash()).map(b -> b.transactions().get(at.index())))
          .or(() -> pendingLookup.apply(hash));
      return tx.map(t -> Quantity.data(TransactionCodec.encode(t))).orElse(null);
    });
    d.register("eth_getRawTransactionByBlockHashAndIndex", (p, s) -> {
      p.atMost(2);
      Hash hash = p.hash(0, "block hash");
      int index = EthParams.index(p, 1, "transaction index");
      return chain.block(hash).map(b -> raw(b, index)).orElse(null);
    });
    d.register("eth_getRawTransactionByBlockNumberAndIndex", (p, s) -> {
      p.atMost(2);
      var at = EthParams.requiredBlock(p, 0, "block");
      int index = EthParams.index(p, 1, "transaction index");
      return blocks.block(at).map(b -> raw(b, index)).orElse(null);
    });
    d.register("eth_getTransactionReceipt", (p, s) -> {
      p.atMost(1);
      return receipt(p.hash(0, "transaction hash"));
    });
  }

  private Object mined(Hash txHash) {
    Optional<ChainStore.TxLocation> at = chain.store().transaction(txHash);
    if (at.isEmpty()) {
      return null;
    }
    Hash blockHash = at.get().blockHash();
    return chain.block(blockHash).map(b -> byIndex(b, blockHash, at.get().index())).orElse(null);
  }

  private static Object raw(Block block, int index) {
    if (index < 0 || index >= block.transactions().size()) {
      return null;
    }
    return Quantity.data(TransactionCodec.encode(block.transactions().get(index)));
  }

  private Object byIndex(Block block, Hash blockHash, int index) {
    if (index < 0 || index >= block.transactions().size()) {
      return null;
    }
    Transaction tx = block.transactions().get(index);
    return json.transaction(tx, tx.hash(), RpcJson.Inclusion.of(block.header(), blockHash, index));
  }

  private Object receipt(Hash txHash) {
    Optional<ChainStore.TxLocation> at = chain.store().transaction(txHash);
    if (at.isEmpty()) {
      return null;
    }
    Hash blockHash = at.get().blockHash();
    int index = at.get().index();
    Optional<Block> block = chain.block(blockHash);
    Optional<List<Receipt>> receipts = chain.store().receipts(blockHash);
    if (block.isEmpty() || receipts.isEmpty() || index >= receipts.get().size()
        || index >= block.get().transactions().size()) {
      return null;
    }
    return json.receipt(block.get(), blockHash, receipts.get(), index);
  }
}
