package org.linden.sync.net;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ForkIdSchedule;
import org.linden.chain.store.Blockchain;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** {@link LocalChain} over the node's {@link Blockchain}. */
public final class BlockchainView implements LocalChain {
  private final Blockchain chain;
  private final Hash genesisHash;
  private final ForkIdSchedule forkIds;

  public BlockchainView(Blockchain chain) {
    this.chain = chain;
    BlockHeader genesis = chain.store().canonicalHash(0).flatMap(chain.store()::header)
        .orElseThrow(() -> new IllegalStateException("the chain has no genesis block"));
    this.genesisHash = genesis.hash();
    this.forkIds = ForkIdSchedule.of(chain.config(), genesis);
  }

  @Override
  public BlockHeader head() {
    return chain.head();
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    return chain.store().canonicalHash(number);
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return chain.store().header(hash);
  }

  @Override
  public Optional<BlockBody> body(Hash hash) {
    return chain.store().body(hash);
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash hash) {
    return chain.store().receipts(hash);
  }

  @Override
  public Hash genesisHash() {
    return genesisHash;
  }

  @Override
  public ForkIdSchedule forkIds() {
    return forkIds;
  }

  @Override
  public Optional<UInt256> totalDifficulty(Hash blockHash) {
    return chain.store().totalDifficulty(blockHash);
  }

  @Override
  public AutoCloseable onNewHead(Consumer<Block> listener) {
    Blockchain.ChainListener l = new Blockchain.ChainListener() {
      @Override
      public void blockAdded(Block block, List<Receipt> receipts) {
        listener.accept(block);
      }
    };
    chain.addListener(l);
    return () -> chain.removeListener(l);
  }
}
