package org.linden.sync.eth;

import java.util.ArrayList;
import java.util.List;
import org.linden.chain.block.LogsBloom;
import org.linden.chain.block.Receipt;
import org.linden.chain.tx.TransactionType;
import org.linden.evm.Log;
import org.linden.rlp.RlpWriter;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The eth/69 receipt: {@code [tx-type, post-state-or-status, cumulative-gas, logs]}, the same
 * shape for every transaction type and without the bloom, which is recomputed on decoding.
 */
final class Eth69Receipt {
  private Eth69Receipt() {}

  static void write(RlpWriter w, Receipt r) {
    w.startList()
        .writeLong(r.type().code())
        .writeBytes(r.statusOrPostState())
        .writeUnsignedLong(r.cumulativeGasUsed())
        .writeRaw(Receipt.encodeLogs(r.logs()))
        .endList();
  }

  static Receipt read(MessageReader list) throws MalformedMessageException {
    long typeCode = list.u64("tx-type");
    TransactionType type = typeCode == 0 ? TransactionType.LEGACY
        : typeCode > 0x7f ? null : TransactionType.fromTypeByte((int) typeCode).orElse(null);
    if (type == null) {
      throw list.fail("tx-type", "unknown transaction type " + Long.toUnsignedString(typeCode));
    }
    Bytes status = list.bytes("post-state-or-status");
    if (!(status.isEmpty() || status.equals(Bytes.of((byte) 1)) || status.size() == Hash.SIZE)) {
      throw list.fail("post-state-or-status", "expected empty, 0x01 or 32 bytes, got " + status.size() + " bytes");
    }
    long cumulativeGas = list.u64("cumulative-gas");
    List<Log> logs = readLogs(list.list("logs"));
    list.done();
    return new Receipt(type, status, cumulativeGas, LogsBloom.of(logs), logs);
  }

  private static List<Log> readLogs(MessageReader list) throws MalformedMessageException {
    List<Log> logs = new ArrayList<>();
    while (!list.isDone()) {
      MessageReader log = list.list("[" + logs.size() + "]");
      Bytes address = log.bytes("address");
      if (address.size() != Address.SIZE) {
        throw log.fail("address", "expected 20 bytes, got " + address.size());
      }
      MessageReader topicList = log.list("topics");
      List<Hash> topics = new ArrayList<>();
      while (!topicList.isDone()) {
        topics.add(topicList.hash("[" + topics.size() + "]"));
      }
      Bytes data = log.bytes("data");
      log.done();
      logs.add(new Log(Address.wrap(address), topics, data));
    }
    return logs;
  }
}
