package org.linden.evm;

import static org.linden.types.UInt256Math.LIMBS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linden.crypto.Keccak;
import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.evm.precompile.Precompiles;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.linden.types.UInt256Math;

/**
 * The EVM: runs a message and every sub-call it makes. Frames are kept on an explicit
 * stack — a CALL or CREATE suspends the current frame and starts a child, whose result
 * resumes the parent — so call depth never grows the Java stack. Semantics follow
 * execution-specs' {@code vm/interpreter.py} and {@code vm/instructions/*.py}.
 */
public final class Evm {
  public static final int MAX_CALL_DEPTH = 1024;
  public static final int MAX_CODE_SIZE = 24576;
  public static final int MAX_INITCODE_SIZE = 2 * MAX_CODE_SIZE;

  private final WorldState state;
  private final BlockContext block;
  private final TxContext tx;
  private final Fork fork;
  private final GasSchedule gas;
  private final Map<Address, Precompile> precompiles;
  private final Tracer tracer;
  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  public Evm(WorldState state, BlockContext block, TxContext tx, Fork fork, Tracer tracer) {
    this.state = state;
    this.block = block;
    this.tx = tx;
    this.fork = fork;
    this.gas = GasSchedule.of(fork);
    this.precompiles = Precompiles.forFork(fork);
    this.tracer = tracer;
  }

  public Fork fork() {
    return fork;
  }

  public WorldState state() {
    return state;
  }

  public boolean isPrecompile(Address address) {
    return precompiles.containsKey(address);
  }

  /** The result of one step of the frame loop: either a finished frame or a child to start. */
  private sealed interface Step {}

  private record Finished(ExecutionResult result) implements Step {}

  private record Child(Message message) implements Step {}

  /**
   * Executes a top-level message (a transaction's call or creation) and all its
   * sub-calls. Nonce, fee and intrinsic-gas handling belong to the caller.
   */
  public ExecutionResult execute(Message message) {
    ArrayDeque<Frame> frames = new ArrayDeque<>();
    Object started = start(message);
    if (started instanceof ExecutionResult r) {
      return r;
    }
    Frame frame = (Frame) started;
    while (true) {
      Step step = run(frame);
      if (step instanceof Child c) {
        Object child = start(c.message());
        if (child instanceof ExecutionResult r) {
          resume(frame, c.message(), r);
        } else {
          frames.push(frame);
          frame = (Frame) child;
        }
        continue;
      }
      ExecutionResult result = finish(frame, ((Finished) step).result());
      release(frame);
      if (frames.isEmpty()) {
        return result;
      }
      Frame parent = frames.pop();
      resume(parent, frame.message, result);
      frame = parent;
    }
  }

  // ------------------------------------------------------------------ message start/finish

  /** Starts a message: a frame to run, or an immediate result (precompile, empty code). */
  private Object start(Message m) {
    if (tracer != null) {
      tracer.enterFrame(m);
    }
    int snapshot = state.snapshot();
    if (m.kind() == Message.Kind.CREATE) {
      state.createAccount(m.to());
      if (fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
        state.setNonce(m.to(), 1);
      }
    }
    if (fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      state.touch(m.to());
    }
    if (m.transfersValue() && (!m.value().isZero() || fork.isBefore(Fork.SPURIOUS_DRAGON))) {
      transfer(m.caller(), m.to(), m.value());
    }
    if (m.kind() == Message.Kind.CALL && !m.disablePrecompiles()) {
      Precompile p = precompiles.get(m.codeAddress());
      if (p != null) {
        ExecutionResult r = runPrecompile(p, m);
        if (!r.success()) {
          state.revertTo(snapshot);
        }
        return exit(m, r);
      }
    }
    if (m.code().isEmpty() && m.kind() == Message.Kind.CALL) {
      return exit(m, new ExecutionResult(ExecutionResult.Status.SUCCESS, m.gas(), Bytes.EMPTY, null, null));
    }
    SpareFrames spares = SpareFrames.ofCurrentThread();
    return new Frame(m, m.code(), snapshot, spares.stack(), spares.memory());
  }

  /**
   * Hands a finished frame's stack and memory to the thread's {@link SpareFrames}. Not done
   * under a tracer, which may still look at a frame after it has finished.
   */
  private void release(Frame f) {
    if (tracer != null) {
      return;
    }
    SpareFrames.ofCurrentThread().release(f.stack, f.memory);
  }

  private ExecutionResult exit(Message m, ExecutionResult r) {
    if (tracer != null) {
      tracer.exitFrame(m, r);
    }
    return r;
  }

  private ExecutionResult runPrecompile(Precompile p, Message m) {
    long cost = p.gas(m.data(), fork);
    if (cost > m.gas() || cost < 0) {
      return new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null, "out of gas");
    }
    PrecompileResult r;
    try {
      r = p.run(m.data(), fork);
    } catch (RuntimeException e) {
      // A library that throws on bad input must fail the call, never the node.
      r = PrecompileResult.failure(e.getMessage());
    }
    if (!r.success()) {
      return new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null,
          r.reason() == null ? ExceptionalHalt.PRECOMPILE_FAILURE.getMessage() : r.reason());
    }
    return new ExecutionResult(ExecutionResult.Status.SUCCESS, m.gas() - cost, r.output(), null, null);
  }

  /** Completes a frame: code deposit for creations, and reverts on failure. */
  private ExecutionResult finish(Frame f, ExecutionResult r) {
    Message m = f.message;
    if (r.status() == ExecutionResult.Status.SUCCESS && m.kind() == Message.Kind.CREATE) {
      r = depositCode(f, r);
    }
    if (r.status() != ExecutionResult.Status.SUCCESS) {
      state.revertTo(f.snapshot);
    }
    return exit(m, r);
  }

  private ExecutionResult depositCode(Frame f, ExecutionResult r) {
    Bytes code = r.output();
    if (fork.isAtLeast(Fork.LONDON) && !code.isEmpty() && code.getUnsigned(0) == 0xef) {
      return halt(ExceptionalHalt.INVALID_CODE_PREFIX);
    }
    long cost = code.size() * GasSchedule.CODE_DEPOSIT_PER_BYTE;
    long left = r.gasLeft();
    if (cost > left) {
      if (fork.isAtLeast(Fork.HOMESTEAD)) {
        return halt(ExceptionalHalt.CODE_STORE_OUT_OF_GAS);
      }
      // Frontier: the contract is created without code and keeps its gas.
      return new ExecutionResult(ExecutionResult.Status.SUCCESS, left, Bytes.EMPTY, f.message.to(), null);
    }
    if (fork.isAtLeast(Fork.SPURIOUS_DRAGON) && code.size() > MAX_CODE_SIZE) {
      return halt(ExceptionalHalt.CODE_SIZE_EXCEEDED);
    }
    state.setCode(f.message.to(), code);
    return new ExecutionResult(ExecutionResult.Status.SUCCESS, left - cost, Bytes.EMPTY, f.message.to(), null);
  }

  private static ExecutionResult halt(ExceptionalHalt h) {
    return new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null, h.getMessage());
  }

  /** Hands a child's result back to the frame that called it. */
  private void resume(Frame f, Message child, ExecutionResult r) {
    f.gas += r.gasLeft();
    Stack s = f.stack;
    if (child.kind() == Message.Kind.CREATE) {
      if (r.success()) {
        s.push(child.to());
        f.returnData = Bytes.EMPTY;
      } else {
        s.pushLong(0);
        f.returnData = r.status() == ExecutionResult.Status.REVERT ? r.output() : Bytes.EMPTY;
      }
      return;
    }
    f.returnData = r.status() == ExecutionResult.Status.HALT ? Bytes.EMPTY : r.output();
    s.pushBool(r.success());
    if (r.status() != ExecutionResult.Status.HALT) {
      long n = Math.min(f.pendingOutLength, r.output().size());
      if (n > 0) {
        System.arraycopy(r.output().unsafeArray(), 0, f.memory.array(), (int) f.pendingOutOffset, (int) n);
      }
    }
  }

  private void transfer(Address from, Address to, UInt256 value) {
    UInt256 fromBalance = state.getBalance(from);
    state.setBalance(from, fromBalance.sub(value));
    state.setBalance(to, state.getBalance(to).add(value));
  }

  // ------------------------------------------------------------------ the interpreter loop

  /**
   * Runs a frame until it halts or asks for a sub-call. The program counter, the gas left
   * and the stack height live in locals while instructions that touch only the stack and
   * memory run here; they are written back to the frame before any instruction that
   * reaches the world state or another frame ({@link #step}), before a tracer looks, and
   * when the frame stops.
   */
  private Step run(Frame f) {
    final byte[] code = f.code;
    final CodeAnalysis analysis = f.analysis;
    final Tracer tr = tracer;
    // Untraced, dispatch on the fused instruction stream; a tracer sees every instruction.
    final byte[] ops = tr == null ? analysis.ops : code;
    final Stack s = f.stack;
    final long[] d = s.data;
    final long[] codeSteps = gas.step;
    final long[] steps = tr == null ? gas.fusedStep : codeSteps;
    int pc = f.pc;
    long g = f.gas;
    int top = s.top;
    int op = 0;
    long gasBefore = 0;
    // True while the frame, not the locals, holds the state (inside step()).
    boolean inFrame = false;
    try {
      while (true) {
        // Past the end of the code the padding reads as STOP.
        op = ops[pc] & 0xff;
        if (tr != null) {
          if (pc >= f.message.code().size()) {
            // Running off the end is not a step of its own in a trace.
            op = 0;
            f.pc = pc;
            f.gas = g;
            s.top = top;
            return new Finished(new ExecutionResult(ExecutionResult.Status.SUCCESS, g, Bytes.EMPTY, null, null));
          }
          f.pc = pc;
          f.gas = g;
          s.top = top;
          tr.beforeStep(f, op, state.getRefund());
          gasBefore = g;
        }
        // One unsigned comparison covers an undefined opcode, underflow and overflow; which
        // of the three it was is sorted out only when it fails.
        long check = steps[op];
        if (Integer.compareUnsigned(top - GasSchedule.stackMin(check), GasSchedule.stackSpan(check)) > 0
            || GasSchedule.cost(check) > g) {
          // A fused sequence that cannot run whole runs its first instruction alone, which
          // then fails or not exactly as without fusion; any other instruction fails here.
          op = code[pc] & 0xff;
          check = codeSteps[op];
          if (Integer.compareUnsigned(top - GasSchedule.stackMin(check), GasSchedule.stackSpan(check)) > 0) {
            throw invalidStep(op, top);
          }
          if (GasSchedule.cost(check) > g) {
            g = 0;
            throw ExceptionalHalt.OUT_OF_GAS;
          }
        }
        g -= GasSchedule.cost(check);
        final int at = pc;
        pc = at + 1;
        // The offset in d of the top word, and of the one below it.
        final int t0 = (top - 1) << 2;
        final int t1 = t0 - 4;
        Step step = null;
        switch (op) {
          case Opcodes.STOP -> step = new Finished(
              new ExecutionResult(ExecutionResult.Status.SUCCESS, g, Bytes.EMPTY, null, null));
          case Opcodes.ADD -> {
            UInt256Math.add(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.MUL -> {
            UInt256Math.mul(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SUB -> {
            UInt256Math.sub(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.DIV -> {
            UInt256Math.div(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SDIV -> {
            UInt256Math.sdiv(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.MOD -> {
            UInt256Math.mod(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SMOD -> {
            UInt256Math.smod(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.ADDMOD -> {
            UInt256Math.addMod(d, t0, d, t1, d, t1 - 4, d, t1 - 4);
            top -= 2;
          }
          case Opcodes.MULMOD -> {
            UInt256Math.mulMod(d, t0, d, t1, d, t1 - 4, d, t1 - 4);
            top -= 2;
          }
          case Opcodes.EXP -> {
            long c = gas.expPerByte * UInt256Math.byteLength(d, t1);
            if (c > g) {
              g = 0;
              throw ExceptionalHalt.OUT_OF_GAS;
            }
            g -= c;
            UInt256Math.exp(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SIGNEXTEND -> {
            UInt256Math.signExtend(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.LT -> {
            UInt256Math.set(d, t1, UInt256Math.lt(d, t0, d, t1) ? 1 : 0);
            top--;
          }
          case Opcodes.GT -> {
            UInt256Math.set(d, t1, UInt256Math.gt(d, t0, d, t1) ? 1 : 0);
            top--;
          }
          case Opcodes.SLT -> {
            UInt256Math.set(d, t1, UInt256Math.slt(d, t0, d, t1) ? 1 : 0);
            top--;
          }
          case Opcodes.SGT -> {
            UInt256Math.set(d, t1, UInt256Math.sgt(d, t0, d, t1) ? 1 : 0);
            top--;
          }
          case Opcodes.EQ -> {
            UInt256Math.set(d, t1, UInt256Math.eq(d, t0, d, t1) ? 1 : 0);
            top--;
          }
          case Opcodes.ISZERO -> UInt256Math.set(d, t0, UInt256Math.isZero(d, t0) ? 1 : 0);
          case Opcodes.AND -> {
            UInt256Math.and(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.OR -> {
            UInt256Math.or(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.XOR -> {
            UInt256Math.xor(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.NOT -> UInt256Math.not(d, t0, d, t0);
          case Opcodes.BYTE -> {
            UInt256Math.byteAt(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SHL -> {
            UInt256Math.shl(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SHR -> {
            UInt256Math.shr(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.SAR -> {
            UInt256Math.sar(d, t0, d, t1, d, t1);
            top--;
          }
          case Opcodes.CLZ -> UInt256Math.set(d, t0, UInt256Math.numberOfLeadingZeros(d, t0));
          case Opcodes.POP -> top--;
          case Opcodes.MLOAD -> {
            long off = clampedLong(d, t0);
            Memory m = f.memory;
            if (off > m.size() - 32) {
              g = expand(f, g, off, 32);
              if (g < 0) {
                g = 0;
                throw ExceptionalHalt.OUT_OF_GAS;
              }
            }
            UInt256Math.fromBytes(m.array(), (int) off, 32, d, t0);
          }
          case Opcodes.MSTORE -> {
            long off = clampedLong(d, t0);
            Memory m = f.memory;
            if (off > m.size() - 32) {
              g = expand(f, g, off, 32);
              if (g < 0) {
                g = 0;
                throw ExceptionalHalt.OUT_OF_GAS;
              }
            }
            UInt256Math.toBytes32(d, t1, m.array(), (int) off);
            top -= 2;
          }
          case Opcodes.MSTORE8 -> {
            long off = clampedLong(d, t0);
            Memory m = f.memory;
            if (off > m.size() - 1) {
              g = expand(f, g, off, 1);
              if (g < 0) {
                g = 0;
                throw ExceptionalHalt.OUT_OF_GAS;
              }
            }
            m.storeByte(off, (byte) d[t1]);
            top -= 2;
          }
          case Opcodes.JUMP -> {
            long dest = clampedLong(d, t0);
            top--;
            if (!analysis.isJumpDest(dest)) {
              throw ExceptionalHalt.INVALID_JUMP;
            }
            pc = landAt((int) dest, g, tr);
            g -= pc - dest;
          }
          case Opcodes.JUMPI -> {
            long dest = clampedLong(d, t0);
            boolean jump = (d[t1] | d[t1 + 1] | d[t1 + 2] | d[t1 + 3]) != 0;
            top -= 2;
            if (jump) {
              if (!analysis.isJumpDest(dest)) {
                throw ExceptionalHalt.INVALID_JUMP;
              }
              pc = landAt((int) dest, g, tr);
              g -= pc - dest;
            }
          }
          // Fused sequences (FusedOps): the table charged every part, the JUMPDEST of PUSH2_JUMP too.
          case FusedOps.PUSH2_JUMP -> pc = CodeAnalysis.u16(code, at + 1) + 1;
          case FusedOps.PUSH2_JUMPI -> {
            boolean jump = (d[t0] | d[t0 + 1] | d[t0 + 2] | d[t0 + 3]) != 0;
            top--;
            if (jump) {
              int dest = CodeAnalysis.u16(code, at + 1);
              pc = landAt(dest, g, null);
              g -= pc - dest;
            } else {
              pc = at + 4;
            }
          }
          case FusedOps.ISZERO_PUSH2_JUMPI -> {
            boolean jump = (d[t0] | d[t0 + 1] | d[t0 + 2] | d[t0 + 3]) == 0;
            top--;
            if (jump) {
              int dest = CodeAnalysis.u16(code, at + 2);
              pc = landAt(dest, g, null);
              g -= pc - dest;
            } else {
              pc = at + 5;
            }
          }
          case FusedOps.POP_POP -> {
            top -= 2;
            pc = at + 2;
          }
          case FusedOps.POP_JUMP -> {
            long dest = clampedLong(d, t1);
            top -= 2;
            if (!analysis.isJumpDest(dest)) {
              throw ExceptionalHalt.INVALID_JUMP;
            }
            pc = landAt((int) dest, g, null);
            g -= pc - dest;
          }
          case FusedOps.SWAP1_POP -> {
            System.arraycopy(d, t0, d, t1, 4);
            top--;
            pc = at + 2;
          }
          case FusedOps.SWAP2_POP -> {
            System.arraycopy(d, t0, d, t1 - 4, 4);
            top--;
            pc = at + 2;
          }
          case FusedOps.PUSH1_ADD -> {
            long n = code[at + 1] & 0xff;
            long sum = d[t0] + n;
            d[t0] = sum;
            if (Long.compareUnsigned(sum, n) < 0 && ++d[t0 + 1] == 0 && ++d[t0 + 2] == 0) {
              d[t0 + 3]++;
            }
            pc = at + 3;
          }
          case Opcodes.PC -> top = put(d, top, at, 0, 0, 0);
          case Opcodes.MSIZE -> top = put(d, top, f.memory.size(), 0, 0, 0);
          case Opcodes.GAS -> top = put(d, top, g, 0, 0, 0);
          case Opcodes.JUMPDEST -> { }
          case Opcodes.PUSH0 -> top = put(d, top, 0, 0, 0, 0);
          default -> {
            if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
              // The code is padded (CodeAnalysis), so data cut off by the end reads as zeros.
              int n = op - Opcodes.PUSH1 + 1;
              if (n <= 8) {
                // PUSH1..PUSH8 (most pushes in compiled code): one limb, one 8-byte read.
                top = put(d, top, (long) BIG_ENDIAN_LONG.get(code, at + 1) >>> (64 - 8 * n), 0, 0, 0);
              } else if (n == 32) {
                // PUSH32 (masks and sign bits of checked signed arithmetic): four limbs.
                top = put(d, top, (long) BIG_ENDIAN_LONG.get(code, at + 25), (long) BIG_ENDIAN_LONG.get(code, at + 17),
                    (long) BIG_ENDIAN_LONG.get(code, at + 9), (long) BIG_ENDIAN_LONG.get(code, at + 1));
              } else {
                UInt256Math.fromBytes(code, at + 1, n, d, top << 2);
                top++;
              }
              pc = at + 1 + n;
            } else if (op >= Opcodes.DUP1 && op <= Opcodes.DUP16) {
              int src = (top - (op - Opcodes.DUP1 + 1)) << 2;
              top = put(d, top, d[src], d[src + 1], d[src + 2], d[src + 3]);
            } else if (op >= Opcodes.SWAP1 && op <= Opcodes.SWAP16) {
              int b = t0 - ((op - Opcodes.SWAP1 + 1) << 2);
              for (int k = 0; k < 4; k++) {
                long x = d[t0 + k];
                d[t0 + k] = d[b + k];
                d[b + k] = x;
              }
            } else {
              f.pc = pc;
              f.gas = g;
              s.top = top;
              inFrame = true;
              step = step(f, op);
              inFrame = false;
              pc = f.pc;
              g = f.gas;
              top = s.top;
            }
          }
        }
        if (tr != null) {
          f.pc = pc;
          f.gas = g;
          s.top = top;
          tr.afterStep(f, op, gasBefore - g, null);
        }
        if (step != null) {
          f.pc = pc;
          f.gas = g;
          s.top = top;
          return step;
        }
      }
    } catch (ExceptionalHalt h) {
      if (!inFrame) {
        f.pc = pc;
        f.gas = g;
        s.top = top;
      }
      if (tr != null) {
        tr.afterStep(f, op, gasBefore - f.gas, h.getMessage());
      }
      f.gas = 0;
      return new Finished(new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null, h.getMessage()));
    }
  }

  /**
   * The instructions that reach the world state, the call data or other frames, or that
   * are rare in hot code: run on the frame's own pc, gas and stack.
   */
  private Step step(Frame f, int op) {
    final Stack s = f.stack;
    final long[] d = s.data;
    switch (op) {
      case Opcodes.KECCAK256 -> keccak(f);
      case Opcodes.ADDRESS -> s.push(f.message.to());
      case Opcodes.BALANCE -> {
        Address a = s.address(0);
        chargeAccountAccess(f, a);
        s.set(0, state.getBalance(a));
      }
      case Opcodes.ORIGIN -> s.push(tx.origin());
      case Opcodes.CALLER -> s.push(f.message.caller());
      case Opcodes.CALLVALUE -> s.push(f.message.value());
      case Opcodes.CALLDATALOAD -> callDataLoad(f);
      case Opcodes.CALLDATASIZE -> s.pushLong(f.message.data().size());
      case Opcodes.CALLDATACOPY -> copyToMemory(f, f.message.data().unsafeArray());
      case Opcodes.CODESIZE -> s.pushLong(f.message.code().size());
      case Opcodes.CODECOPY -> copyToMemory(f, f.message.code().unsafeArray());
      case Opcodes.GASPRICE -> s.push(tx.gasPrice());
      case Opcodes.EXTCODESIZE -> {
        Address a = s.address(0);
        chargeAccountAccess(f, a);
        UInt256Math.set(d, s.at(0), state.getCode(a).size());
      }
      case Opcodes.EXTCODECOPY -> extCodeCopy(f);
      case Opcodes.RETURNDATASIZE -> s.pushLong(f.returnData.size());
      case Opcodes.RETURNDATACOPY -> returnDataCopy(f);
      case Opcodes.EXTCODEHASH -> {
        Address a = s.address(0);
        chargeAccountAccess(f, a);
        if (state.isEmpty(a)) {
          UInt256Math.set(d, s.at(0), 0);
        } else {
          s.pop();
          s.push(state.getCodeHash(a));
        }
      }
      case Opcodes.BLOCKHASH -> blockHash(s);
      case Opcodes.COINBASE -> s.push(block.coinbase());
      case Opcodes.TIMESTAMP -> s.pushLong(block.timestamp());
      case Opcodes.NUMBER -> s.pushLong(block.number());
      case Opcodes.PREVRANDAO -> s.push(block.prevRandao());
      case Opcodes.GASLIMIT -> s.pushLong(block.gasLimit());
      case Opcodes.CHAINID -> s.push(block.chainId());
      case Opcodes.SELFBALANCE -> s.push(state.getBalance(f.message.to()));
      case Opcodes.BASEFEE -> s.push(block.baseFee());
      case Opcodes.BLOBHASH -> {
        long i = s.clampedLong(0);
        if (i < tx.blobHashes().size()) {
          s.pop();
          s.push(tx.blobHashes().get((int) i));
        } else {
          UInt256Math.set(d, s.at(0), 0);
        }
      }
      case Opcodes.BLOBBASEFEE -> s.push(block.blobBaseFee());
      case Opcodes.SLOAD -> sload(f);
      case Opcodes.SSTORE -> sstore(f);
      case Opcodes.TLOAD -> {
        UInt256 slot = s.peek(0);
        s.set(0, state.getTransientStorage(f.message.to(), slot));
      }
      case Opcodes.TSTORE -> {
        if (f.message.isStatic()) {
          throw ExceptionalHalt.WRITE_PROTECTION;
        }
        state.setTransientStorage(f.message.to(), s.peek(0), s.peek(1));
        s.top -= 2;
      }
      case Opcodes.MCOPY -> mcopy(f);
      case Opcodes.RETURN, Opcodes.REVERT -> {
        long off = s.clampedLong(0);
        long len = s.clampedLong(1);
        s.top -= 2;
        f.expandMemory(off, len);
        Bytes out = f.memory.slice(off, len);
        return new Finished(new ExecutionResult(
            op == Opcodes.RETURN ? ExecutionResult.Status.SUCCESS : ExecutionResult.Status.REVERT,
            f.gas, out, null, null));
      }
      case Opcodes.INVALID -> throw ExceptionalHalt.INVALID_OPCODE;
      case Opcodes.SELFDESTRUCT -> {
        return selfDestruct(f);
      }
      case Opcodes.CREATE, Opcodes.CREATE2 -> {
        return create(f, op);
      }
      case Opcodes.CALL, Opcodes.CALLCODE, Opcodes.DELEGATECALL, Opcodes.STATICCALL -> {
        return call(f, op);
      }
      default -> {
        if (op >= Opcodes.LOG0 && op <= Opcodes.LOG4) {
          log(f, op - Opcodes.LOG0);
        } else {
          throw ExceptionalHalt.INVALID_OPCODE;
        }
      }
    }
    return null;
  }

  /**
   * Where a jump to a JUMPDEST continues: past the JUMPDEST, whose single gas the caller
   * then charges ({@code pc - dest}), when nothing traces the steps and the gas is there;
   * otherwise at the JUMPDEST, which then runs as an instruction of its own.
   */
  private static int landAt(int dest, long gasLeft, Tracer tracer) {
    return tracer == null && gasLeft >= GasSchedule.JUMPDEST ? dest + 1 : dest;
  }

  /** Writes a word at stack height {@code top}; returns the new height. */
  private static int put(long[] d, int top, long u0, long u1, long u2, long u3) {
    int i = top << 2;
    d[i] = u0;
    d[i + 1] = u1;
    d[i + 2] = u2;
    d[i + 3] = u3;
    return top + 1;
  }

  /** The word at offset {@code i} of the stack array as a long, or {@link Long#MAX_VALUE} if above 2^63-1. */
  private static long clampedLong(long[] d, int i) {
    if ((d[i + 1] | d[i + 2] | d[i + 3]) != 0 || d[i] < 0) {
      return Long.MAX_VALUE;
    }
    return d[i];
  }

  /**
   * Charges for and grows memory to cover {@code [off, off+len)}, {@code len > 0}; returns
   * the gas left, or -1 if the gas does not cover it (the caller halts with out-of-gas).
   */
  private static long expand(Frame f, long g, long off, long len) {
    if (off == Long.MAX_VALUE || off + len > 0xFFFF_FFFFL) {
      return -1;
    }
    Memory m = f.memory;
    long newWords = m.wordsAfter(off, len);
    long oldWords = m.words();
    if (newWords > oldWords) {
      long c = GasSchedule.memoryCost(newWords) - GasSchedule.memoryCost(oldWords);
      if (c > g) {
        return -1;
      }
      g -= c;
      m.ensure(off, len);
    }
    return g;
  }


  /** Why an instruction cannot run: undefined in this fork, stack underflow or overflow. */
  private ExceptionalHalt invalidStep(int op, int size) {
    if (!gas.defined[op]) {
      return ExceptionalHalt.INVALID_OPCODE;
    }
    return size < StackEffects.IN[op] ? ExceptionalHalt.STACK_UNDERFLOW : ExceptionalHalt.STACK_OVERFLOW;
  }


  // ------------------------------------------------------------------ instructions with dynamic gas

  private void chargeAccountAccess(Frame f, Address a) {
    if (gas.accessLists) {
      f.charge(state.warmAddress(a) ? GasSchedule.WARM_ACCESS : GasSchedule.COLD_ACCOUNT_ACCESS);
    }
  }

  private void keccak(Frame f) {
    Stack s = f.stack;
    long off = s.clampedLong(0);
    long len = s.clampedLong(1);
    f.charge(saturatingMul(GasSchedule.KECCAK256_PER_WORD, words(len)));
    f.expandMemory(off, len);
    s.pop();
    byte[] h = len == 0 ? Keccak.EMPTY_HASH.bytes().unsafeArray()
        : Keccak.digest(f.memory.array(), (int) off, (int) len);
    s.set(0, 0, 0, 0, 0);
    UInt256Math.fromBytes(h, 0, 32, s.data, s.at(0));
  }

  private void callDataLoad(Frame f) {
    Stack s = f.stack;
    long off = s.clampedLong(0);
    byte[] data = f.message.data().unsafeArray();
    byte[] word = new byte[32];
    if (off < data.length) {
      System.arraycopy(data, (int) off, word, 0, (int) Math.min(32, data.length - off));
    }
    UInt256Math.fromBytes(word, 0, 32, s.data, s.at(0));
  }

  /** CALLDATACOPY and CODECOPY: memOffset, srcOffset, length. */
  private void copyToMemory(Frame f, byte[] src) {
    Stack s = f.stack;
    long memOff = s.clampedLong(0);
    long srcOff = s.clampedLong(1);
    long len = s.clampedLong(2);
    s.top -= 3;
    f.charge(saturatingMul(GasSchedule.COPY_PER_WORD, words(len)));
    f.expandMemory(memOff, len);
    f.memory.copyPadded(memOff, src, srcOff, len);
  }

  private void extCodeCopy(Frame f) {
    Stack s = f.stack;
    Address a = s.address(0);
    long memOff = s.clampedLong(1);
    long srcOff = s.clampedLong(2);
    long len = s.clampedLong(3);
    s.top -= 4;
    f.charge(saturatingMul(GasSchedule.COPY_PER_WORD, words(len)));
    f.expandMemory(memOff, len);
    chargeAccountAccess(f, a);
    f.memory.copyPadded(memOff, state.getCode(a).unsafeArray(), srcOff, len);
  }

  private void returnDataCopy(Frame f) {
    Stack s = f.stack;
    long memOff = s.clampedLong(0);
    long srcOff = s.clampedLong(1);
    long len = s.clampedLong(2);
    s.top -= 3;
    f.charge(saturatingMul(GasSchedule.COPY_PER_WORD, words(len)));
    if (srcOff == Long.MAX_VALUE || len == Long.MAX_VALUE || srcOff + len > f.returnData.size()) {
      throw ExceptionalHalt.RETURN_DATA_OUT_OF_BOUNDS;
    }
    f.expandMemory(memOff, len);
    f.memory.copyPadded(memOff, f.returnData.unsafeArray(), srcOff, len);
  }

  private void mcopy(Frame f) {
    Stack s = f.stack;
    long dst = s.clampedLong(0);
    long src = s.clampedLong(1);
    long len = s.clampedLong(2);
    s.top -= 3;
    f.charge(saturatingMul(GasSchedule.COPY_PER_WORD, words(len)));
    if (len > 0) {
      f.expandMemory(Math.max(dst, src), len);
    }
    f.memory.copyWithin(dst, src, len);
  }

  private void blockHash(Stack s) {
    long n = s.clampedLong(0);
    long current = block.number();
    if (n >= current || current - n > 256) {
      UInt256Math.set(s.data, s.at(0), 0);
      return;
    }
    Hash h = block.blockHashes().apply(n);
    s.pop();
    s.push(h == null ? Hash.ZERO : h);
  }

  private void log(Frame f, int topics) {
    Stack s = f.stack;
    if (f.message.isStatic()) {
      throw ExceptionalHalt.WRITE_PROTECTION;
    }
    long off = s.clampedLong(0);
    long len = s.clampedLong(1);
    f.charge(saturatingMul(GasSchedule.LOG_DATA, len));
    f.expandMemory(off, len);
    List<Hash> t = new ArrayList<>(topics);
    for (int i = 0; i < topics; i++) {
      t.add(Hash.wrap(s.bytes32(2 + i)));
    }
    s.top -= 2 + topics;
    state.addLog(new Log(f.message.to(), t, f.memory.slice(off, len)));
  }

  private void sload(Frame f) {
    Stack s = f.stack;
    UInt256 slot = s.peek(0);
    Address self = f.message.to();
    if (gas.accessLists) {
      f.charge(state.warmSlot(self, slot) ? GasSchedule.WARM_ACCESS : GasSchedule.COLD_SLOAD);
    }
    s.set(0, state.getStorage(self, slot));
  }

  private void sstore(Frame f) {
    Stack s = f.stack;
    Address self = f.message.to();
    UInt256 slot = s.peek(0);
    UInt256 value = s.peek(1);
    s.top -= 2;
    if (fork.isAtLeast(Fork.ISTANBUL) && f.gas <= GasSchedule.CALL_STIPEND) {
      throw ExceptionalHalt.OUT_OF_GAS;
    }
    UInt256 current = state.getStorage(self, slot);
    long cost = 0;
    if (gas.accessLists && !state.warmSlot(self, slot)) {
      cost += GasSchedule.COLD_SLOAD;
    }
    boolean netMetering = fork.isAtLeast(Fork.ISTANBUL) || fork == Fork.CONSTANTINOPLE;
    if (netMetering) {
      UInt256 original = state.getOriginalStorage(self, slot);
      long warmRead = gas.accessLists ? GasSchedule.WARM_ACCESS : fork.isAtLeast(Fork.ISTANBUL) ? 800 : 200;
      if (original.equals(current) && !current.equals(value)) {
        cost += original.isZero() ? gas.sstoreSet : gas.sstoreReset;
      } else {
        cost += warmRead;
      }
      f.charge(cost);
      if (f.message.isStatic()) {
        throw ExceptionalHalt.WRITE_PROTECTION;
      }
      if (!current.equals(value)) {
        if (!original.isZero() && !current.isZero() && value.isZero()) {
          state.addRefund(gas.sstoreClearRefund);
        }
        if (!original.isZero() && current.isZero()) {
          state.subtractRefund(gas.sstoreClearRefund);
        }
        if (original.equals(value)) {
          state.addRefund(original.isZero() ? gas.sstoreSet - warmRead : gas.sstoreReset - warmRead);
        }
      }
    } else {
      cost += current.isZero() && !value.isZero() ? gas.sstoreSet : gas.sstoreReset;
      f.charge(cost);
      if (f.message.isStatic()) {
        throw ExceptionalHalt.WRITE_PROTECTION;
      }
      if (!current.isZero() && value.isZero()) {
        state.addRefund(gas.sstoreClearRefund);
      }
    }
    state.setStorage(self, slot, value);
  }

  private Step selfDestruct(Frame f) {
    Stack s = f.stack;
    Address beneficiary = s.address(0);
    s.pop();
    Address self = f.message.to();
    long cost = 0;
    if (gas.accessLists && !state.warmAddress(beneficiary)) {
      cost += GasSchedule.COLD_ACCOUNT_ACCESS;
    }
    if (fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      if (state.isEmpty(beneficiary) && !state.getBalance(self).isZero()) {
        cost += GasSchedule.NEW_ACCOUNT;
      }
    } else if (fork.isAtLeast(Fork.TANGERINE_WHISTLE) && !state.exists(beneficiary)) {
      cost += GasSchedule.NEW_ACCOUNT;
    }
    f.charge(cost);
    if (f.message.isStatic()) {
      throw ExceptionalHalt.WRITE_PROTECTION;
    }
    UInt256 balance = state.getBalance(self);
    if (fork.isAtLeast(Fork.CANCUN)) {
      if (!beneficiary.equals(self)) {
        transfer(self, beneficiary, balance);
      }
      if (state.createdInTransaction(self)) {
        state.setBalance(self, UInt256.ZERO);
        state.markDestructed(self);
      }
    } else {
      if (!state.isDestructed(self) && gas.selfDestructRefund > 0) {
        state.addRefund(gas.selfDestructRefund);
      }
      state.setBalance(beneficiary, state.getBalance(beneficiary).add(balance));
      state.setBalance(self, UInt256.ZERO);
      state.markDestructed(self);
    }
    if (fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      state.touch(beneficiary);
    }
    return new Finished(new ExecutionResult(ExecutionResult.Status.SUCCESS, f.gas, Bytes.EMPTY, null, null));
  }

  private long allButOne64th(long g) {
    return gas.allButOne64th ? g - g / 64 : g;
  }

  private Step create(Frame f, int op) {
    Stack s = f.stack;
    UInt256 value = s.peek(0);
    long off = s.clampedLong(1);
    long len = s.clampedLong(2);
    UInt256 salt = op == Opcodes.CREATE2 ? s.peek(3) : null;
    s.top -= op == Opcodes.CREATE2 ? 4 : 3;
    long extra = 0;
    if (op == Opcodes.CREATE2) {
      extra = saturatingMul(GasSchedule.KECCAK256_PER_WORD, words(len));
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      extra = saturatingAdd(extra, saturatingMul(GasSchedule.INITCODE_PER_WORD, words(len)));
    }
    f.charge(extra);
    f.expandMemory(off, len);
    if (fork.isAtLeast(Fork.SHANGHAI) && len > MAX_INITCODE_SIZE) {
      throw ExceptionalHalt.OUT_OF_GAS;
    }
    Bytes initCode = f.memory.slice(off, len);
    long childGas = allButOne64th(f.gas);
    f.gas -= childGas;
    if (f.message.isStatic()) {
      throw ExceptionalHalt.WRITE_PROTECTION;
    }
    f.returnData = Bytes.EMPTY;
    Address self = f.message.to();
    long nonce = state.getNonce(self);
    if (UInt256.compareUnsigned(state.getBalance(self), value) < 0 || nonce == -1L
        || f.message.depth() + 1 > MAX_CALL_DEPTH) {
      f.gas += childGas;
      s.pushLong(0);
      return null;
    }
    Address address = op == Opcodes.CREATE
        ? ContractAddress.of(self, nonce)
        : ContractAddress.of2(self, salt.toBytes32(), initCode);
    if (gas.accessLists) {
      state.warmAddress(address);
    }
    if (hasCodeOrNonce(address)) {
      state.setNonce(self, nonce + 1);
      s.pushLong(0);
      return null;
    }
    state.setNonce(self, nonce + 1);
    return new Child(new Message(Message.Kind.CREATE, self, address, address, value, true, Bytes.EMPTY, initCode,
        childGas, f.message.depth() + 1, false, false));
  }

  /** EIP-684 (and EIP-7610): an address with code, a nonce or storage cannot be created at. */
  public boolean hasCodeOrNonce(Address address) {
    return state.getNonce(address) != 0 || !state.getCode(address).isEmpty() || state.hasStorage(address);
  }

  private Step call(Frame f, int op) {
    Stack s = f.stack;
    long gasArg = s.clampedLong(0);
    Address target = s.address(1);
    boolean hasValue = op == Opcodes.CALL || op == Opcodes.CALLCODE;
    int base = hasValue ? 3 : 2;
    UInt256 value = hasValue ? s.peek(2) : UInt256.ZERO;
    long inOff = s.clampedLong(base);
    long inLen = s.clampedLong(base + 1);
    long outOff = s.clampedLong(base + 2);
    long outLen = s.clampedLong(base + 3);
    s.top -= base + 4;

    // Memory for both the input and the output region is paid for up front.
    long memCost = memoryExpansionCost(f, inOff, inLen, outOff, outLen);
    long extra = 0;
    if (gas.accessLists) {
      extra += state.warmAddress(target) ? GasSchedule.WARM_ACCESS : GasSchedule.COLD_ACCOUNT_ACCESS;
    }
    Address codeAddress = target;
    Bytes code = state.getCode(target);
    boolean delegated = false;
    if (fork.isAtLeast(Fork.PRAGUE)) {
      var delegate = Delegation.target(code);
      if (delegate.isPresent()) {
        delegated = true;
        codeAddress = delegate.get();
        extra += state.warmAddress(codeAddress) ? GasSchedule.WARM_ACCESS : GasSchedule.COLD_ACCOUNT_ACCESS;
        code = state.getCode(codeAddress);
      }
    }
    if (op == Opcodes.CALL) {
      boolean newAccount = fork.isAtLeast(Fork.SPURIOUS_DRAGON)
          ? !value.isZero() && state.isEmpty(target)
          : !state.exists(target);
      if (newAccount) {
        extra += GasSchedule.NEW_ACCOUNT;
      }
    }
    if (!value.isZero()) {
      extra += GasSchedule.CALL_VALUE;
    }
    long stipend = value.isZero() ? 0 : GasSchedule.CALL_STIPEND;
    long childGas;
    long cost;
    if (gas.allButOne64th) {
      if (f.gas < saturatingAdd(extra, memCost)) {
        childGas = gasArg;
        cost = saturatingAdd(gasArg, extra);
      } else {
        childGas = Math.min(gasArg, allButOne64th(f.gas - memCost - extra));
        cost = childGas + extra;
      }
    } else {
      childGas = gasArg;
      cost = saturatingAdd(gasArg, extra);
    }
    f.charge(saturatingAdd(cost, memCost));
    if (op == Opcodes.CALL && f.message.isStatic() && !value.isZero()) {
      throw ExceptionalHalt.WRITE_PROTECTION;
    }
    if (inLen > 0) {
      f.memory.ensure(inOff, inLen);
    }
    if (outLen > 0) {
      f.memory.ensure(outOff, outLen);
    }
    long subGas = childGas + stipend;
    f.returnData = Bytes.EMPTY;
    Address self = f.message.to();
    if (hasValue && UInt256.compareUnsigned(state.getBalance(self), value) < 0) {
      f.gas += subGas;
      s.pushLong(0);
      return null;
    }
    if (f.message.depth() + 1 > MAX_CALL_DEPTH) {
      f.gas += subGas;
      s.pushLong(0);
      return null;
    }
    Bytes input = f.memory.slice(inOff, inLen);
    f.pendingOutOffset = outOff;
    f.pendingOutLength = outLen;
    Message child = switch (op) {
      case Opcodes.CALL -> new Message(Message.Kind.CALL, self, target, codeAddress, value, true, input, code,
          subGas, f.message.depth() + 1, f.message.isStatic(), delegated);
      case Opcodes.CALLCODE -> new Message(Message.Kind.CALL, self, self, codeAddress, value, true, input, code,
          subGas, f.message.depth() + 1, f.message.isStatic(), delegated);
      case Opcodes.DELEGATECALL -> new Message(Message.Kind.CALL, f.message.caller(), self, codeAddress,
          f.message.value(), false, input, code, subGas, f.message.depth() + 1, f.message.isStatic(), delegated);
      default -> new Message(Message.Kind.CALL, self, target, codeAddress, UInt256.ZERO, true, input, code,
          subGas, f.message.depth() + 1, true, delegated);
    };
    return new Child(child);
  }

  /** Gas to expand memory over two regions (a call's input and output), without expanding yet. */
  private static long memoryExpansionCost(Frame f, long off1, long len1, long off2, long len2) {
    long words = f.memory.words();
    for (long[] r : new long[][] {{off1, len1}, {off2, len2}}) {
      if (r[1] == 0) {
        continue;
      }
      if (r[0] == Long.MAX_VALUE || r[1] == Long.MAX_VALUE || r[0] + r[1] > 0xFFFF_FFFFL) {
        return Long.MAX_VALUE;
      }
      words = Math.max(words, (r[0] + r[1] + 31) >>> 5);
    }
    return GasSchedule.memoryCost(words) - GasSchedule.memoryCost(f.memory.words());
  }

  static long words(long bytes) {
    return bytes == Long.MAX_VALUE ? Long.MAX_VALUE / 32 : (bytes + 31) >>> 5;
  }

  static long saturatingMul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  static {
    // Layout assumption shared with the stack: four limbs per word.
    if (LIMBS != 4) {
      throw new AssertionError("unexpected limb count");
    }
  }
}
