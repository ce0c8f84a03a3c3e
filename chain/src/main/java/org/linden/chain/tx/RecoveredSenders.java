package org.linden.chain.tx;

import java.util.concurrent.ConcurrentHashMap;
import org.linden.crypto.Signature;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * Addresses recovered from recent signatures, by the exact input of the recovery (signing
 * hash and signature), so a hit is the answer the curve arithmetic would give. One
 * transaction's sender is asked for many times: when the pool admits it, when a block
 * builder or importer executes it, when the explorer indexes it and when RPC answers show
 * it; ECDSA recovery is by far the most expensive of these steps (tens of microseconds).
 *
 * <p>Two generations bound the memory: new entries go to the young map; when it is full
 * it becomes the old one and the previous old one is dropped. A lookup that hits the old
 * generation moves the entry back to the young one.
 */
final class RecoveredSenders {
  private record Input(Hash signingHash, Signature signature) {}

  private final int generationSize;
  private volatile ConcurrentHashMap<Input, Address> young = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<Input, Address> old = new ConcurrentHashMap<>();

  RecoveredSenders(int generationSize) {
    this.generationSize = generationSize;
  }

  /** The sender recovered before from exactly this input, or null. */
  Address get(Hash signingHash, Signature signature) {
    Input key = new Input(signingHash, signature);
    Address a = young.get(key);
    if (a == null) {
      a = old.get(key);
      if (a != null) {
        put(key, a);
      }
    }
    return a;
  }

  void put(Hash signingHash, Signature signature, Address sender) {
    put(new Input(signingHash, signature), sender);
  }

  private void put(Input key, Address sender) {
    ConcurrentHashMap<Input, Address> y = young;
    y.put(key, sender);
    if (y.size() > generationSize) {
      synchronized (this) {
        if (young == y) {
          old = y;
          young = new ConcurrentHashMap<>();
        }
      }
    }
  }
}
