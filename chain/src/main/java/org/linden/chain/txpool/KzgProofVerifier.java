package org.linden.chain.txpool;

import ethereum.cryptography.LibEthKZG;
import java.util.ArrayList;
import java.util.List;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.types.Bytes;

/**
 * KZG verification of both sidecar forms: one proof per blob (EIP-4844), or one proof per
 * cell of the extended blob (EIP-7594), for which the cells are computed from the blob.
 */
final class KzgProofVerifier implements BlobProofVerifier {
  static final KzgProofVerifier INSTANCE = new KzgProofVerifier();

  private KzgProofVerifier() {}

  @Override
  public boolean verify(BlobTransactionWithBlobs sidecar) {
    try {
      return sidecar.wrapperVersion() == BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS
          ? verifyCells(sidecar)
          : Context.KZG.verifyBlobKzgProofBatch(arrays(sidecar.blobs()), arrays(sidecar.commitments()),
              arrays(sidecar.proofs()));
    } catch (RuntimeException e) {
      // The library throws on inputs it cannot parse, e.g. a field element above the modulus.
      return false;
    }
  }

  private static boolean verifyCells(BlobTransactionWithBlobs sidecar) {
    int perBlob = BlobTransactionWithBlobs.CELLS_PER_EXT_BLOB;
    int n = sidecar.blobs().size();
    byte[][] commitments = new byte[n * perBlob][];
    long[] indices = new long[n * perBlob];
    byte[][] cells = new byte[n * perBlob][];
    byte[][] proofs = arrays(sidecar.proofs());
    for (int blob = 0; blob < n; blob++) {
      byte[][] blobCells = Context.KZG.computeCells(sidecar.blobs().get(blob).unsafeArray()).getCells();
      byte[] commitment = sidecar.commitments().get(blob).unsafeArray();
      for (int cell = 0; cell < perBlob; cell++) {
        int k = blob * perBlob + cell;
        commitments[k] = commitment;
        indices[k] = cell;
        cells[k] = blobCells[cell];
      }
    }
    return Context.KZG.verifyCellKZGProofBatch(commitments, indices, cells, proofs);
  }

  /** The sidecar with cell proofs computed from its blobs in place of one proof per blob. */
  static BlobTransactionWithBlobs withCellProofs(BlobTransactionWithBlobs sidecar) {
    List<Bytes> proofs = new ArrayList<>();
    for (Bytes blob : sidecar.blobs()) {
      for (byte[] proof : Context.KZG.computeCellsAndKZGProofs(blob.unsafeArray()).getProofs()) {
        proofs.add(Bytes.wrap(proof));
      }
    }
    return new BlobTransactionWithBlobs(sidecar.transaction(), BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS,
        sidecar.blobs(), sidecar.commitments(), proofs);
  }

  private static byte[][] arrays(List<Bytes> items) {
    byte[][] out = new byte[items.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = items.get(i).unsafeArray();
    }
    return out;
  }

  /**
   * The library context, loaded on first use: the native code and trusted setup cost time
   * and memory that a pool which never sees a blob need not pay. Without precomputed tables,
   * which only speed up proving.
   */
  private static final class Context {
    static final LibEthKZG KZG = new LibEthKZG(false);
  }
}
