package org.linden.chain.tx;

import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * The EIP-2718 envelope. A transaction's canonical bytes are either an RLP list (a legacy
 * transaction; its first byte is 0xc0 or above) or {@code type ‖ payload} with a type byte
 * from 0x00 to 0x7f. Inside a block body a typed transaction is additionally wrapped as an
 * RLP byte string, so that the body stays a plain RLP list.
 *
 * <p>Decoding is strict and fork-independent: canonical RLP only, every field in range for
 * its type, nothing left over. Whether the type and values are acceptable under a fork
 * is {@link TransactionValidator}'s question.
 */
public final class TransactionCodec {
  private TransactionCodec() {}

  /** Decodes canonical transaction bytes (fixtures' {@code txbytes}, {@code eth_sendRawTransaction}). */
  public static Transaction decode(Bytes raw) throws InvalidTransactionException {
    if (raw.isEmpty()) {
      throw new InvalidTransactionException(Reason.MALFORMED_RLP, "empty input is not a transaction");
    }
    int first = raw.getUnsigned(0);
    if (first >= 0xc0) {
      return LegacyTransaction.read(FieldReader.ofList(raw, "legacy transaction"));
    }
    if (first >= 0x80) {
      throw new InvalidTransactionException(Reason.MALFORMED_RLP, String.format(
          "first byte 0x%02x: an RLP string is neither a legacy transaction (a list) nor a typed one"
              + " (type byte 0x00-0x7f)", first));
    }
    TransactionType type = TransactionType.fromTypeByte(first).orElseThrow(() -> new InvalidTransactionException(
        Reason.TYPE_NOT_SUPPORTED, String.format("unknown transaction type 0x%02x", first)));
    // Offsets in errors count from the payload, i.e. from the byte after the type.
    FieldReader fields = FieldReader.ofList(raw.slice(1), "type-" + first + " payload");
    return switch (type) {
      case ACCESS_LIST -> AccessListTransaction.read(fields);
      case FEE_MARKET -> FeeMarketTransaction.read(fields);
      case BLOB -> BlobTransaction.read(fields);
      case SET_CODE -> SetCodeTransaction.read(fields);
      case LEGACY -> throw new IllegalStateException("type 0 has no envelope");
    };
  }

  /** The canonical bytes: the RLP list of a legacy transaction, or {@code type ‖ rlp(fields)}. */
  public static Bytes encode(Transaction tx) {
    return switch (tx) {
      case LegacyTransaction t -> {
        RlpWriter w = new RlpWriter(t.data().size() + 128);
        t.write(w);
        yield w.toBytes();
      }
      case AccessListTransaction t -> TypedFields.envelope(t.type(), w -> t.writeFields(w, true));
      case FeeMarketTransaction t -> TypedFields.envelope(t.type(), w -> t.writeFields(w, true));
      case BlobTransaction t -> TypedFields.envelope(t.type(), w -> t.writeFields(w, true));
      case SetCodeTransaction t -> TypedFields.envelope(t.type(), w -> t.writeFields(w, true));
    };
  }

  /**
   * Reads the next transaction of a block body's transaction list: a list for a legacy
   * transaction, or a byte string holding a typed transaction's canonical bytes.
   */
  public static Transaction readFromBlock(RlpReader body) throws InvalidTransactionException {
    int at = body.position();
    try {
      if (body.nextIsList()) {
        return decode(body.readRaw());
      }
      Bytes envelope = body.readBytes();
      if (envelope.isEmpty() || envelope.getUnsigned(0) >= 0x80) {
        throw new InvalidTransactionException(Reason.MALFORMED_RLP,
            "a byte string in a block's transaction list must hold a typed transaction (at byte " + at + ")");
      }
      return decode(envelope);
    } catch (RlpException e) {
      throw new InvalidTransactionException(Reason.MALFORMED_RLP, "transaction list: " + e.getMessage(), e);
    }
  }

  /** Writes a transaction as an item of a block body's transaction list. */
  public static void writeToBlock(RlpWriter w, Transaction tx) {
    if (tx instanceof LegacyTransaction legacy) {
      legacy.write(w);
    } else {
      w.writeBytes(encode(tx));
    }
  }
}
