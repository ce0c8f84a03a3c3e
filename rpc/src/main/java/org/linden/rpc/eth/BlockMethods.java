package org.linden.rpc.eth;

import java.util.List;
import java.util.Optional;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.rpc.BlockParameter;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Quantity;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Hash;

/**
 * Block methods: {@code eth_blockNumber}, blocks by hash and number, their transaction
 * and uncle counts, uncles, and all receipts of a block. An unknown block is a
 * {@code null} result, not an error.
 */
final class BlockMethods {
  private final Blockchain chain;
  private final BlockResolver resolver;
  private final RpcJson json;

  BlockMethods(Blockchain chain, BlockResolver resolver, RpcJson json) {
    this.chain = chain;
    this.resolver = resolver;
    this.json = json;
  }

  void register(RpcDispatcher d) {
    d.register("eth_blockNumber", (p, s) -> {
      p.atMost(0);
      return Quantity.of(chain.head().number());
    });
    d.register("eth_getBlockByHash", (p, s) -> {
      p.atMost(2);
      Hash hash = p.hash(0, "block hash");
      boolean full = EthParams.requiredBool(p, 1, "hydrated");
      return chain.block(hash).map(b -> json.block(b, full)).orElse(null);
    });
    d.register("eth_getBlockByNumber", (p, s) -> {
      p.atMost(2);
      BlockParameter at = EthParams.requiredBlock(p, 0, "block");
      boolean full = EthParams.requiredBool(p, 1, "hydrated");
      return block(at).map(b -> json.block(b, full)).orElse(null);
    });
    d.register("eth_getBlockTransactionCountByHash", (p, s) -> {
      p.atMost(1);
      return chain.block(p.hash(0, "block hash")).map(b -> Quantity.of(b.transactions().size())).orElse(null);
    });
    d.register("eth_getBlockTransactionCountByNumber", (p, s) -> {
      p.atMost(1);
      return block(EthParams.requiredBlock(p, 0, "block")).map(b -> Quantity.of(b.transactions().size()))
          .orElse(null);
    });
    d.register("eth_getUncleCountByBlockHash", (p, s) -> {
      p.atMost(1);
      return chain.block(p.hash(0, "block hash")).map(b -> Quantity.of(b.body().ommers().size())).orElse(null);
    });
    d.register("eth_getUncleCountByBlockNumber", (p, s) -> {
      p.atMost(1);
      return block(EthParams.requiredBlock(p, 0, "block")).map(b -> Quantity.of(b.body().ommers().size()))
          .orElse(null);
    });
    d.register("eth_getUncleByBlockHashAndIndex", (p, s) -> {
      p.atMost(2);
      Hash hash = p.hash(0, "block hash");
      int index = EthParams.index(p, 1, "uncle index");
      return chain.block(hash).map(b -> uncle(b, index)).orElse(null);
    });
    d.register("eth_getUncleByBlockNumberAndIndex", (p, s) -> {
      p.atMost(2);
      BlockParameter at = EthParams.requiredBlock(p, 0, "block");
      int index = EthParams.index(p, 1, "uncle index");
      return block(at).map(b -> uncle(b, index)).orElse(null);
    });
    d.register("eth_getBlockReceipts", (p, s) -> {
      p.atMost(1);
      Optional<Block> block = block(EthParams.requiredBlock(p, 0, "block"));
      if (block.isEmpty()) {
        return null;
      }
      Hash hash = block.get().hash();
      Optional<List<Receipt>> receipts = chain.store().receipts(hash);
      return receipts.map(r -> json.receipts(block.get(), r)).orElse(null);
    });
  }

  /** The block a parameter names, if the node has it. */
  Optional<Block> block(BlockParameter at) {
    Optional<BlockHeader> header = resolver.header(at);
    return header.flatMap(h -> chain.store().body(h.hash()).map(body -> new Block(h, body)));
  }

  private Object uncle(Block block, int index) {
    List<BlockHeader> ommers = block.body().ommers();
    return index >= 0 && index < ommers.size() ? json.uncle(ommers.get(index)) : null;
  }
}
