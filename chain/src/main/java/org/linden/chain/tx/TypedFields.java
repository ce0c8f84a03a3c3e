package org.linden.chain.tx;

import java.util.Objects;
import java.util.function.Consumer;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.crypto.Keccak;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** What the typed transaction records share: the envelope, the signing hash, the signature fields. */
final class TypedFields {
  private TypedFields() {}

  /** {@code type ‖ rlp(list)}, the EIP-2718 envelope around the list {@code fields} writes. */
  static Bytes envelope(TransactionType type, Consumer<RlpWriter> fields) {
    RlpWriter w = new RlpWriter(256);
    fields.accept(w);
    Bytes payload = w.toBytes();
    byte[] out = new byte[payload.size() + 1];
    out[0] = (byte) type.code();
    payload.copyTo(out, 1);
    return Bytes.wrap(out);
  }

  /** keccak256 of the envelope around the unsigned fields. */
  static Hash signingHash(TransactionType type, Consumer<RlpWriter> unsignedFields) {
    return Keccak.hash256(envelope(type, unsignedFields));
  }

  static void writeSignature(RlpWriter w, int yParity, UInt256 r, UInt256 s) {
    w.writeLong(yParity).writeUInt256(r).writeUInt256(s);
  }

  /** Blob and set-code transactions have no contract-creation form: an empty {@code to} is invalid. */
  static Address requireRecipient(Address to, String kind)
      throws InvalidTransactionException {
    if (to == null) {
      throw new InvalidTransactionException(Reason.CONTRACT_CREATION_NOT_ALLOWED,
          "a " + kind + " transaction must have a recipient: it cannot create a contract");
    }
    return to;
  }

  /** A typed signature's y parity is a bit; r and s are checked against the curve later. */
  static void checkSignatureShape(int yParity, UInt256 r, UInt256 s) {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("y_parity must be 0 or 1, got " + yParity);
    }
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }
}
