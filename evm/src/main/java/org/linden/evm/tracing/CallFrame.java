package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.linden.evm.Log;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * One frame of the call tracer's tree, rendered with geth's field order: from, gas,
 * gasUsed, to, input, output, error, revertReason, calls, logs, value, type. Empty output,
 * calls and logs are left out, as is the value of a STATICCALL and the address of a
 * creation that failed.
 */
final class CallFrame {
  /** A log and the number of sub-calls its frame had made before it (geth's "position"). */
  record PositionedLog(Log log, int position) {}

  final String type;
  final Address from;
  Address to;
  final Bytes input;
  long gas;
  long gasUsed;
  final UInt256 value;
  Bytes output = Bytes.EMPTY;
  String error;
  String revertReason;
  final List<CallFrame> calls = new ArrayList<>();
  List<PositionedLog> logs = new ArrayList<>();

  CallFrame(String type, Address from, Address to, Bytes input, long gas, UInt256 value) {
    this.type = type;
    this.from = from;
    this.to = to;
    this.input = input;
    this.gas = gas;
    this.value = value;
  }

  /** The frame failed: geth keeps revert data (and its decoded reason) but no output otherwise. */
  void fail(String error, Bytes revertData) {
    this.error = error;
    if (type.equals("CREATE") || type.equals("CREATE2")) {
      to = null;
    }
    if (revertData != null && !revertData.isEmpty()) {
      output = revertData;
      revertReason = RevertReason.decode(revertData).orElse(null);
    }
  }

  void addLog(Log log) {
    logs.add(new PositionedLog(log, calls.size()));
  }

  /** Logs of failed frames, and of every frame below one, were never emitted. */
  void dropFailedLogs(boolean parentFailed) {
    boolean failed = parentFailed || error != null;
    if (failed) {
      logs = new ArrayList<>();
    }
    for (CallFrame c : calls) {
      c.dropFailedLogs(failed);
    }
  }

  ObjectNode toJson(JsonNodeFactory json) {
    ObjectNode o = json.objectNode();
    o.put("from", from.toHex());
    o.put("gas", JsonValues.quantity(gas));
    o.put("gasUsed", JsonValues.quantity(gasUsed));
    if (to != null) {
      o.put("to", to.toHex());
    }
    o.put("input", JsonValues.data(input));
    if (!output.isEmpty()) {
      o.put("output", JsonValues.data(output));
    }
    if (error != null) {
      o.put("error", error);
    }
    if (revertReason != null) {
      o.put("revertReason", revertReason);
    }
    if (!calls.isEmpty()) {
      ArrayNode a = o.putArray("calls");
      calls.forEach(c -> a.add(c.toJson(json)));
    }
    if (!logs.isEmpty()) {
      ArrayNode a = o.putArray("logs");
      logs.forEach(l -> a.add(logJson(json, l)));
    }
    if (value != null) {
      o.put("value", JsonValues.quantity(value));
    }
    o.put("type", type);
    return o;
  }

  private static ObjectNode logJson(JsonNodeFactory json, PositionedLog l) {
    ObjectNode o = json.objectNode();
    o.put("address", l.log().address().toHex());
    ArrayNode topics = o.putArray("topics");
    for (Hash t : l.log().topics()) {
      topics.add(t.toHex());
    }
    o.put("data", JsonValues.data(l.log().data()));
    o.put("position", JsonValues.quantity(l.position()));
    return o;
  }
}
