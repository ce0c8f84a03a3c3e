package org.linden.sync.net;

import java.util.Optional;
import org.linden.chain.block.BlockHeader;
import org.linden.types.Hash;

/**
 * A chain that announces its true head but serves every header below it with another gas
 * used: the first header of an answer is right, the next ones no longer link to it.
 */
final class CorruptHeaders extends ForwardingChain {
  CorruptHeaders(LocalChain honest) {
    super(honest);
  }

  @Override
  public Optional<BlockHeader> header(Hash hash) {
    long head = honest.head().number();
    return honest.header(hash).map(h -> h.number() == head ? h : h.toBuilder().gasUsed(h.gasUsed() + 1).build());
  }
}
