package org.linden.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;

class BlobTransactionWithBlobsTest {
  private static final int BLOBS = 2;

  private static Bytes filled(int size, int value) {
    byte[] b = new byte[size];
    java.util.Arrays.fill(b, (byte) value);
    return Bytes.wrap(b);
  }

  private static List<Bytes> commitments() {
    return List.of(filled(48, 0xc1), filled(48, 0xc2));
  }

  /** A signed blob transaction whose versioned hashes are those of {@link #commitments()}. */
  private static BlobTransaction tx() {
    List<Hash> hashes = new ArrayList<>();
    for (Bytes c : commitments()) {
      hashes.add(BlobTransactionWithBlobs.kzgToVersionedHash(c));
    }
    return TransactionSigner.sign(Samples.blob(hashes), Samples.KEY);
  }

  private static BlobTransactionWithBlobs wrapper(int version, int proofsPerBlob) {
    List<Bytes> blobs = List.of(filled(BlobTransactionWithBlobs.BYTES_PER_BLOB, 1),
        filled(BlobTransactionWithBlobs.BYTES_PER_BLOB, 2));
    List<Bytes> proofs = Collections.nCopies(BLOBS * proofsPerBlob, filled(48, 0x99));
    return new BlobTransactionWithBlobs(tx(), version, blobs, commitments(), proofs);
  }

  @Test
  void eip4844WrapperRoundTrips() throws Exception {
    BlobTransactionWithBlobs w = wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS, 1);
    Bytes encoded = w.encode();
    assertThat(encoded.getUnsigned(0)).isEqualTo(3);
    assertThat(BlobTransactionWithBlobs.decode(encoded)).isEqualTo(w);
    w.checkSidecar(Fork.PRAGUE);
  }

  @Test
  void eip7594CellProofWrapperRoundTrips() throws Exception {
    BlobTransactionWithBlobs w =
        wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS, BlobTransactionWithBlobs.CELLS_PER_EXT_BLOB);
    BlobTransactionWithBlobs decoded = BlobTransactionWithBlobs.decode(w.encode());
    assertThat(decoded).isEqualTo(w);
    assertThat(decoded.wrapperVersion()).isEqualTo(1);
    w.checkSidecar(Fork.OSAKA);
  }

  @Test
  void theWrappedTransactionHasTheSameHashAsInABlock() throws Exception {
    BlobTransactionWithBlobs w = wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS, 1);
    BlobTransactionWithBlobs decoded = BlobTransactionWithBlobs.decode(w.encode());
    assertThat(decoded.transaction().hash()).isEqualTo(tx().hash());
    // The block form is not the network form.
    assertThat(tx().encoded()).isNotEqualTo(w.encode());
  }

  @Test
  void theWrapperVersionMustMatchTheFork() {
    BlobTransactionWithBlobs v0 = wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS, 1);
    BlobTransactionWithBlobs v1 =
        wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS, BlobTransactionWithBlobs.CELLS_PER_EXT_BLOB);
    assertMismatch(() -> v0.checkSidecar(Fork.OSAKA));
    assertMismatch(() -> v1.checkSidecar(Fork.CANCUN));
  }

  @Test
  void proofCountsAreChecked() {
    BlobTransactionWithBlobs oneCellProofEach = wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_CELL_PROOFS, 1);
    assertMismatch(() -> oneCellProofEach.checkSidecar(Fork.OSAKA));
  }

  @Test
  void commitmentsMustHashToTheVersionedHashes() {
    BlobTransactionWithBlobs w = wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS, 1);
    BlobTransactionWithBlobs swapped = new BlobTransactionWithBlobs(w.transaction(), w.wrapperVersion(), w.blobs(),
        List.of(commitments().get(1), commitments().get(0)), w.proofs());
    assertMismatch(() -> swapped.checkSidecar(Fork.CANCUN));
  }

  @Test
  void theVersionedHashOfACommitmentStartsWithOne() {
    Hash h = BlobTransactionWithBlobs.kzgToVersionedHash(filled(48, 0));
    assertThat(h.bytes().getUnsigned(0)).isEqualTo(1);
  }

  @Test
  void wrongSizedBlobsAreRejectedWhenDecoding() {
    BlobTransactionWithBlobs w = wrapper(BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS, 1);
    BlobTransactionWithBlobs shortBlob = new BlobTransactionWithBlobs(w.transaction(), 0,
        List.of(filled(100, 1), w.blobs().get(1)), w.commitments(), w.proofs());
    assertThatThrownBy(() -> BlobTransactionWithBlobs.decode(shortBlob.encode()))
        .isInstanceOfSatisfying(InvalidTransactionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BLOB_SIDECAR_MISMATCH));
  }

  @Test
  void theBlockFormIsNotANetworkForm() {
    assertThatThrownBy(() -> BlobTransactionWithBlobs.decode(tx().encoded()))
        .isInstanceOf(InvalidTransactionException.class);
  }

  private static void assertMismatch(ThrowingCall call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidTransactionException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.BLOB_SIDECAR_MISMATCH));
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
