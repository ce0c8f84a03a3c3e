package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Frame;
import org.linden.evm.Memory;
import org.linden.evm.Message;
import org.linden.evm.Opcodes;
import org.linden.evm.Stack;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * Geth's default tracer (the "struct logger" or opcode logger): one entry per executed
 * step of every frame, and the transaction's gas, failure and return value. Storage in an
 * entry is what SLOAD and SSTORE have shown of the current contract so far in the
 * transaction, and appears only on those steps.
 */
public final class StructLogger implements GethTracer {
  /** Geth's logger options; all off, and {@code limit} 0 (no limit on the number of entries). */
  public record Config(
      boolean enableMemory, boolean disableStack, boolean disableStorage, boolean enableReturnData, int limit) {
    public static final Config DEFAULT = new Config(false, false, false, false, 0);

    /** Reads the options from a trace-options object (geth reads them at its top level). */
    public static Config from(JsonNode options) {
      ConfigReader r = new ConfigReader("the struct logger", options);
      return new Config(r.bool("enableMemory"), r.bool("disableStack"), r.bool("disableStorage"),
          r.bool("enableReturnData"), r.count("limit"));
    }
  }

  /** What the logger keeps per running frame: the return data its steps see. */
  private static final class FrameView {
    Bytes returnData = Bytes.EMPTY;
  }

  private final Config config;
  private final WorldState state;
  private final Fork fork;
  private final CallSites sites;
  private final List<StructLog> logs = new ArrayList<>();
  private final Map<Address, TreeMap<String, String>> storage = new HashMap<>();
  private final ArrayDeque<FrameView> frames = new ArrayDeque<>();

  private StructLog step;
  private int stackBefore;
  private StructLog callStep;
  private long gasLimit = -1;
  private long gasUsed = -1;
  private long topGas;
  private long topGasLeft;
  private boolean failed;
  private boolean reverted;
  private Bytes output = Bytes.EMPTY;

  public StructLogger(Config config, WorldState state, Fork fork) {
    this.config = config;
    this.state = state;
    this.fork = fork;
    this.sites = new CallSites(state);
  }

  @Override
  public void txStart(TransactionContext tx) {
    gasLimit = tx.gasLimit();
  }

  @Override
  public void txEnd(long gasUsed) {
    this.gasUsed = gasUsed;
  }

  @Override
  public void enterFrame(Message message) {
    CallSite site = sites.enterFrame(message);
    if (site != null && site.isCreate() && callStep != null) {
      // Geth does not count the gas a creation forwards as the CREATE step's cost.
      callStep.gasCost -= message.gas();
    }
    callStep = null;
    if (message.depth() == 0) {
      topGas = message.gas();
    }
    frames.push(new FrameView());
  }

  @Override
  public void exitFrame(Message message, ExecutionResult result) {
    callFailedEarly(sites.exitFrame());
    frames.pop();
    if (message.depth() == 0) {
      topGasLeft = result.gasLeft();
      failed = !result.success();
      reverted = result.status() == ExecutionResult.Status.REVERT;
      output = createdCode(message, result);
      return;
    }
    // What RETURNDATASIZE shows the caller next, as the interpreter sets it on resuming.
    FrameView caller = frames.peek();
    boolean create = message.kind() == Message.Kind.CREATE;
    caller.returnData = switch (result.status()) {
      case SUCCESS -> create ? Bytes.EMPTY : result.output();
      case REVERT -> result.output();
      case HALT -> Bytes.EMPTY;
    };
  }

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    callFailedEarly(sites.beforeStep(frame, opcode));
    stackBefore = frame.stack().size();
    step = null;
    if (config.limit() != 0 && logs.size() >= config.limit()) {
      return;
    }
    step = new StructLog(frame.pc(), opcode, frame.gas(), frame.depth() + 1, refund);
    if (!config.disableStack()) {
      step.stack = stack(frame.stack());
    }
    if (config.enableMemory()) {
      step.memory = memory(frame.memory());
    }
    if (config.enableReturnData()) {
      step.returnData = frames.peek().returnData;
    }
    if (!config.disableStorage()) {
      step.storage = storageView(frame, opcode);
    }
    logs.add(step);
  }

  @Override
  public void afterStep(Frame frame, int opcode, long gasCost, String error) {
    sites.afterStep(frame, gasCost, error);
    if (error == null && isCallLike(opcode)) {
      frames.peek().returnData = Bytes.EMPTY;
    }
    if (step == null) {
      return;
    }
    step.gasCost = gasCost;
    if (error != null) {
      recordError(opcode, error);
    } else if (isCallLike(opcode)) {
      callStep = step;
    }
  }

  @Override
  public JsonNode result() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode o = json.objectNode();
    long used = gasUsed >= 0 ? gasUsed : (gasLimit >= 0 ? gasLimit : topGas) - topGasLeft;
    o.put("gas", used);
    o.put("failed", failed);
    // Geth returns the output on success and the revert data on a revert, nothing else.
    o.put("returnValue", (failed && !reverted ? Bytes.EMPTY : output).toHex());
    ArrayNode a = o.putArray("structLogs");
    for (StructLog l : logs) {
      a.add(l.toJson(json));
    }
    return o;
  }

  /** A halting step: geth logs stack and gas failures with the error and the constant gas only. */
  private void recordError(int opcode, String error) {
    String geth = GethErrors.forStep(error, opcode, stackBefore, step.gas, fork);
    if (!GethErrors.beforeLogging(geth)) {
      return;
    }
    step.error = geth;
    long constant = GethErrors.constantGas(opcode, fork);
    if (geth.startsWith("stack") || step.gas < constant) {
      step.gasCost = constant;
    } else if (!geth.equals(GethErrors.OUT_OF_GAS)) {
      step.gasCost = 0;
    }
  }

  /** A call that never started its frame: geth still counts the gas it would have forwarded. */
  private void callFailedEarly(CallSite site) {
    if (site != null && callStep != null) {
      callStep.gasCost = site.stepCostWithoutChild(fork);
    }
    if (site != null) {
      callStep = null;
    }
  }

  /** A successful creation's output is the deployed code, as geth reports it. */
  private Bytes createdCode(Message message, ExecutionResult result) {
    if (message.kind() == Message.Kind.CREATE && result.success()) {
      return state.getCode(message.to());
    }
    return result.output();
  }

  private TreeMap<String, String> storageView(Frame frame, int opcode) {
    Stack s = frame.stack();
    boolean load = opcode == Opcodes.SLOAD && s.size() >= 1;
    boolean store = opcode == Opcodes.SSTORE && s.size() >= 2;
    if (!load && !store) {
      return null;
    }
    Address self = frame.address();
    UInt256 slot = s.peek(0);
    UInt256 value = load ? state.getStorage(self, slot) : s.peek(1);
    TreeMap<String, String> seen = storage.computeIfAbsent(self, a -> new TreeMap<>());
    seen.put(JsonValues.bareWord(slot), JsonValues.bareWord(value));
    return new TreeMap<>(seen);
  }

  private static List<String> stack(Stack s) {
    List<String> out = new ArrayList<>(s.size());
    for (int i = s.size() - 1; i >= 0; i--) {
      out.add(JsonValues.quantity(s.peek(i)));
    }
    return out;
  }

  private static List<String> memory(Memory m) {
    int size = (int) m.size();
    List<String> out = new ArrayList<>(size / 32);
    for (int off = 0; off < size; off += 32) {
      out.add(Bytes.wrap(m.array()).slice(off, 32).toUnprefixedHex());
    }
    return out;
  }

  private static boolean isCallLike(int op) {
    return switch (op) {
      case Opcodes.CALL, Opcodes.CALLCODE, Opcodes.DELEGATECALL, Opcodes.STATICCALL, Opcodes.CREATE,
          Opcodes.CREATE2 -> true;
      default -> false;
    };
  }
}
