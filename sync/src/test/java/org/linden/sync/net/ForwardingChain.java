package org.linden.sync.net;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.ForkIdSchedule;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** A chain that answers everything from another; subclasses change what a lying peer would. */
abstract class ForwardingChain implements LocalChain {
  protected final LocalChain honest;

  ForwardingChain(LocalChain honest) {
    this.honest = honest;
  }

  @Override
  public Optional<BlockBody> body(Hash hash) {
    return honest.body(hash);
  }

  @Override
  public BlockHeader head() {
    return honest.head();
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    return honest.canonicalHash(number);
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return honest.header(hash);
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash hash) {
    return honest.receipts(hash);
  }

  @Override
  public Hash genesisHash() {
    return honest.genesisHash();
  }

  @Override
  public ForkIdSchedule forkIds() {
    return honest.forkIds();
  }

  @Override
  public Optional<UInt256> totalDifficulty(Hash blockHash) {
    return honest.totalDifficulty(blockHash);
  }

  @Override
  public AutoCloseable onNewHead(Consumer<Block> listener) {
    return honest.onNewHead(listener);
  }
}
