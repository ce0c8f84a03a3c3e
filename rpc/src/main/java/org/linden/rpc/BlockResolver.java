package org.linden.rpc;

import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.store.Blockchain;
import org.linden.evm.state.StateReader;

/**
 * Turns a block parameter into a header of the chain. With single-slot finality (QBFT,
 * dev mode) {@code safe} and {@code finalized} are the head; {@code pending} is the head
 * until a pending block is built.
 */
public final class BlockResolver {
  private final Blockchain chain;

  public BlockResolver(Blockchain chain) {
    this.chain = chain;
  }

  public Blockchain chain() {
    return chain;
  }

  /** The header, or empty if no such block exists (callers answer {@code null}). */
  public Optional<BlockHeader> header(BlockParameter p) {
    return switch (p) {
      case BlockParameter.Tag t -> switch (t) {
        case EARLIEST -> chain.store().canonicalHash(0).flatMap(h -> chain.store().header(h));
        case LATEST, PENDING, SAFE, FINALIZED -> Optional.of(chain.head());
      };
      case BlockParameter.Number n -> chain.store().canonicalHash(n.number()).flatMap(h -> chain.store().header(h));
      case BlockParameter.ByHash h -> {
        Optional<BlockHeader> header = chain.store().header(h.hash());
        if (header.isPresent() && h.requireCanonical()
            && !chain.store().canonicalHash(header.get().number()).map(h.hash()::equals).orElse(false)) {
          throw RpcException.server("block " + h.hash() + " is not canonical");
        }
        yield header;
      }
    };
  }

  /** The header, or a -32000 "header not found" error. */
  public BlockHeader requireHeader(BlockParameter p) {
    return header(p).orElseThrow(() -> RpcException.server("header not found"));
  }

  /**
   * The state after the block: the head's, or a recent block's through the stored reverse
   * diffs; an older block's state is not kept, as on a non-archive node.
   */
  public StateReader state(BlockParameter p) {
    if (p instanceof BlockParameter.Tag t && t != BlockParameter.Tag.EARLIEST) {
      // The head is canonical by definition; skip hashing its header (most calls ask for it).
      BlockHeader head = chain.head();
      return chain.stateAt(head.number()).orElseThrow(() -> RpcException.server("state of the head is not available"));
    }
    BlockHeader h = requireHeader(p);
    if (!chain.store().canonicalHash(h.number()).map(h.hash()::equals).orElse(false)) {
      throw RpcException.server("state of non-canonical block " + h.hash() + " is not available");
    }
    return chain.stateAt(h.number()).orElseThrow(() -> RpcException.server(
        "historical state for block " + h.number() + " is not available (only the last "
            + Blockchain.MAX_REORG_DEPTH + " blocks are kept)"));
  }
}
