package org.linden.chain.tx;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * The network form of a blob transaction, as gossiped between pools and sent to
 * {@code eth_sendRawTransaction}: the transaction with its blobs, KZG commitments and
 * proofs. Blocks carry only the {@link BlobTransaction}.
 * <ul>
 *   <li>EIP-4844 (wrapper version 0, no version on the wire):
 *       {@code 0x03 ‖ rlp([tx_payload_body, blobs, commitments, proofs])}, one proof per blob;
 *   <li>EIP-7594 (wrapper version 1, from Osaka):
 *       {@code 0x03 ‖ rlp([tx_payload_body, wrapper_version, blobs, commitments, cell_proofs])},
 *       {@value #CELLS_PER_EXT_BLOB} cell proofs per blob.
 * </ul>
 * Decoding checks sizes; {@link #checkSidecar} checks that the parts belong together. The
 * KZG proofs themselves are verified by whoever has the trusted setup (the pool).
 */
public record BlobTransactionWithBlobs(
    BlobTransaction transaction, int wrapperVersion, List<Bytes> blobs, List<Bytes> commitments, List<Bytes> proofs) {
  /** 4096 field elements of 32 bytes. */
  public static final int BYTES_PER_BLOB = 131_072;
  public static final int BYTES_PER_COMMITMENT = 48;
  public static final int BYTES_PER_PROOF = 48;
  /** Cells in a blob extended by erasure coding (EIP-7594). */
  public static final int CELLS_PER_EXT_BLOB = 128;
  /** The EIP-4844 wrapper, which has no version field. */
  public static final int WRAPPER_VERSION_BLOB_PROOFS = 0;
  /** The EIP-7594 wrapper with cell proofs. */
  public static final int WRAPPER_VERSION_CELL_PROOFS = 1;

  public BlobTransactionWithBlobs {
    Objects.requireNonNull(transaction, "transaction");
    if (wrapperVersion != WRAPPER_VERSION_BLOB_PROOFS && wrapperVersion != WRAPPER_VERSION_CELL_PROOFS) {
      throw new IllegalArgumentException("unknown blob wrapper version " + wrapperVersion);
    }
    blobs = List.copyOf(blobs);
    commitments = List.copyOf(commitments);
    proofs = List.copyOf(proofs);
  }

  /** Decodes the network form, strictly. */
  public static BlobTransactionWithBlobs decode(Bytes raw) throws InvalidTransactionException {
    if (raw.isEmpty() || raw.getUnsigned(0) != TransactionType.BLOB.code()) {
      throw new InvalidTransactionException(Reason.TYPE_NOT_SUPPORTED,
          "the network form of a blob transaction starts with type byte 0x03");
    }
    FieldReader outer = FieldReader.ofList(raw.slice(1), "blob transaction network form");
    BlobTransaction tx = BlobTransaction.read(outer.list("tx_payload_body"));
    int version = WRAPPER_VERSION_BLOB_PROOFS;
    // The EIP-7594 form has a version byte where the EIP-4844 form has the blob list.
    if (!outer.isDone() && !outer.nextIsList()) {
      version = outer.u8("wrapper_version");
      if (version != WRAPPER_VERSION_CELL_PROOFS) {
        throw new InvalidTransactionException(Reason.BLOB_SIDECAR_MISMATCH,
            "unknown blob wrapper version " + version);
      }
    }
    List<Bytes> blobs = outer.fixedSizeItems("blobs", BYTES_PER_BLOB, Reason.BLOB_SIDECAR_MISMATCH);
    List<Bytes> commitments =
        outer.fixedSizeItems("commitments", BYTES_PER_COMMITMENT, Reason.BLOB_SIDECAR_MISMATCH);
    List<Bytes> proofs = outer.fixedSizeItems(
        version == WRAPPER_VERSION_CELL_PROOFS ? "cell_proofs" : "proofs", BYTES_PER_PROOF,
        Reason.BLOB_SIDECAR_MISMATCH);
    outer.end();
    return new BlobTransactionWithBlobs(tx, version, blobs, commitments, proofs);
  }

  /** The network form. */
  public Bytes encode() {
    return TypedFields.envelope(TransactionType.BLOB, w -> {
      w.startList();
      transaction.writeFields(w, true);
      if (wrapperVersion != WRAPPER_VERSION_BLOB_PROOFS) {
        w.writeLong(wrapperVersion);
      }
      writeAll(w, blobs);
      writeAll(w, commitments);
      writeAll(w, proofs);
      w.endList();
    });
  }

  /**
   * Checks that the sidecar fits the transaction and the fork: the wrapper version the
   * fork uses (cell proofs from Osaka), one blob and commitment per versioned hash, the
   * right number of proofs, and each commitment hashing to its versioned hash.
   */
  public void checkSidecar(Fork fork) throws InvalidTransactionException {
    int expectedVersion = fork.isAtLeast(Fork.OSAKA) ? WRAPPER_VERSION_CELL_PROOFS : WRAPPER_VERSION_BLOB_PROOFS;
    if (wrapperVersion != expectedVersion) {
      throw new InvalidTransactionException(Reason.BLOB_SIDECAR_MISMATCH,
          "wrapper version " + wrapperVersion + " is not the one used in " + fork.fixtureName() + " ("
              + expectedVersion + ")");
    }
    List<Hash> hashes = transaction.blobVersionedHashes();
    int n = hashes.size();
    if (blobs.size() != n || commitments.size() != n) {
      throw new InvalidTransactionException(Reason.BLOB_SIDECAR_MISMATCH,
          n + " versioned hashes but " + blobs.size() + " blobs and " + commitments.size() + " commitments");
    }
    int perBlob = wrapperVersion == WRAPPER_VERSION_CELL_PROOFS ? CELLS_PER_EXT_BLOB : 1;
    if (proofs.size() != n * perBlob) {
      throw new InvalidTransactionException(Reason.BLOB_SIDECAR_MISMATCH,
          proofs.size() + " proofs for " + n + " blobs, expected " + n * perBlob);
    }
    for (int i = 0; i < n; i++) {
      if (!kzgToVersionedHash(commitments.get(i)).equals(hashes.get(i))) {
        throw new InvalidTransactionException(Reason.BLOB_SIDECAR_MISMATCH,
            "commitments[" + i + "] does not hash to blob_versioned_hashes[" + i + "]");
      }
    }
  }

  /** EIP-4844: {@code 0x01 ‖ sha256(commitment)[1:]}. */
  public static Hash kzgToVersionedHash(Bytes commitment) {
    byte[] digest = sha256(commitment.unsafeArray());
    digest[0] = (byte) TransactionValidator.VERSIONED_HASH_VERSION_KZG;
    return Hash.wrap(digest);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static void writeAll(RlpWriter w, List<Bytes> items) {
    w.startList();
    for (Bytes b : items) {
      w.writeBytes(b);
    }
    w.endList();
  }
}
