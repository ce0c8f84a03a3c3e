package org.linden.chain.tx;

import java.lang.ref.WeakReference;
import java.util.function.Function;
import org.linden.crypto.Keccak;
import org.linden.types.Hash;

/**
 * The hashes of recently seen transaction instances, by identity: the transaction hash and a
 * typed transaction's signing hash. Each is asked for several times between a transaction's
 * arrival and its indexing — by the pool, the block builder's validation, the canonical
 * index, the explorer, RPC answers — and each time it would be encoded and hashed again (a
 * few microseconds for a token transfer). Transactions are immutable, so the hashes of an
 * instance never change and an identity hit is exact.
 *
 * <p>Two generations bound the number of entries ({@link Generations}); entries hold their
 * transactions weakly.
 */
final class TransactionHashes {
  private static final int GENERATION_SIZE = 16_384;

  /**
   * An instance as a map key, compared by identity. Stored keys hold it weakly, so the map
   * never keeps a transaction (which may carry large data) alive; a lookup key holds it
   * strongly for the length of the lookup.
   */
  private static final class Instance {
    private final Transaction lookup;
    private final WeakReference<Transaction> stored;
    private final int identity;

    private Instance(Transaction lookup, WeakReference<Transaction> stored, int identity) {
      this.lookup = lookup;
      this.stored = stored;
      this.identity = identity;
    }

    static Instance lookup(Transaction tx) {
      return new Instance(tx, null, System.identityHashCode(tx));
    }

    Instance stored() {
      return new Instance(null, new WeakReference<>(lookup), identity);
    }

    private Transaction tx() {
      return lookup != null ? lookup : stored.get();
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Transaction tx = tx();
      return tx != null && o instanceof Instance other && other.tx() == tx;
    }

    @Override
    public int hashCode() {
      return identity;
    }
  }

  private static final Memo HASHES = new Memo();
  private static final Memo SIGNING_HASHES = new Memo();

  private TransactionHashes() {}

  /** keccak256 of the transaction's canonical encoding. */
  static Hash of(Transaction tx) {
    return HASHES.get(tx, t -> Keccak.hash256(t.encoded()));
  }

  /** The hash the sender of a typed transaction signed ({@link TypedTransaction#signingHash}). */
  static Hash signingHash(TypedTransaction tx) {
    return SIGNING_HASHES.get(tx, t -> ((TypedTransaction) t).signingHash());
  }

  /** One derived hash per instance, in two generations. */
  private static final class Memo {
    private final Generations<Instance, Hash> hashes = new Generations<>(GENERATION_SIZE);

    Hash get(Transaction tx, Function<Transaction, Hash> derive) {
      Instance key = Instance.lookup(tx);
      Hash h = hashes.get(key, Instance::stored);
      if (h == null) {
        h = derive.apply(tx);
        hashes.put(key.stored(), h);
      }
      return h;
    }
  }
}
