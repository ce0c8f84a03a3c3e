package org.linden.sync.net;

import java.util.Optional;
import org.linden.chain.block.BlockBody;
import org.linden.types.Hash;

/** A chain that serves every body with a transaction left out: what a lying peer would send. */
final class CorruptBodies extends ForwardingChain {
  CorruptBodies(LocalChain honest) {
    super(honest);
  }

  @Override
  public Optional<BlockBody> body(Hash hash) {
    return honest.body(hash).map(b -> b.transactions().isEmpty() ? b
        : new BlockBody(b.transactions().subList(1, b.transactions().size()), b.ommers(), b.withdrawals()));
  }
}
