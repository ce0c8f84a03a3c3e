package org.linden.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.chain.txpool.PoolFixture.ALICE;
import static org.linden.chain.txpool.PoolFixture.tx;

import ethereum.cryptography.LibEthKZG;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.txpool.TxPoolException.Reason;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Blob transactions in network form, verified with the real KZG trusted setup. */
class TxPoolKzgTest {
  private static LibEthKZG prover;

  @BeforeAll
  static void loadProver() {
    prover = new LibEthKZG();
  }

  @AfterAll
  static void closeProver() {
    prover.close();
  }

  /** A blob of small field elements that differ by {@code seed}: each below the modulus. */
  private static byte[] blob(int seed) {
    byte[] b = new byte[BlobTransactionWithBlobs.BYTES_PER_BLOB];
    for (int i = 0; i < b.length / 32; i++) {
      b[32 * i + 31] = (byte) (i + seed);
      b[32 * i + 30] = (byte) seed;
    }
    return b;
  }

  /** One blob with its commitment and, by wrapper version, its blob proof or cell proofs. */
  private static BlobTransactionWithBlobs sidecar(byte[] blob, int version) {
    byte[] commitment = prover.blobToKZGCommitment(blob);
    List<Bytes> proofs = new ArrayList<>();
    if (version == BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS) {
      for (byte[] p : prover.computeCellsAndKZGProofs(blob).getProofs()) {
        proofs.add(Bytes.wrap(p));
      }
    } else {
      proofs.add(Bytes.wrap(prover.computeBlobKzgProof(blob, commitment)));
    }
    Hash versioned = BlobTransactionWithBlobs.kzgToVersionedHash(Bytes.wrap(commitment));
    return new BlobTransactionWithBlobs(tx(ALICE, 0).blob(List.of(versioned), UInt256.valueOf(1000)), version,
        List.of(Bytes.wrap(blob)), List.of(Bytes.wrap(commitment)), proofs);
  }

  private static TxPool kzgPool(Fork fork) {
    PoolFixture f = new PoolFixture(fork);
    return f.pool(TxPoolConfig.DEFAULT, BlobProofVerifier.kzg());
  }

  @Test
  void aValidBlobProofIsAccepted() throws Exception {
    BlobTransactionWithBlobs tx = sidecar(blob(1), 0);
    TxPool pool = kzgPool(Fork.PRAGUE);
    assertThat(pool.addNetworkForm(tx.encode())).isEqualTo(tx.transaction().hash());
    assertThat(pool.status().pending()).isEqualTo(1);
  }

  @Test
  void aProofOfAnotherBlobIsRefused() {
    BlobTransactionWithBlobs good = sidecar(blob(1), 0);
    BlobTransactionWithBlobs other = sidecar(blob(2), 0);
    BlobTransactionWithBlobs forged = new BlobTransactionWithBlobs(good.transaction(), 0, good.blobs(),
        good.commitments(), other.proofs());
    assertThatThrownBy(() -> kzgPool(Fork.PRAGUE).add(forged))
        .isInstanceOfSatisfying(TxPoolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIDECAR));
  }

  @Test
  void aBlobThatIsNotFieldElementsIsRefused() {
    BlobTransactionWithBlobs good = sidecar(blob(1), 0);
    byte[] bad = blob(1);
    java.util.Arrays.fill(bad, 0, 32, (byte) 0xff);
    BlobTransactionWithBlobs forged = new BlobTransactionWithBlobs(good.transaction(), 0, List.of(Bytes.wrap(bad)),
        good.commitments(), good.proofs());
    assertThatThrownBy(() -> kzgPool(Fork.PRAGUE).add(forged))
        .isInstanceOfSatisfying(TxPoolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIDECAR));
  }

  @Test
  void cellProofsAreVerifiedFromOsaka() throws Exception {
    BlobTransactionWithBlobs tx = sidecar(blob(3), BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS);
    TxPool pool = kzgPool(Fork.OSAKA);
    pool.add(tx);
    assertThat(pool.contains(tx.transaction().hash())).isTrue();

    List<Bytes> proofs = new ArrayList<>(tx.proofs());
    proofs.set(5, proofs.get(6));
    BlobTransactionWithBlobs forged = new BlobTransactionWithBlobs(
        tx(PoolFixture.BOB, 0).blob(tx.transaction().blobVersionedHashes(), UInt256.valueOf(1000)),
        BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS, tx.blobs(), tx.commitments(), proofs);
    assertThatThrownBy(() -> pool.add(forged)).hasMessage("invalid blob sidecar: KZG proof verification failed");
  }

  @Test
  void theOldWrapperIsRefusedFromOsaka() {
    BlobTransactionWithBlobs tx = sidecar(blob(1), 0);
    assertThatThrownBy(() -> kzgPool(Fork.OSAKA).add(tx))
        .isInstanceOfSatisfying(TxPoolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIDECAR));
  }

  @Test
  void aSubmittedOldWrapperGetsCellProofsFromOsaka() throws Exception {
    BlobTransactionWithBlobs tx = sidecar(blob(1), 0);
    TxPool pool = kzgPool(Fork.OSAKA);
    assertThatThrownBy(() -> pool.addNetworkForm(tx.encode())).hasMessageContaining("wrapper version 0");
    assertThat(pool.addSubmitted(tx.encode())).isEqualTo(tx.transaction().hash());

    // The computed proofs are still checked against the commitments.
    BlobTransactionWithBlobs other = sidecar(blob(2), 0);
    BlobTransactionWithBlobs mismatched = new BlobTransactionWithBlobs(
        tx(PoolFixture.BOB, 0).blob(other.transaction().blobVersionedHashes(), UInt256.valueOf(1000)), 0,
        tx.blobs(), other.commitments(), other.proofs());
    assertThatThrownBy(() -> pool.addSubmitted(mismatched.encode()))
        .hasMessage("invalid blob sidecar: KZG proof verification failed");
  }
}
