package org.linden.evm;

import org.linden.types.Address;
import org.linden.types.Bytes;

/**
 * One executing message: code, program counter, gas, stack, memory and the return data
 * of its last sub-call. The interpreter suspends a frame when it starts a sub-call and
 * resumes it with the sub-call's result; frames live on a stack, not on the Java stack.
 */
public final class Frame {
  public final Message message;
  /** The code as run: followed by zero bytes (see {@link CodeAnalysis}). */
  final byte[] code;
  final CodeAnalysis analysis;
  int pc;
  long gas;
  final Stack stack;
  final Memory memory;
  Bytes returnData = Bytes.EMPTY;
  final int snapshot;

  /** Where the pending sub-call's output goes in this frame's memory. */
  long pendingOutOffset;
  long pendingOutLength;
  /** The kind of the pending sub-call: CALL family or CREATE family. */
  Message.Kind pendingKind;

  Frame(Message message, Bytes code, int snapshot, Stack stack, Memory memory) {
    this.message = message;
    this.stack = stack;
    this.memory = memory;
    this.analysis = CodeAnalysis.of(code);
    this.code = analysis.padded;
    this.gas = message.gas();
    this.snapshot = snapshot;
  }

  public int pc() {
    return pc;
  }

  public long gas() {
    return gas;
  }

  public Stack stack() {
    return stack;
  }

  public Memory memory() {
    return memory;
  }

  public int depth() {
    return message.depth();
  }

  public Address address() {
    return message.to();
  }

  /** Charges gas or halts with out-of-gas. */
  void charge(long cost) {
    if (cost > gas || cost < 0) {
      gas = 0;
      throw ExceptionalHalt.OUT_OF_GAS;
    }
    gas -= cost;
  }

  /**
   * Charges memory expansion to cover {@code [offset, offset+length)} and grows memory.
   * Offsets or lengths beyond what any gas could pay halt with out-of-gas.
   */
  void expandMemory(long offset, long length) {
    if (length == 0) {
      return;
    }
    if (offset == Long.MAX_VALUE || length == Long.MAX_VALUE || offset + length > 0xFFFF_FFFFL) {
      gas = 0;
      throw ExceptionalHalt.OUT_OF_GAS;
    }
    long newWords = memory.wordsAfter(offset, length);
    long oldWords = memory.words();
    if (newWords > oldWords) {
      charge(GasSchedule.memoryCost(newWords) - GasSchedule.memoryCost(oldWords));
      memory.ensure(offset, length);
    }
  }
}
