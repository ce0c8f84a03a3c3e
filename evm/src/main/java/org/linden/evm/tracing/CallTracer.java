package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Frame;
import org.linden.evm.Log;
import org.linden.evm.Message;
import org.linden.evm.Opcodes;
import org.linden.evm.Stack;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Geth's {@code callTracer}: the tree of frames a transaction ran — calls of every kind,
 * creations, self-destructs, calls to precompiles and to accounts without code, and calls
 * that failed before their frame started — with gas, input, output, errors and decoded
 * revert reasons. The top frame's gas and gas used are the transaction's (intrinsic gas
 * included, refunds deducted) when {@link #txStart} and {@link #txEnd} are called.
 */
public final class CallTracer implements GethTracer {
  /** Geth's options: {@code onlyTopCall} skips sub-calls, {@code withLog} adds each frame's logs. */
  public record Config(boolean onlyTopCall, boolean withLog) {
    public static final Config DEFAULT = new Config(false, false);

    public static Config from(JsonNode tracerConfig) {
      ConfigReader r = new ConfigReader("callTracer", tracerConfig);
      return new Config(r.bool("onlyTopCall"), r.bool("withLog"));
    }
  }

  /** A LOG step's arguments, read before it runs. */
  private record PendingLog(Address address, long offset, long length, List<Hash> topics) {}

  /** A SELFDESTRUCT step's beneficiary and the balance it will receive. */
  private record PendingSelfDestruct(Address self, Address beneficiary, UInt256 balance) {}

  private final Config config;
  private final WorldState state;
  private final Fork fork;
  private final CallSites sites;
  private final ArrayDeque<CallFrame> stack = new ArrayDeque<>();
  private CallFrame root;
  private TransactionContext tx;
  private long gasUsed = -1;

  private int stackBefore;
  private long gasBefore;
  private PendingLog pendingLog;
  private PendingSelfDestruct pendingSelfDestruct;
  private String haltError;

  public CallTracer(Config config, WorldState state, Fork fork) {
    this.config = config;
    this.state = state;
    this.fork = fork;
    this.sites = new CallSites(state);
  }

  @Override
  public void txStart(TransactionContext tx) {
    this.tx = tx;
  }

  @Override
  public void txEnd(long gasUsed) {
    this.gasUsed = gasUsed;
  }

  @Override
  public void enterFrame(Message m) {
    CallSite site = sites.enterFrame(m);
    if (m.depth() == 0) {
      boolean create = m.kind() == Message.Kind.CREATE;
      root = new CallFrame(create ? "CREATE" : "CALL", m.caller(), m.to(), create ? m.code() : m.data(),
          tx != null ? tx.gasLimit() : m.gas(), m.value());
      stack.push(root);
      return;
    }
    if (config.onlyTopCall()) {
      return;
    }
    stack.push(childFrame(m, site));
  }

  @Override
  public void exitFrame(Message m, ExecutionResult result) {
    CallSite failed = sites.exitFrame();
    if (failed != null) {
      addFailedCall(failed);
    }
    String stepError = haltError;
    haltError = null;
    if (m.depth() > 0 && config.onlyTopCall()) {
      return;
    }
    CallFrame frame = stack.pop();
    frame.gasUsed = m.gas() - result.gasLeft();
    switch (result.status()) {
      case SUCCESS -> frame.output = m.kind() == Message.Kind.CREATE ? state.getCode(m.to()) : result.output();
      case REVERT -> frame.fail(GethErrors.REVERTED, result.output());
      case HALT -> frame.fail(stepError != null ? stepError : result.error(), null);
    }
    if (m.depth() == 0) {
      // Geth reports the transaction's gas limit and receipt gas for the top frame.
      if (tx != null) {
        frame.gasUsed = tx.gasLimit() - result.gasLeft();
      }
    } else {
      stack.peek().calls.add(frame);
    }
  }

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    CallSite failed = sites.beforeStep(frame, opcode);
    if (failed != null) {
      addFailedCall(failed);
    }
    stackBefore = frame.stack().size();
    gasBefore = frame.gas();
    pendingLog = null;
    pendingSelfDestruct = null;
    Stack s = frame.stack();
    if (opcode >= Opcodes.LOG0 && opcode <= Opcodes.LOG4 && s.size() >= opcode - Opcodes.LOG0 + 2) {
      List<Hash> topics = new ArrayList<>();
      for (int i = 0; i < opcode - Opcodes.LOG0; i++) {
        topics.add(Hash.wrap(s.bytes32(2 + i)));
      }
      pendingLog = new PendingLog(frame.address(), s.clampedLong(0), s.clampedLong(1), topics);
    } else if (opcode == Opcodes.SELFDESTRUCT && s.size() >= 1) {
      Address self = frame.address();
      pendingSelfDestruct = new PendingSelfDestruct(self, s.address(0), state.getBalance(self));
    }
  }

  @Override
  public void afterStep(Frame frame, int opcode, long gasCost, String error) {
    sites.afterStep(frame, gasCost, error);
    if (error != null) {
      haltError = GethErrors.forStep(error, opcode, stackBefore, gasBefore, fork);
      return;
    }
    boolean topOnly = config.onlyTopCall() && frame.depth() > 0;
    if (pendingLog != null && config.withLog() && !topOnly) {
      Bytes data = pendingLog.length() == 0 ? Bytes.EMPTY
          : frame.memory().slice(pendingLog.offset(), pendingLog.length());
      stack.peek().addLog(new Log(pendingLog.address(), pendingLog.topics(), data));
    }
    if (pendingSelfDestruct != null && !config.onlyTopCall()) {
      // Geth reports a self-destruct as a sub-call moving the balance, with no gas.
      PendingSelfDestruct d = pendingSelfDestruct;
      stack.peek().calls.add(new CallFrame("SELFDESTRUCT", d.self(), d.beneficiary(), Bytes.EMPTY, 0, d.balance()));
    }
  }

  @Override
  public JsonNode result() {
    if (root == null) {
      throw new IllegalStateException("no transaction was traced");
    }
    if (gasUsed >= 0) {
      root.gasUsed = gasUsed;
    }
    if (config.withLog()) {
      root.dropFailedLogs(false);
    }
    return root.toJson(JsonNodeFactory.instance);
  }

  private CallFrame childFrame(Message m, CallSite site) {
    boolean create = m.kind() == Message.Kind.CREATE;
    if (site == null || site.isCreate()) {
      String type = site != null ? site.type() : create ? "CREATE" : "CALL";
      return new CallFrame(type, m.caller(), m.to(), create ? m.code() : m.data(), m.gas(), m.value());
    }
    // The opcode's own view: the executing account calls the address on its stack.
    return new CallFrame(site.type(), site.self, site.target, m.data(), m.gas(), site.value);
  }

  /** A call that failed before its frame could start: geth still reports it, failed. */
  private void addFailedCall(CallSite site) {
    if (config.onlyTopCall()) {
      return;
    }
    CallFrame f = new CallFrame(site.type(), site.self, site.target, site.input(), site.childGas(fork), site.value);
    f.gasUsed = site.childGasUsed(fork);
    f.fail(site.failure(), null);
    stack.peek().calls.add(f);
  }
}
