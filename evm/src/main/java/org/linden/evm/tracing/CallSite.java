package org.linden.evm.tracing;

import org.linden.evm.Evm;
import org.linden.evm.Frame;
import org.linden.evm.GasSchedule;
import org.linden.evm.OpcodeNames;
import org.linden.evm.Opcodes;
import org.linden.evm.Stack;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.UInt256;

/**
 * A CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE or CREATE2 as the step saw it: its
 * arguments from the stack before the step, and after the step its gas cost and input.
 * The interpreter's message does not say which of these opcodes made it, and a call that
 * fails before its frame starts (call depth, balance, a creation's nonce or address
 * collision) makes no message at all, while geth reports it as a failed sub-call; this
 * keeps what both need.
 */
final class CallSite {
  final int op;
  /** The account whose code ran the opcode. */
  final Address self;
  final int depth;
  final long gasBefore;
  /** The address on the stack (the CALL family), or null. */
  final Address target;
  /** What geth reports as the value: the argument, a DELEGATECALL's inherited value, null for STATICCALL. */
  final UInt256 value;
  private final long gasArg;
  private final long offset;
  private final long length;
  private final long memoryWordsBefore;
  private final boolean balanceShort;
  private final boolean nonceExhausted;
  private long gasCost;
  private Bytes input = Bytes.EMPTY;

  private CallSite(Frame frame, int op, WorldState state) {
    Stack s = frame.stack();
    this.op = op;
    this.self = frame.address();
    this.depth = frame.depth();
    this.gasBefore = frame.gas();
    this.memoryWordsBefore = frame.memory().words();
    UInt256 balance = state.getBalance(self);
    if (isCreate()) {
      target = null;
      value = s.peek(0);
      gasArg = 0;
      offset = s.clampedLong(1);
      length = s.clampedLong(2);
      balanceShort = UInt256.compareUnsigned(balance, value) < 0;
      nonceExhausted = state.getNonce(self) == -1L;
      return;
    }
    boolean hasValue = op == Opcodes.CALL || op == Opcodes.CALLCODE;
    int base = hasValue ? 3 : 2;
    gasArg = s.clampedLong(0);
    target = s.address(1);
    value = hasValue ? s.peek(2) : op == Opcodes.DELEGATECALL ? frame.message.value() : null;
    offset = s.clampedLong(base);
    length = s.clampedLong(base + 1);
    balanceShort = hasValue && UInt256.compareUnsigned(balance, value) < 0;
    nonceExhausted = false;
  }

  /** The call site of this step, or null if the opcode starts no frame or the stack is too short for it. */
  static CallSite capture(Frame frame, int op, WorldState state) {
    int needed = switch (op) {
      case Opcodes.CALL, Opcodes.CALLCODE -> 7;
      case Opcodes.DELEGATECALL, Opcodes.STATICCALL -> 6;
      case Opcodes.CREATE -> 3;
      case Opcodes.CREATE2 -> 4;
      default -> -1;
    };
    if (needed < 0 || frame.stack().size() < needed) {
      return null;
    }
    return new CallSite(frame, op, state);
  }

  /** The step ran without halting: its gas as the interpreter charged it, and the input now in memory. */
  void stepDone(Frame frame, long gasCost) {
    this.gasCost = gasCost;
    if (length > 0 && length != Long.MAX_VALUE) {
      input = frame.memory().slice(offset, length);
    }
  }

  boolean isCreate() {
    return op == Opcodes.CREATE || op == Opcodes.CREATE2;
  }

  /** CALL, STATICCALL, CREATE2, ...: the frame type geth prints. */
  String type() {
    return OpcodeNames.of(op);
  }

  /** Call data or init code. */
  Bytes input() {
    return input;
  }

  /** Why the call made no frame, in geth's words, in the order geth checks. */
  String failure() {
    if (depth + 1 > Evm.MAX_CALL_DEPTH) {
      return GethErrors.DEPTH;
    }
    if (!isCreate()) {
      return GethErrors.INSUFFICIENT_BALANCE;
    }
    if (balanceShort) {
      return GethErrors.INSUFFICIENT_BALANCE;
    }
    return nonceExhausted ? GethErrors.NONCE_OVERFLOW : GethErrors.COLLISION;
  }

  /** The gas the frame that did not start would have received (stipend included). */
  long childGas(Fork fork) {
    boolean all64th = GasSchedule.of(fork).allButOne64th;
    if (isCreate()) {
      long available = gasBefore - createCost(fork);
      return all64th ? available - available / 64 : available;
    }
    long stipend = stipend();
    // The interpreter gave back the forwarded gas and the stipend: what stayed charged is
    // the access, value and memory cost, less the stipend.
    long available = gasBefore - (gasCost + stipend);
    long forwarded = all64th ? Math.min(gasArg, available - available / 64) : gasArg;
    return forwarded + stipend;
  }

  /**
   * The step's cost as geth logs it when no frame started. Geth counts the gas a call
   * forwards as part of the call's cost, and a creation's forwarded gas not at all.
   */
  long stepCostWithoutChild(Fork fork) {
    if (isCreate()) {
      return createCost(fork);
    }
    // The interpreter charged the forwarded gas, then gave it back with the stipend on top;
    // geth logs what was charged.
    return gasCost + childGas(fork);
  }

  /** Gas used by the frame that did not start: all of it after a collision, none otherwise. */
  long childGasUsed(Fork fork) {
    return failure().equals(GethErrors.COLLISION) ? childGas(fork) : 0;
  }

  /** The free gas a value-transferring CALL or CALLCODE adds to what it forwards. */
  private long stipend() {
    boolean transfers = op == Opcodes.CALL || op == Opcodes.CALLCODE;
    return transfers && !value.isZero() ? GasSchedule.CALL_STIPEND : 0;
  }

  /** CREATE's constant cost, memory expansion, hashing (CREATE2) and init-code words (Shanghai). */
  private long createCost(Fork fork) {
    long cost = GasSchedule.CREATE;
    long words = (length + 31) >>> 5;
    if (length > 0) {
      long newWords = Math.max(memoryWordsBefore, (offset + length + 31) >>> 5);
      cost += GasSchedule.memoryCost(newWords) - GasSchedule.memoryCost(memoryWordsBefore);
    }
    if (op == Opcodes.CREATE2) {
      cost += GasSchedule.KECCAK256_PER_WORD * words;
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      cost += GasSchedule.INITCODE_PER_WORD * words;
    }
    return cost;
  }
}
