package org.linden.evm;

import java.io.PrintStream;
import org.linden.types.UInt256;

/**
 * Writes an EIP-3155 trace: one JSON object per executed instruction with pc, op, gas,
 * gasCost, memSize, stack, depth, refund and opName (plus error when the step halted).
 * The transaction summary line is written by the caller, which knows the outcome.
 */
public final class Eip3155Tracer implements Tracer {
  private final PrintStream out;
  private final StringBuilder line = new StringBuilder(256);
  private int pc;
  private long gas;
  private int depth;
  private long refund;
  private long memSize;
  private String stack;

  public Eip3155Tracer(PrintStream out) {
    this.out = out;
  }

  @Override
  public void beforeStep(Frame frame, int opcode, long refund) {
    this.pc = frame.pc();
    this.gas = frame.gas();
    this.depth = frame.depth() + 1;
    this.refund = refund;
    this.memSize = frame.memory().size();
    Stack s = frame.stack();
    StringBuilder sb = new StringBuilder("[");
    for (int i = s.size() - 1; i >= 0; i--) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(quantity(s.peek(i))).append('"');
    }
    this.stack = sb.append(']').toString();
  }

  @Override
  public void afterStep(Frame frame, int opcode, long gasCost, String error) {
    line.setLength(0);
    line.append("{\"pc\":").append(pc)
        .append(",\"op\":").append(opcode)
        .append(",\"gas\":\"0x").append(Long.toHexString(gas))
        .append("\",\"gasCost\":\"0x").append(Long.toHexString(Math.max(0, gasCost)))
        .append("\",\"memSize\":").append(memSize)
        .append(",\"stack\":").append(stack)
        .append(",\"depth\":").append(depth)
        .append(",\"refund\":").append(refund)
        .append(",\"opName\":\"").append(OpcodeNames.of(opcode)).append('"');
    if (error != null) {
      line.append(",\"error\":\"").append(error.replace("\"", "'")).append('"');
    }
    out.println(line.append('}'));
  }

  /** The summary line of one transaction: its output, gas used and error, if any. */
  public void transactionEnd(org.linden.types.Bytes output, long gasUsed, String error) {
    StringBuilder sb = new StringBuilder("{\"output\":\"").append(output.toUnprefixedHex())
        .append("\",\"gasUsed\":\"0x").append(Long.toHexString(gasUsed)).append('"');
    if (error != null) {
      sb.append(",\"error\":\"").append(error.replace("\"", "'")).append('"');
    }
    out.println(sb.append('}'));
  }

  /** The state root after a state test's transaction, as geth's {@code evm statetest} prints it. */
  public void stateRoot(org.linden.types.Hash root) {
    out.println("{\"stateRoot\": \"" + root.toHex() + "\"}");
  }

  private static String quantity(UInt256 v) {
    return v.toHexString();
  }
}
