package org.linden.chain.consensus;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.config.QbftSettings;
import org.linden.chain.execution.BlockValidationException;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * QBFT's header rules: difficulty 1, Besu's BFT mix hash, zero nonce, no ommers, no block
 * reward, extraData of any size (it holds validators and seals), at least the block period
 * after the parent, and, when a {@link SealVerifier} is given, a quorum of commit seals
 * from the validators of the parent.
 */
public final class QbftRules implements ConsensusRules {
  /** Checks a header's QBFT extraData and seals against the validator set its parent leaves. */
  @FunctionalInterface
  public interface SealVerifier {
    void verify(BlockHeader header, BlockHeader parent) throws BlockValidationException;
  }

  private final QbftSettings settings;
  private final SealVerifier seals;

  /** Structural rules only: used where a header has no seals yet (building) or seals are checked elsewhere. */
  public QbftRules(QbftSettings settings) {
    this(settings, null);
  }

  public QbftRules(QbftSettings settings, SealVerifier seals) {
    this.settings = settings;
    this.seals = seals;
  }

  public QbftSettings settings() {
    return settings;
  }

  /** These rules, checking seals with {@code verifier} as well. */
  public QbftRules withSeals(SealVerifier verifier) {
    return new QbftRules(settings, verifier);
  }

  @Override
  public void validateHeader(BlockHeader header, BlockHeader parent, Fork fork) throws BlockValidationException {
    if (!header.difficulty().equals(UInt256.ONE)) {
      throw new BlockValidationException("difficulty", "a QBFT block has difficulty 1, got " + header.difficulty());
    }
    if (!header.mixHash().equals(BlockHeader.BFT_MIX_HASH)) {
      throw new BlockValidationException("mix hash", "a QBFT block has the BFT mix hash, got " + header.mixHash());
    }
    if (!header.nonce().isZero()) {
      throw new BlockValidationException("nonce", "a QBFT block has a zero nonce");
    }
    if (!header.ommersHash().equals(BlockRoots.EMPTY_OMMERS_HASH)) {
      throw new BlockValidationException("ommers", "a QBFT block has no ommers");
    }
    // Unsigned: timestamps are 64-bit unsigned; a parent near the top cannot overflow into a pass.
    long earliest = parent.timestamp() + settings.blockPeriodSeconds();
    if (Long.compareUnsigned(earliest, parent.timestamp()) < 0
        || Long.compareUnsigned(header.timestamp(), earliest) < 0) {
      throw new BlockValidationException("timestamp", "timestamp " + Long.toUnsignedString(header.timestamp())
          + " is less than the block period of " + settings.blockPeriodSeconds() + "s after the parent's "
          + Long.toUnsignedString(parent.timestamp()));
    }
    if (seals != null) {
      seals.verify(header, parent);
    }
  }

  @Override
  public boolean paysBlockRewards() {
    return false;
  }

  @Override
  public boolean finalHead() {
    return true;
  }
}
