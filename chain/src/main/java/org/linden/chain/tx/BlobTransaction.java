package org.linden.chain.tx;

import java.util.List;
import java.util.Objects;
import org.linden.crypto.Signature;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * An EIP-4844 transaction (type 3) as it appears in a block: it commits to blobs by their
 * versioned hashes, while the blobs themselves travel only in the network form
 * ({@link BlobTransactionWithBlobs}). {@code 0x03 ‖ rlp([chain_id, nonce,
 * max_priority_fee_per_gas, max_fee_per_gas, gas, to, value, data, access_list,
 * max_fee_per_blob_gas, blob_versioned_hashes, y_parity, r, s])}.
 *
 * @param to never null: a blob transaction cannot create a contract
 */
public record BlobTransaction(
    long chainId,
    long nonce,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerGas,
    long gas,
    Address to,
    UInt256 value,
    Bytes data,
    List<Access> accessList,
    UInt256 maxFeePerBlobGas,
    List<Hash> blobVersionedHashes,
    int yParity,
    UInt256 r,
    UInt256 s) implements TypedTransaction {
  public BlobTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "a blob transaction has a recipient; it cannot create a contract");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    accessList = List.copyOf(accessList);
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
    TypedFields.checkSignatureShape(yParity, r, s);
  }

  @Override
  public TransactionType type() {
    return TransactionType.BLOB;
  }

  @Override
  public Hash signingHash() {
    return TypedFields.signingHash(type(), w -> writeFields(w, false));
  }

  @Override
  public BlobTransaction withSignature(Signature sig) {
    return new BlobTransaction(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data,
        accessList, maxFeePerBlobGas, blobVersionedHashes, sig.recoveryId(), sig.r(), sig.s());
  }

  static BlobTransaction read(FieldReader f) throws InvalidTransactionException {
    long chainId = f.u64("chain_id");
    long nonce = f.u64("nonce");
    UInt256 maxPriorityFee = f.u256("max_priority_fee_per_gas");
    UInt256 maxFee = f.u256("max_fee_per_gas");
    long gas = f.u64("gas");
    Address to = TypedFields.requireRecipient(f.addressOrEmpty("to"), "blob");
    UInt256 value = f.u256("value");
    Bytes data = f.bytes("data");
    List<Access> accessList = Access.readList(f);
    UInt256 maxFeePerBlobGas = f.u256("max_fee_per_blob_gas");
    List<Hash> hashes = f.hashes("blob_versioned_hashes");
    int yParity = f.yParity();
    UInt256 r = f.u256("r");
    UInt256 s = f.u256("s");
    f.end();
    return new BlobTransaction(chainId, nonce, maxPriorityFee, maxFee, gas, to, value, data, accessList,
        maxFeePerBlobGas, hashes, yParity, r, s);
  }

  void writeFields(RlpWriter w, boolean signed) {
    w.startList();
    w.writeUnsignedLong(chainId).writeUnsignedLong(nonce)
        .writeUInt256(maxPriorityFeePerGas).writeUInt256(maxFeePerGas).writeUnsignedLong(gas);
    FieldWriter.to(w, to);
    w.writeUInt256(value).writeBytes(data);
    Access.writeList(w, accessList);
    w.writeUInt256(maxFeePerBlobGas);
    FieldWriter.hashes(w, blobVersionedHashes);
    if (signed) {
      TypedFields.writeSignature(w, yParity, r, s);
    }
    w.endList();
  }
}
