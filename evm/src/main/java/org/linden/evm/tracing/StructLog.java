package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SortedMap;
import org.linden.evm.OpcodeNames;
import org.linden.types.Bytes;

/**
 * One step of the struct logger, in geth's legacy form: pc, op name, gas and cost as
 * plain numbers, depth from 1, then the optional error, stack (0x quantities, bottom
 * first), return data, memory (32-byte words without prefix), storage and refund.
 */
final class StructLog {
  final int pc;
  final int op;
  final long gas;
  final int depth;
  final long refund;
  long gasCost;
  String error;
  List<String> stack;
  Bytes returnData;
  List<String> memory;
  SortedMap<String, String> storage;

  StructLog(int pc, int op, long gas, int depth, long refund) {
    this.pc = pc;
    this.op = op;
    this.gas = gas;
    this.depth = depth;
    this.refund = refund;
  }

  ObjectNode toJson(JsonNodeFactory json) {
    ObjectNode o = json.objectNode();
    o.put("pc", pc);
    o.put("op", OpcodeNames.of(op));
    o.put("gas", gas);
    o.put("gasCost", gasCost);
    o.put("depth", depth);
    if (error != null) {
      o.put("error", error);
    }
    if (stack != null) {
      ArrayNode a = o.putArray("stack");
      stack.forEach(a::add);
    }
    if (returnData != null && !returnData.isEmpty()) {
      o.put("returnData", returnData.toHex());
    }
    if (memory != null && !memory.isEmpty()) {
      ArrayNode a = o.putArray("memory");
      memory.forEach(a::add);
    }
    if (storage != null && !storage.isEmpty()) {
      ObjectNode s = o.putObject("storage");
      storage.forEach(s::put);
    }
    if (refund != 0) {
      o.put("refund", refund);
    }
    return o;
  }
}
