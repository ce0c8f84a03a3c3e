package org.linden.chain.tx;

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
 * <p>Two generations bound the memory ({@link Generations}).
 */
final class RecoveredSenders {
  private record Input(Hash signingHash, Signature signature) {}

  private final Generations<Input, Address> recovered;

  RecoveredSenders(int generationSize) {
    this.recovered = new Generations<>(generationSize);
  }

  /** The sender recovered before from exactly this input, or null. */
  Address get(Hash signingHash, Signature signature) {
    return recovered.get(new Input(signingHash, signature));
  }

  void put(Hash signingHash, Signature signature, Address sender) {
    recovered.put(new Input(signingHash, signature), sender);
  }
}
