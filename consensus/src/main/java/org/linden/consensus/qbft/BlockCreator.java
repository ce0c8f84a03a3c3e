package org.linden.consensus.qbft;

import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;

/**
 * Builds the block this validator proposes. The engine rewrites the header's extraData
 * (validators, round, no seals; vanity and vote are kept when the creator wrote QBFT
 * extraData), so the creator must not derive anything else from extraData.
 */
@FunctionalInterface
public interface BlockCreator {
  Block createBlock(BlockHeader parent, long height, int round);
}
