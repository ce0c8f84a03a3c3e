package org.linden.chain.execution;

import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * Checks of a block against its own header: the body's commitments before execution,
 * and the execution's results (gas, receipts, bloom, requests, state root) after it.
 */
public final class BlockValidator {
  /** EIP-7934: the largest RLP-encoded block accepted from Osaka on (10 MiB less a 2 MiB margin). */
  public static final int MAX_RLP_BLOCK_SIZE = 10 * 1024 * 1024 - 2 * 1024 * 1024;

  private BlockValidator() {}

  public static void validateBody(Block block, Fork fork) throws BlockValidationException {
    BlockHeader h = block.header();
    Hash txRoot = BlockRoots.transactionsRoot(block.transactions());
    if (!txRoot.equals(h.transactionsRoot())) {
      throw new BlockValidationException("transactions root", txRoot + ", header says " + h.transactionsRoot());
    }
    Hash ommers = BlockRoots.ommersHash(block.body().ommers());
    if (!ommers.equals(h.ommersHash())) {
      throw new BlockValidationException("ommers hash", ommers + ", header says " + h.ommersHash());
    }
    if (fork.isAtLeast(Fork.SHANGHAI) != block.body().hasWithdrawals()) {
      throw new BlockValidationException("withdrawals", fork.isAtLeast(Fork.SHANGHAI) ? "missing" : "not allowed");
    }
    if (block.body().hasWithdrawals()) {
      Hash root = BlockRoots.withdrawalsRoot(block.body().withdrawals());
      if (!root.equals(h.withdrawalsRoot())) {
        throw new BlockValidationException("withdrawals root", root + ", header says " + h.withdrawalsRoot());
      }
    }
    if (fork.isAtLeast(Fork.OSAKA) && block.encode().size() > MAX_RLP_BLOCK_SIZE) {
      throw new BlockValidationException("block size", block.encode().size() + " bytes exceed "
          + MAX_RLP_BLOCK_SIZE + " (EIP-7934)");
    }
  }

  public static void validateResult(BlockHeader h, BlockResult r, Fork fork, Hash stateRoot)
      throws BlockValidationException {
    if (r.gasUsed() != h.gasUsed()) {
      throw new BlockValidationException("gas used", r.gasUsed() + ", header says " + h.gasUsed());
    }
    if (fork.isAtLeast(Fork.CANCUN) && r.blobGasUsed() != h.blobGasUsed()) {
      throw new BlockValidationException("blob gas used", r.blobGasUsed() + ", header says " + h.blobGasUsed());
    }
    Hash receiptsRoot = BlockRoots.receiptsRoot(r.receipts());
    if (!receiptsRoot.equals(h.receiptsRoot())) {
      throw new BlockValidationException("receipts root", receiptsRoot + ", header says " + h.receiptsRoot());
    }
    if (!r.logsBloom().equals(h.logsBloom())) {
      throw new BlockValidationException("logs bloom", "does not match the header");
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      Hash requests = BlockRoots.requestsHash(r.requests());
      if (!requests.equals(h.requestsHash())) {
        throw new BlockValidationException("requests hash", requests + ", header says " + h.requestsHash());
      }
    }
    validateStateRoot(h, stateRoot);
  }

  /** The state root after the block's changes must be the one its header commits to. */
  public static void validateStateRoot(BlockHeader h, Hash stateRoot) throws BlockValidationException {
    if (!stateRoot.equals(h.stateRoot())) {
      throw new BlockValidationException("state root", stateRoot + ", header says " + h.stateRoot());
    }
  }

}
