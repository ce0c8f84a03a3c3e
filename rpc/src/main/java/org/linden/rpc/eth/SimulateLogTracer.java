package org.linden.rpc.eth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.linden.crypto.Keccak;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Frame;
import org.linden.evm.Log;
import org.linden.evm.Message;
import org.linden.evm.Opcodes;
import org.linden.evm.Stack;
import org.linden.evm.Tracer;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The logs of a simulated call with ether transfers among them ({@code traceTransfers}):
 * each value-carrying message adds an ERC-20 style {@code Transfer(from, to, value)} log
 * emitted by {@code 0xeeee…eeee}, in execution order with the contract logs. Logs are kept
 * per frame and dropped with a frame that fails, as the state drops its real logs.
 * Balance moved by SELFDESTRUCT is not reported (the interpreter does not trace it).
 */
final class SimulateLogTracer implements Tracer {
  static final Address TRANSFER_EMITTER = Address.fromHex("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
  static final Hash TRANSFER_TOPIC = Keccak.hash256(Bytes.wrap(
      "Transfer(address,address,uint256)".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

  /** A LOG instruction about to run; it becomes a log if it completes. */
  private record PendingLog(Address address, long offset, long length, List<Hash> topics) {}

  private final Deque<List<Log>> frames = new ArrayDeque<>();
  private List<Log> logs = List.of();
  private PendingLog pending;

  /** The logs of the finished call: empty if it failed. */
  List<Log> logs() {
    return logs;
  }

  @Override
  public void enterFrame(Message message) {
    List<Log> mine = new ArrayList<>();
    if (message.transfersValue() && !message.value().isZero()) {
      mine.add(new Log(TRANSFER_EMITTER, List.of(TRANSFER_TOPIC, padded(message.caller()), padded(message.to())),
          message.value().toBytes32()));
    }
    frames.push(mine);
  }

  @Override
  public void exitFrame(Message message, ExecutionResult result) {
    List<Log> mine = frames.pop();
    if (frames.isEmpty()) {
      logs = result.success() ? List.copyOf(mine) : List.of();
    } else if (result.success()) {
      frames.peek().addAll(mine);
    }
  }

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    if (opcode < Opcodes.LOG0 || opcode > Opcodes.LOG0 + 4) {
      return;
    }
    int topicCount = opcode - Opcodes.LOG0;
    Stack s = frame.stack();
    if (s.size() < 2 + topicCount) {
      return;
    }
    List<Hash> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) {
      topics.add(Hash.wrap(s.peek(2 + i).toBytes32()));
    }
    pending = new PendingLog(frame.address(), s.clampedLong(0), s.clampedLong(1), topics);
  }

  @Override
  public void afterStep(Frame frame, int opcode, long gasCost, String error) {
    if (pending == null) {
      return;
    }
    PendingLog p = pending;
    pending = null;
    if (error == null && !frames.isEmpty()) {
      frames.peek().add(new Log(p.address(), p.topics(), frame.memory().slice(p.offset(), p.length())));
    }
  }

  private static Hash padded(Address a) {
    return Hash.wrap(UInt256.fromBytes(a.bytes()).toBytes32());
  }
}
