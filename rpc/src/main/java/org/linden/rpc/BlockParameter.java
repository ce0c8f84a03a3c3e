package org.linden.rpc;

import org.linden.types.Hash;

/**
 * A block named by a request (EIP-1898): a tag ({@code latest}, {@code earliest},
 * {@code pending}, {@code safe}, {@code finalized}), a number, or a hash (optionally
 * required to be canonical).
 */
public sealed interface BlockParameter {
  /** A named block. */
  enum Tag implements BlockParameter {
    LATEST,
    EARLIEST,
    PENDING,
    SAFE,
    FINALIZED
  }

  /** A block by number. */
  record Number(long number) implements BlockParameter {}

  /** A block by hash; with {@code requireCanonical}, a non-canonical block is an error. */
  record ByHash(Hash hash, boolean requireCanonical) implements BlockParameter {}
}
