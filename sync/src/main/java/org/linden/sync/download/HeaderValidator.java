package org.linden.sync.download;

import java.util.Optional;
import org.linden.chain.block.BlockHeader;

/**
 * The header rules the header downloader applies to each child against its parent, beyond
 * the hash linkage it always checks. The node plugs in the chain's header validation (gas
 * limit, base fee, timestamps, the consensus seal).
 */
@FunctionalInterface
public interface HeaderValidator {
  /** Why {@code header} cannot follow {@code parent}, or empty if it can. */
  Optional<String> check(BlockHeader parent, BlockHeader header);

  /** Checks nothing beyond linkage: for tests and for chains whose rules are checked on import. */
  static HeaderValidator none() {
    return (parent, header) -> Optional.empty();
  }
}
