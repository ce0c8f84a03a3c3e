package org.linden.sync.net;

import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlockValidationException;
import org.linden.sync.download.HeaderValidator;

/**
 * The chain's own header rules (number, parent, timestamp, gas limit, base fee, blob gas) as
 * the header downloader's {@link HeaderValidator}, so a bad header chain is refused while it
 * downloads rather than at import.
 */
public final class ChainHeaderRules implements HeaderValidator {
  private final org.linden.chain.execution.HeaderValidator rules;

  public ChainHeaderRules(ChainConfig config) {
    this.rules = new org.linden.chain.execution.HeaderValidator(config);
  }

  @Override
  public Optional<String> check(BlockHeader parent, BlockHeader header) {
    try {
      rules.validate(header, parent);
      return Optional.empty();
    } catch (BlockValidationException e) {
      return Optional.of(e.getMessage());
    }
  }
}
