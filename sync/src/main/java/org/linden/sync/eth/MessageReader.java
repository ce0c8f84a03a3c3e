package org.linden.sync.eth;

import org.linden.chain.block.InvalidBlockException;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Reads the fields of one message's RLP list and turns every decoding failure (from RLP or
 * from the chain decoders) into a {@link MalformedMessageException} naming the message and
 * the field, so a decoder never lets another exception out.
 */
final class MessageReader {
  /** Reads an item with one of the chain module's decoders. */
  @FunctionalInterface
  interface ItemDecoder<T> {
    T read(RlpReader reader) throws InvalidBlockException, InvalidTransactionException;
  }

  private final String message;
  private final String path;
  private final RlpReader reader;

  private MessageReader(String message, String path, RlpReader reader) {
    this.message = message;
    this.path = path;
    this.reader = reader;
  }

  /** The payload of a message, which must be exactly one list. */
  static MessageReader of(String message, Bytes payload) throws MalformedMessageException {
    try {
      RlpReader top = RlpReader.of(payload);
      RlpReader list = top.readList();
      top.ensureDone();
      return new MessageReader(message, "", list);
    } catch (RlpException e) {
      throw new MalformedMessageException(message, "payload", e.getMessage(), e);
    }
  }

  String message() {
    return message;
  }

  private String at(String field) {
    if (path.isEmpty()) {
      return field;
    }
    return field.startsWith("[") ? path + field : path + "." + field;
  }

  MalformedMessageException fail(String field, String detail) {
    return new MalformedMessageException(message, at(field), detail);
  }

  private MalformedMessageException fail(String field, Exception e) {
    return new MalformedMessageException(message, at(field), String.valueOf(e.getMessage()), e);
  }

  boolean isDone() {
    return reader.isDone();
  }

  boolean nextIsList(String field) throws MalformedMessageException {
    try {
      return reader.nextIsList();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  /** Enters a nested list, e.g. {@code headers} or {@code headers[2]}. */
  MessageReader list(String field) throws MalformedMessageException {
    try {
      return new MessageReader(message, at(field), reader.readList());
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  long u64(String field) throws MalformedMessageException {
    try {
      return reader.readUnsignedLong();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  UInt256 u256(String field) throws MalformedMessageException {
    try {
      return reader.readUInt256();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  Bytes bytes(String field) throws MalformedMessageException {
    try {
      return reader.readBytes();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  Hash hash(String field) throws MalformedMessageException {
    try {
      return Hash.wrap(reader.readBytes(Hash.SIZE));
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  /** Reads {@code {0, 1}}; the strict form of a boolean: the empty string or 0x01. */
  boolean bool(String field) throws MalformedMessageException {
    long v = u64(field);
    if (v > 1) {
      throw fail(field, "expected 0 or 1, got " + Long.toUnsignedString(v));
    }
    return v == 1;
  }

  /** The next item in encoded form, whatever it is. */
  Bytes raw(String field) throws MalformedMessageException {
    try {
      return reader.readRaw();
    } catch (RlpException e) {
      throw fail(field, e);
    }
  }

  <T> T item(String field, ItemDecoder<T> decoder) throws MalformedMessageException {
    try {
      return decoder.read(reader);
    } catch (RlpException | InvalidBlockException | InvalidTransactionException | IllegalArgumentException e) {
      throw fail(field, e);
    }
  }

  /** Reads every remaining item of this list with {@code decoder}, naming a bad one by its index. */
  <T> java.util.List<T> rest(ItemDecoder<T> decoder) throws MalformedMessageException {
    java.util.List<T> out = new java.util.ArrayList<>();
    while (!isDone()) {
      out.add(item("[" + out.size() + "]", decoder));
    }
    return out;
  }

  /** Fails if the list has more items than the message defines. */
  void done() throws MalformedMessageException {
    if (!reader.isDone()) {
      throw fail("<end>", "unexpected item(s) after the last field");
    }
  }
}
