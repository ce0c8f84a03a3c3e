package org.linden.rpc.debug;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Hash;

/**
 * The raw getters of execution-apis' {@code debug} namespace: a header or block as RLP, a
 * transaction in its canonical (EIP-2718) encoding, a block's receipts each as the value
 * the receipts trie holds. A block is named by number, tag or hash (EIP-1898), as geth
 * accepts.
 */
final class RawMethods {
  private final Blockchain chain;
  private final BlockResolver blocks;
  private final Function<Hash, Optional<Transaction>> pendingLookup;

  RawMethods(BlockResolver blocks, Function<Hash, Optional<Transaction>> pendingLookup) {
    this.chain = blocks.chain();
    this.blocks = blocks;
    this.pendingLookup = pendingLookup;
  }

  void register(RpcDispatcher d) {
    d.register("debug_getRawHeader", (p, s) -> Quantity.data(header(p).encode()));
    d.register("debug_getRawBlock", (p, s) -> Quantity.data(block(header(p)).encode()));
    d.register("debug_getRawReceipts", (p, s) -> rawReceipts(p));
    d.register("debug_getRawTransaction", (p, s) -> rawTransaction(p));
  }

  private BlockHeader header(Params p) {
    p.atMost(1);
    p.required(0, "block");
    BlockParameter param = p.block(0, "block");
    return blocks.requireHeader(param);
  }

  private Block block(BlockHeader h) {
    return chain.block(h.hash()).orElseThrow(() -> RpcException.server("block " + h.number() + " not found"));
  }

  private List<String> rawReceipts(Params p) {
    Block block = block(header(p));
    Optional<List<Receipt>> receipts = chain.store().receipts(block.hash());
    if (receipts.isEmpty() && block.transactions().isEmpty()) {
      // The genesis block and unexecuted side blocks store none; without transactions there are none.
      return List.of();
    }
    return receipts.orElseThrow(() -> RpcException.server("receipts of block " + block.number() + " "
        + block.hash() + " are not available"))
        .stream().map(r -> Quantity.data(r.encode())).toList();
  }

  /** The transaction's bytes, from the chain or else the pool; null when neither has it, as geth answers. */
  private String rawTransaction(Params p) {
    p.atMost(1);
    Hash hash = p.hash(0, "transaction hash");
    Optional<Transaction> tx = chain.store().transaction(hash)
        .flatMap(at -> chain.store().body(at.blockHash()).map(b -> b.transactions().get(at.index())));
    return tx.or(() -> pendingLookup.apply(hash)).map(t -> Quantity.data(t.encoded())).orElse(null);
  }
}
