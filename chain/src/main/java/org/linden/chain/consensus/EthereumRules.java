package org.linden.chain.consensus;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.execution.BlockValidationException;
import org.linden.types.Fork;

/**
 * Mainnet's rules: at most 32 bytes of extraData, proof-of-work rewards before the merge
 * (the seals themselves are not checked), and the merge's fixed fields after it.
 */
public final class EthereumRules implements ConsensusRules {
  public static final EthereumRules INSTANCE = new EthereumRules();
  public static final int MAX_EXTRA_DATA = 32;

  private EthereumRules() {}

  @Override
  public void validateHeader(BlockHeader header, BlockHeader parent, Fork fork) throws BlockValidationException {
    if (header.extraData().size() > MAX_EXTRA_DATA) {
      throw new BlockValidationException("extra data", header.extraData().size() + " bytes, at most 32 allowed");
    }
    if (fork.isAtLeast(Fork.PARIS)) {
      if (!header.difficulty().isZero()) {
        throw new BlockValidationException("difficulty", "must be 0 after the merge, got " + header.difficulty());
      }
      if (!header.nonce().isZero()) {
        throw new BlockValidationException("nonce", "must be zero after the merge");
      }
      if (!header.ommersHash().equals(BlockRoots.EMPTY_OMMERS_HASH)) {
        throw new BlockValidationException("ommers", "no ommers after the merge");
      }
    }
  }

  @Override
  public boolean paysBlockRewards() {
    return true;
  }

  @Override
  public boolean finalHead() {
    return false;
  }
}
