package org.linden.chain.store;

import org.linden.chain.block.BlockHeader;
import org.linden.types.UInt256;

/**
 * Decides whether a newly imported block's branch becomes the canonical chain. Before the
 * merge the heaviest chain (highest total difficulty) wins; after it, the consensus
 * engine decides — QBFT and dev mode commit each block they import, so the last valid
 * block wins.
 */
@FunctionalInterface
public interface ForkChoice {
  /** True if the branch ending in {@code candidate} should replace the one ending in {@code head}. */
  boolean prefer(BlockHeader candidate, UInt256 candidateTotalDifficulty, BlockHeader head,
      UInt256 headTotalDifficulty, boolean candidatePostMerge);

  /** Heaviest chain before the merge; the latest valid block after it. */
  ForkChoice DEFAULT = (candidate, candidateTd, head, headTd, postMerge) ->
      postMerge || candidateTd.gt(headTd);

  /** Byzantine fault tolerant finality: the head is final, so no other branch ever replaces it. */
  ForkChoice FINAL = (candidate, candidateTd, head, headTd, postMerge) -> false;
}
