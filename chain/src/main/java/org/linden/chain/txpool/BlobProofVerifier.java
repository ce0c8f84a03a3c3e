package org.linden.chain.txpool;

import org.linden.chain.tx.BlobTransactionWithBlobs;

/**
 * Verifies the KZG proofs of a blob transaction's sidecar: that each blob matches its
 * commitment. The pool calls it after the cheaper structural check
 * ({@link BlobTransactionWithBlobs#checkSidecar}), so the sizes and counts already fit.
 */
@FunctionalInterface
public interface BlobProofVerifier {
  /** True if every proof holds. */
  boolean verify(BlobTransactionWithBlobs sidecar);

  /** Verification with the Ethereum KZG trusted setup (java-eth-kzg), loaded on first use. */
  static BlobProofVerifier kzg() {
    return KzgProofVerifier.INSTANCE;
  }
}
