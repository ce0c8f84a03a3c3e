package org.linden.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.sync.serve.ChainView;
import org.linden.types.Hash;

/** A {@link ChainView} over blocks 0..n held in memory, plus any extra (non-canonical) blocks. */
public final class ListChain implements ChainView {
  private final List<Block> canonical;
  private final Map<Hash, Block> byHash = new HashMap<>();
  private final Map<Hash, List<Receipt>> receipts = new HashMap<>();

  /** {@code blocks.get(i)} must be block number i. */
  public ListChain(List<Block> blocks) {
    this.canonical = List.copyOf(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).number() != i) {
        throw new IllegalArgumentException("block at index " + i + " has number " + blocks.get(i).number());
      }
      byHash.put(blocks.get(i).hash(), blocks.get(i));
    }
  }

  public ListChain withSideBlock(Block block) {
    byHash.put(block.hash(), block);
    return this;
  }

  public ListChain withReceipts(Hash block, List<Receipt> list) {
    receipts.put(block, List.copyOf(list));
    return this;
  }

  public List<Block> blocks() {
    return canonical;
  }

  @Override
  public BlockHeader head() {
    return canonical.get(canonical.size() - 1).header();
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    return number >= 0 && number < canonical.size() ? Optional.of(canonical.get((int) number).hash()) : Optional.empty();
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return Optional.ofNullable(byHash.get(hash)).map(Block::header);
  }

  @Override
  public Optional<BlockBody> body(Hash hash) {
    return Optional.ofNullable(byHash.get(hash)).map(Block::body);
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash hash) {
    return Optional.ofNullable(receipts.get(hash));
  }
}
