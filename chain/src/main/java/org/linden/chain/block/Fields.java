package org.linden.chain.block;

import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Reads the fields of one RLP list strictly and turns every RLP failure into an
 * {@link InvalidBlockException} naming the field ({@code header.gas_limit}), so that a
 * rejected block says what was wrong without a debugger.
 */
final class Fields {
  private final RlpReader rlp;
  private final String what;

  private Fields(RlpReader rlp, String what) {
    this.rlp = rlp;
    this.what = what;
  }

  /** Enters the single list that {@code input} must consist of, with nothing after it. */
  static Fields ofList(Bytes input, String what) throws InvalidBlockException {
    if (input.isEmpty()) {
      throw new InvalidBlockException(Reason.MALFORMED_RLP, what + ": empty input");
    }
    RlpReader top = RlpReader.of(input);
    Fields list = new Fields(top, what).list(what);
    try {
      top.ensureDone();
    } catch (RlpException e) {
      throw new InvalidBlockException(Reason.TRAILING_BYTES, what + ": " + e.getMessage(), e);
    }
    return list;
  }

  /** Wraps a reader positioned at the items of a list (or at the top level). */
  static Fields of(RlpReader rlp, String what) {
    return new Fields(rlp, what);
  }

  RlpReader reader() {
    return rlp;
  }

  String what() {
    return what;
  }

  /** Enters the next item, which must be a list. */
  Fields list(String field) throws InvalidBlockException {
    try {
      return new Fields(rlp.readList(), field);
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  boolean isDone() {
    return rlp.isDone();
  }

  Bytes bytes(String field) throws InvalidBlockException {
    try {
      return rlp.readBytes();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  Bytes fixed(String field, int size) throws InvalidBlockException {
    try {
      return rlp.readBytes(size);
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  Hash hash(String field) throws InvalidBlockException {
    return Hash.wrap(fixed(field, Hash.SIZE));
  }

  Address address(String field) throws InvalidBlockException {
    return Address.wrap(fixed(field, Address.SIZE));
  }

  /** An unsigned integer of at most 64 bits, held in a long read as unsigned. */
  long u64(String field) throws InvalidBlockException {
    try {
      return rlp.readUnsignedLong();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  UInt256 u256(String field) throws InvalidBlockException {
    try {
      return rlp.readUInt256();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  /** Fails if items remain: a list with more items than its type defines. */
  void done() throws InvalidBlockException {
    if (!rlp.isDone()) {
      throw new InvalidBlockException(Reason.WRONG_FIELD_COUNT,
          what + ": unexpected item(s) after the last field (at byte " + rlp.position() + ")");
    }
  }

  InvalidBlockException fail(String field, RlpException e) {
    Reason reason = switch (e.reason()) {
      case LEADING_ZEROS -> Reason.LEADING_ZEROS;
      case VALUE_TOO_LARGE -> Reason.VALUE_TOO_LARGE;
      case UNEXPECTED_TYPE -> Reason.WRONG_FIELD_TYPE;
      case WRONG_SIZE -> Reason.WRONG_FIELD_SIZE;
      case NO_MORE_ITEMS -> Reason.WRONG_FIELD_COUNT;
      case TRAILING_BYTES -> Reason.TRAILING_BYTES;
      default -> Reason.MALFORMED_RLP;
    };
    String name;
    if (field.equals(what) || field.startsWith(what + ".") || field.startsWith(what + "[")) {
      name = field;
    } else if (field.startsWith("[")) {
      name = what + field;
    } else {
      name = what + "." + field;
    }
    return new InvalidBlockException(reason, name + ": " + e.getMessage(), e);
  }
}
