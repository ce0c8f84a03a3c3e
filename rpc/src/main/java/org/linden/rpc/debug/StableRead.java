package org.linden.rpc.debug;

import java.util.function.Supplier;
import org.linden.chain.store.Blockchain;
import org.linden.rpc.RpcException;
import org.linden.types.Hash;

/**
 * Runs a read of historical state again when a block was imported meanwhile. The state a
 * trace starts from is read through the head's tables and the stored reverse diffs, which
 * an import rewrites, so a trace that overlapped an import may have seen a mix of two
 * states. The head is compared before and after: unchanged means nothing was committed in
 * between (imports and head reads are serialized by the chain), and the result stands.
 */
final class StableRead {
  private static final int ATTEMPTS = 3;

  private StableRead() {}

  static <T> T run(Blockchain chain, Supplier<T> read) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Hash before = chain.head().hash();
      T result;
      try {
        result = read.get();
      } catch (RuntimeException e) {
        // An error on a mixed state is no answer either; one on a stable state is.
        if (chain.head().hash().equals(before)) {
          throw e;
        }
        continue;
      }
      if (chain.head().hash().equals(before)) {
        return result;
      }
    }
    throw RpcException.server("the chain advanced while tracing " + ATTEMPTS + " times; try again");
  }
}
