package org.linden.consensus.qbft;

import org.linden.chain.block.BlockHeader;
import org.linden.crypto.Keccak;
import org.linden.types.Hash;

/**
 * The two header hashes of QBFT, defined as Besu defines them.
 *
 * <ul>
 *   <li>{@link #blockHash}: keccak of the header whose extraData has round 0 and no
 *       commit seals. This is the block's identity on chain and the digest that PREPARE
 *       and COMMIT messages name. Leaving the round out lets a block prepared in one round
 *       be re-proposed in a later round under the same digest; leaving the seals out
 *       makes the hash independent of which quorum of seals was collected.
 *   <li>{@link #commitSealHash}: keccak of the header whose extraData keeps the round but
 *       has no commit seals. Each commit seal signs this, so a seal also attests the round
 *       in which the block was committed.
 * </ul>
 * QBFT has no proposer seal: the proposer is authenticated by its signed PROPOSAL message.
 */
public final class QbftHashing {
  private QbftHashing() {}

  /** The on-chain hash of a QBFT block (no round, no seals). */
  public static Hash blockHash(BlockHeader header) {
    return hashWithExtra(header, QbftExtraData.of(header), false);
  }

  /** The hash each commit seal signs (round kept, no seals). */
  public static Hash commitSealHash(BlockHeader header) {
    return hashWithExtra(header, QbftExtraData.of(header), true);
  }

  private static Hash hashWithExtra(BlockHeader header, QbftExtraData extra, boolean withRound) {
    BlockHeader stripped = header.toBuilder().extraData(extra.encode(withRound, false)).build();
    return Keccak.hash256(stripped.encode());
  }
}
