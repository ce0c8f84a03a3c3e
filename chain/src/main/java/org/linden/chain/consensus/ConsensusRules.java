package org.linden.chain.consensus;

import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.config.QbftSettings;
import org.linden.chain.execution.BlockValidationException;
import org.linden.types.Fork;

/**
 * What the consensus engine decides about a header, as opposed to the execution layer's
 * rules (gas, base fee, blob gas) that every Ethereum chain shares: its seal fields,
 * extraData, and whether the block pays a reward. Chosen by the genesis config.
 */
public interface ConsensusRules {
  /** Checks the engine's fields of {@code header} on {@code parent}; {@code fork} is the header's. */
  void validateHeader(BlockHeader header, BlockHeader parent, Fork fork) throws BlockValidationException;

  /** Whether blocks before the merge pay the proof-of-work block and ommer rewards. */
  boolean paysBlockRewards();

  /** Whether a block, once the head, is final: no other branch may replace it. */
  boolean finalHead();

  /** QBFT rules (without seal checks) if the config has a {@code qbft} section, else Ethereum's. */
  static ConsensusRules of(ChainConfig config) {
    return QbftSettings.of(config).<ConsensusRules>map(QbftRules::new).orElse(EthereumRules.INSTANCE);
  }
}
