package org.linden.sync.net;

import org.linden.chain.block.Block;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.store.Blockchain;

/**
 * Where downloaded and announced blocks go: validated, executed and stored one at a time, in
 * the order given. Called from one import thread only.
 */
@FunctionalInterface
public interface BlockImporter {
  /**
   * Imports {@code block}, whose parent is stored. A block already stored is not an error.
   *
   * @throws BlockValidationException if the block is invalid; nothing was stored
   */
  void importBlock(Block block) throws BlockValidationException;

  /** Imports into {@code chain}. */
  static BlockImporter of(Blockchain chain) {
    return chain::importBlock;
  }
}
