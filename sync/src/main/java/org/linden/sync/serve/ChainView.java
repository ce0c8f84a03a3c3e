package org.linden.sync.serve;

import java.util.List;
import java.util.Optional;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.types.Hash;

/**
 * What the request server reads from the local chain. The node implements it over
 * {@code chain.store.Blockchain} (its {@code head()} and the {@code ChainStore} lookups);
 * tests implement it over a list of blocks. Implementations must be safe to call from the
 * threads that serve peers.
 */
public interface ChainView {
  /** The current canonical head. */
  BlockHeader head();

  /** The hash of the canonical block at {@code number}, if the chain is that long. */
  Optional<Hash> canonicalHash(long number);

  /** Any stored header, canonical or not. */
  Optional<BlockHeader> header(Hash hash);

  /** The body of a stored block. */
  Optional<BlockBody> body(Hash hash);

  /** The receipts of a stored, executed block. */
  Optional<List<Receipt>> receipts(Hash hash);

  /** The canonical header at {@code number}. */
  default Optional<BlockHeader> canonicalHeader(long number) {
    return canonicalHash(number).flatMap(this::header);
  }
}
