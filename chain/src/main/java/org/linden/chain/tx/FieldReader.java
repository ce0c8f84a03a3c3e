package org.linden.chain.tx;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.tx.InvalidTransactionException.Reason;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Reads the fields of one RLP list of a transaction strictly, turning every RLP failure
 * into an {@link InvalidTransactionException} that names the field. Field names follow
 * execution-specs ({@code gas}, {@code max_fee_per_gas}, ...).
 */
final class FieldReader {
  private final RlpReader rlp;
  private final String what;

  private FieldReader(RlpReader rlp, String what) {
    this.rlp = rlp;
    this.what = what;
  }

  /** Enters the single list that {@code input} must consist of, with nothing after it. */
  static FieldReader ofList(Bytes input, String what) throws InvalidTransactionException {
    if (input.isEmpty()) {
      throw new InvalidTransactionException(Reason.MALFORMED_RLP, what + ": empty input");
    }
    RlpReader top = RlpReader.of(input);
    FieldReader outer = new FieldReader(top, what);
    FieldReader list = outer.list(what);
    try {
      top.ensureDone();
    } catch (RlpException e) {
      throw new InvalidTransactionException(Reason.TRAILING_BYTES, what + ": " + e.getMessage(), e);
    }
    return list;
  }

  /** An unsigned integer of at most 64 bits, returned in a long read as unsigned. */
  long u64(String field) throws InvalidTransactionException {
    try {
      return rlp.readUnsignedLong();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  /** An unsigned integer of at most 8 bits. */
  int u8(String field) throws InvalidTransactionException {
    int at = position();
    long v = u64(field);
    if (v > 0xff) {
      throw new InvalidTransactionException(Reason.VALUE_TOO_LARGE,
          what + "." + field + ": " + Long.toUnsignedString(v) + " does not fit in 8 bits (at byte " + at + ")");
    }
    return (int) v;
  }

  /** The y_parity of a typed transaction's signature: anything but 0 or 1 cannot be valid. */
  int yParity() throws InvalidTransactionException {
    int at = position();
    UInt256 v = u256("y_parity");
    if (v.isZero()) {
      return 0;
    }
    if (v.equals(UInt256.ONE)) {
      return 1;
    }
    throw new InvalidTransactionException(Reason.INVALID_SIGNATURE,
        what + ".y_parity: must be 0 or 1, got " + v + " (at byte " + at + ")");
  }

  UInt256 u256(String field) throws InvalidTransactionException {
    try {
      return rlp.readUInt256();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  Bytes bytes(String field) throws InvalidTransactionException {
    try {
      return rlp.readBytes();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  Address address(String field) throws InvalidTransactionException {
    int at = position();
    Bytes b = bytes(field);
    if (b.size() != Address.SIZE) {
      throw new InvalidTransactionException(Reason.ADDRESS_WRONG_SIZE,
          what + "." + field + ": an address is 20 bytes, got " + b.size() + " (at byte " + at + ")");
    }
    return Address.wrap(b);
  }

  /** The {@code to} field: the empty string means contract creation and gives null. */
  Address addressOrEmpty(String field) throws InvalidTransactionException {
    int at = position();
    Bytes b = bytes(field);
    if (b.isEmpty()) {
      return null;
    }
    if (b.size() != Address.SIZE) {
      throw new InvalidTransactionException(Reason.ADDRESS_WRONG_SIZE,
          what + "." + field + ": an address is 20 bytes (or empty for contract creation), got " + b.size()
              + " (at byte " + at + ")");
    }
    return Address.wrap(b);
  }

  Hash hash(String field) throws InvalidTransactionException {
    int at = position();
    Bytes b = bytes(field);
    if (b.size() != Hash.SIZE) {
      throw new InvalidTransactionException(Reason.HASH_WRONG_SIZE,
          what + "." + field + ": must be 32 bytes, got " + b.size() + " (at byte " + at + ")");
    }
    return Hash.wrap(b);
  }

  /** Enters a nested list; {@code field} names it in errors. */
  FieldReader list(String field) throws InvalidTransactionException {
    try {
      return new FieldReader(rlp.readList(), field);
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  /** A list of 32-byte hashes. */
  List<Hash> hashes(String field) throws InvalidTransactionException {
    FieldReader items = list(field);
    List<Hash> out = new ArrayList<>();
    while (!items.isDone()) {
      out.add(items.hash(field + "[" + out.size() + "]"));
    }
    return out;
  }

  /** A list of byte strings of exactly {@code size} bytes each; a wrong size is {@code onWrongSize}. */
  List<Bytes> fixedSizeItems(String field, int size, Reason onWrongSize) throws InvalidTransactionException {
    FieldReader items = list(field);
    List<Bytes> out = new ArrayList<>();
    while (!items.isDone()) {
      int at = items.position();
      Bytes b = items.bytes(field + "[" + out.size() + "]");
      if (b.size() != size) {
        throw new InvalidTransactionException(onWrongSize,
            field + "[" + out.size() + "]: must be " + size + " bytes, got " + b.size() + " (at byte " + at + ")");
      }
      out.add(b);
    }
    return out;
  }

  boolean isDone() {
    return rlp.isDone();
  }

  /** True if the next item is a list; false at the end. */
  boolean nextIsList() {
    return !rlp.isDone() && rlp.nextIsList();
  }

  /** Fails if this list has items left: the type defines fewer fields. */
  void end() throws InvalidTransactionException {
    if (!rlp.isDone()) {
      throw new InvalidTransactionException(Reason.WRONG_FIELD_COUNT,
          what + ": more fields than the type defines (at byte " + rlp.position() + ")");
    }
  }

  private int position() {
    return rlp.position();
  }

  private InvalidTransactionException fail(String field, RlpException e) {
    Reason reason = switch (e.reason()) {
      case LEADING_ZEROS -> Reason.LEADING_ZEROS;
      case VALUE_TOO_LARGE -> Reason.VALUE_TOO_LARGE;
      case UNEXPECTED_TYPE -> Reason.WRONG_FIELD_TYPE;
      // Running out of items inside a list means the list is missing fields.
      case NO_MORE_ITEMS -> Reason.WRONG_FIELD_COUNT;
      case TRAILING_BYTES -> Reason.TRAILING_BYTES;
      default -> Reason.MALFORMED_RLP;
    };
    String where = field.equals(what) ? field : what + "." + field;
    if (e.reason() == RlpException.Reason.NO_MORE_ITEMS) {
      return new InvalidTransactionException(reason, what + ": too few fields, " + field + " is missing", e);
    }
    return new InvalidTransactionException(reason, where + ": " + e.getMessage(), e);
  }
}
