package org.linden.chain.tx;

import java.util.OptionalLong;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;

/** Signs transactions: fills in v/y_parity, r and s for a key. */
public final class TransactionSigner {
  private TransactionSigner() {}

  /**
   * Signs a legacy transaction, with EIP-155 replay protection when {@code chainId} is
   * present (v = chain_id * 2 + 35/36) and without it otherwise (v = 27/28).
   */
  public static LegacyTransaction signLegacy(LegacyTransaction tx, OptionalLong chainId, PrivateKey key) {
    Signature sig = Secp256k1.sign(tx.signingHash(chainId), key);
    return tx.withSignature(sig, chainId);
  }

  /** Signs a typed transaction over its own chain id field. */
  @SuppressWarnings("unchecked")
  public static <T extends TypedTransaction> T sign(T tx, PrivateKey key) {
    Signature sig = Secp256k1.sign(tx.signingHash(), key);
    // Every record's withSignature returns its own type.
    return (T) tx.withSignature(sig);
  }
}
