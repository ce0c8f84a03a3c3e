package org.linden.sync.net;

import java.util.Optional;
import java.util.function.Consumer;
import org.linden.chain.block.Block;
import org.linden.chain.config.ForkIdSchedule;
import org.linden.sync.serve.ChainView;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * What the {@code eth} protocol reads from the local chain beyond serving: the identity
 * checked in Status and the heads to announce. {@link BlockchainView} implements it over
 * {@code chain.store.Blockchain}. Safe to call from any thread.
 */
public interface LocalChain extends ChainView {
  /** The hash of block 0. */
  Hash genesisHash();

  /** The EIP-2124 forks of this chain. */
  ForkIdSchedule forkIds();

  /** The total difficulty of the chain ending at a stored block. */
  Optional<UInt256> totalDifficulty(Hash blockHash);

  /** Whether the block is stored, canonical or not. */
  default boolean contains(Hash blockHash) {
    return header(blockHash).isPresent();
  }

  /**
   * Calls {@code listener} with each block that becomes the head, after it is committed, on the
   * thread that committed it.
   *
   * @return closing it stops the calls
   */
  AutoCloseable onNewHead(Consumer<Block> listener);
}
