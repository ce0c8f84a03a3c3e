package org.linden.chain.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linden.chain.block.InvalidBlockException.Reason;
import org.linden.chain.tx.TransactionType;
import org.linden.evm.Log;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The result of one transaction in a block (execution-specs {@code Receipt}). RLP
 * {@code [status_or_post_state, cumulative_gas_used, bloom, logs]}; a log is
 * {@code [address, [topics...], data]}.
 *
 * <p>The first field changed meaning at Byzantium (EIP-658): before, it is the 32-byte
 * state root after the transaction; from Byzantium on, it is the status, the empty string
 * for a failed transaction and {@code 0x01} for a successful one. The field is kept as it
 * is on the wire, and {@link #succeeded()} / {@link #postState()} read it.
 *
 * <p>The canonical encoding ({@link #encode()}, the value in the receipts trie) follows
 * EIP-2718: the RLP list for a legacy transaction's receipt, {@code type ‖ rlp} for a
 * typed one. In {@code eth} protocol messages a typed receipt is additionally wrapped as
 * an RLP string ({@link #writeToList}).
 *
 * @param type the type of the transaction the receipt belongs to
 * @param statusOrPostState empty (failed), {@code 0x01} (succeeded) or a 32-byte post-state root
 * @param cumulativeGasUsed gas used in the block up to and including this transaction (unsigned 64-bit)
 * @param logsBloom the bloom of {@code logs}
 * @param logs the logs the transaction emitted, in order
 */
public record Receipt(TransactionType type, Bytes statusOrPostState, long cumulativeGasUsed, LogsBloom logsBloom,
    List<Log> logs) {
  private static final Bytes SUCCESS = Bytes.of((byte) 1);

  public Receipt {
    if (type == null || statusOrPostState == null || logsBloom == null || logs == null) {
      throw new IllegalArgumentException("receipt fields must not be null");
    }
    if (!isValidStatusOrPostState(statusOrPostState)) {
      throw new IllegalArgumentException("a receipt's first field is empty, 0x01 or a 32-byte root, got "
          + statusOrPostState);
    }
    logs = List.copyOf(logs);
  }

  /** A Byzantium-or-later receipt, with the bloom computed from the logs. */
  public static Receipt of(TransactionType type, boolean succeeded, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, succeeded ? SUCCESS : Bytes.EMPTY, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /** A pre-Byzantium receipt carrying the state root after the transaction. */
  public static Receipt withPostState(TransactionType type, Hash postState, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, postState.bytes(), cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /** True for a Byzantium-or-later receipt, whose first field is a status. */
  public boolean hasStatus() {
    return statusOrPostState.size() != Hash.SIZE;
  }

  /** Whether the transaction succeeded; only a status receipt says so. */
  public boolean succeeded() {
    if (!hasStatus()) {
      throw new IllegalStateException("a pre-Byzantium receipt has a post-state root, not a status");
    }
    return !statusOrPostState.isEmpty();
  }

  /** The post-transaction state root of a pre-Byzantium receipt; empty for a status receipt. */
  public Optional<Hash> postState() {
    return hasStatus() ? Optional.empty() : Optional.of(Hash.wrap(statusOrPostState));
  }

  /** The canonical encoding: RLP for a legacy transaction, {@code type ‖ rlp} for a typed one. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(256 + 64 * logs.size());
    writeFields(w);
    Bytes rlp = w.toBytes();
    if (type == TransactionType.LEGACY) {
      return rlp;
    }
    return Bytes.concat(Bytes.of((byte) type.code()), rlp);
  }

  /** Appends the receipt as an item of a receipt list in an {@code eth} message: typed ones as a string. */
  public void writeToList(RlpWriter w) {
    if (type == TransactionType.LEGACY) {
      writeFields(w);
    } else {
      w.writeBytes(encode());
    }
  }

  private void writeFields(RlpWriter w) {
    w.startList()
        .writeBytes(statusOrPostState)
        .writeUnsignedLong(cumulativeGasUsed)
        .writeBytes(logsBloom.bytes());
    writeLogs(w, logs);
    w.endList();
  }

  /** Decodes the canonical encoding (a receipts-trie value). */
  public static Receipt decode(Bytes encoded) throws InvalidBlockException {
    if (encoded.isEmpty()) {
      throw new InvalidBlockException(Reason.MALFORMED_RLP, "receipt: empty input");
    }
    int first = encoded.getUnsigned(0);
    if (first >= 0xc0) {
      return read(TransactionType.LEGACY, Fields.ofList(encoded, "receipt"));
    }
    TransactionType type = typeOf(first);
    return read(type, Fields.ofList(encoded.slice(1), "receipt"));
  }

  /** Reads the next item of an {@code eth} receipt list: a list (legacy) or a string holding a typed receipt. */
  public static Receipt readFromList(RlpReader list) throws InvalidBlockException {
    int at = list.position();
    try {
      if (list.nextIsList()) {
        return decode(list.readRaw());
      }
      Bytes envelope = list.readBytes();
      if (envelope.isEmpty() || envelope.getUnsigned(0) >= 0x80) {
        throw new InvalidBlockException(Reason.MALFORMED_RLP,
            "receipt: a string in a receipt list must hold a typed receipt (at byte " + at + ")");
      }
      return decode(envelope);
    } catch (RlpException e) {
      throw new InvalidBlockException(Reason.MALFORMED_RLP, "receipt list: " + e.getMessage(), e);
    }
  }

  private static TransactionType typeOf(int typeByte) throws InvalidBlockException {
    if (typeByte >= 0x80) {
      throw new InvalidBlockException(Reason.MALFORMED_RLP, String.format(
          "receipt: first byte 0x%02x is neither a list (legacy receipt) nor a type byte", typeByte));
    }
    return TransactionType.fromTypeByte(typeByte).orElseThrow(() -> new InvalidBlockException(
        Reason.UNKNOWN_RECEIPT_TYPE, String.format("receipt: unknown type 0x%02x", typeByte)));
  }

  private static Receipt read(TransactionType type, Fields f) throws InvalidBlockException {
    Bytes status = f.bytes("status_or_post_state");
    if (!isValidStatusOrPostState(status)) {
      throw new InvalidBlockException(Reason.INVALID_RECEIPT_STATUS,
          "receipt.status_or_post_state: expected empty, 0x01 or 32 bytes, got " + status);
    }
    long cumulativeGasUsed = f.u64("cumulative_gas_used");
    LogsBloom bloom = new LogsBloom(f.fixed("bloom", LogsBloom.SIZE));
    List<Log> logs = readLogs(f.list("receipt.logs"));
    f.done();
    return new Receipt(type, status, cumulativeGasUsed, bloom, logs);
  }

  private static boolean isValidStatusOrPostState(Bytes b) {
    return b.isEmpty() || b.equals(SUCCESS) || b.size() == Hash.SIZE;
  }

  /** The RLP list of logs; keccak of it is the {@code logs} hash of state tests. */
  public static Bytes encodeLogs(List<Log> logs) {
    RlpWriter w = new RlpWriter(64 + 128 * logs.size());
    writeLogs(w, logs);
    return w.toBytes();
  }

  static void writeLogs(RlpWriter w, List<Log> logs) {
    w.startList();
    for (Log log : logs) {
      w.startList().writeBytes(log.address().bytes()).startList();
      for (Hash topic : log.topics()) {
        w.writeBytes(topic.bytes());
      }
      w.endList().writeBytes(log.data()).endList();
    }
    w.endList();
  }

  private static List<Log> readLogs(Fields list) throws InvalidBlockException {
    List<Log> logs = new ArrayList<>();
    while (!list.isDone()) {
      Fields log = list.list("receipt.logs[" + logs.size() + "]");
      var address = log.address("address");
      Fields topicList = log.list(log.what() + ".topics");
      List<Hash> topics = new ArrayList<>();
      while (!topicList.isDone()) {
        topics.add(topicList.hash("[" + topics.size() + "]"));
      }
      Bytes data = log.bytes("data");
      log.done();
      logs.add(new Log(address, topics, data));
    }
    return logs;
  }
}
