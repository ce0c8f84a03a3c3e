package org.linden.evm;

import static org.linden.types.UInt256Math.LIMBS;

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
  /** Stacks and memories of finished frames, reused by the next frames (see {@link #release}). */
  private final ArrayDeque<Stack> spareStacks = new ArrayDeque<>();
  private final ArrayDeque<Memory> spareMemories = new ArrayDeque<>();
  private static final int MAX_SPARE_FRAMES = 16;
  private static final int MAX_SPARE_MEMORY = 64 * 1024;

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
    Stack stack = spareStacks.poll();
    Memory memory = spareMemories.poll();
    return new Frame(m, m.code(), snapshot, stack != null ? stack : new Stack(), memory != null ? memory : new Memory());
  }

  /**
   * Keeps a finished frame's stack and memory for the next frames: a stack is 32 KiB, and
   * a contract that makes thousands of calls would otherwise allocate and zero one per
   * call, and grow a new memory from nothing each time. Words above the stack's top are
   * never read, so a stack is reused as it is; memory is zeroed where it was used, and
   * kept only when small. Not done under a tracer, which may still look at a frame after
   * it has finished.
   */
  private void release(Frame f) {
    if (tracer != null) {
      return;
    }
    if (spareStacks.size() < MAX_SPARE_FRAMES) {
      f.stack.top = 0;
      spareStacks.push(f.stack);
    }
    if (spareMemories.size() < MAX_SPARE_FRAMES && f.memory.capacity() <= MAX_SPARE_MEMORY) {
      f.memory.clear();
      spareMemories.push(f.memory);
    }
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

  /** Runs a frame until it halts or asks for a sub-call. */
  private Step run(Frame f) {
    final byte[] code = f.code;
    final Stack s = f.stack;
    final long[] d = s.data;
    final long[] staticCost = gas.staticCost;
    final int[] stackMin = gas.stackMin;
    final int[] stackSpan = gas.stackSpan;
    int op = 0;
    long gasBefore = 0;
    try {
      while (true) {
        int pc = f.pc;
        if (pc >= code.length) {
          return new Finished(new ExecutionResult(ExecutionResult.Status.SUCCESS, f.gas, Bytes.EMPTY, null, null));
        }
        op = code[pc] & 0xff;
        if (tracer != null) {
          tracer.beforeStep(f, op, state.getRefund());
          gasBefore = f.gas;
        }
        // One unsigned comparison covers an undefined opcode, underflow and overflow; which
        // of the three it was is sorted out only when it fails.
        if (Integer.compareUnsigned(s.top - stackMin[op], stackSpan[op]) > 0) {
          throw invalidStep(op, s.top);
        }
        f.charge(staticCost[op]);
        f.pc = pc + 1;
        Step step = null;
        switch (op) {
          case Opcodes.STOP -> step = new Finished(
              new ExecutionResult(ExecutionResult.Status.SUCCESS, f.gas, Bytes.EMPTY, null, null));
          case Opcodes.ADD -> {
            UInt256Math.add(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.MUL -> {
            UInt256Math.mul(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SUB -> {
            UInt256Math.sub(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.DIV -> {
            UInt256Math.div(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SDIV -> {
            UInt256Math.sdiv(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.MOD -> {
            UInt256Math.mod(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SMOD -> {
            UInt256Math.smod(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.ADDMOD -> {
            UInt256Math.addMod(d, s.at(0), d, s.at(1), d, s.at(2), d, s.at(2));
            s.top -= 2;
          }
          case Opcodes.MULMOD -> {
            UInt256Math.mulMod(d, s.at(0), d, s.at(1), d, s.at(2), d, s.at(2));
            s.top -= 2;
          }
          case Opcodes.EXP -> {
            f.charge(gas.expPerByte * UInt256Math.byteLength(d, s.at(1)));
            UInt256Math.exp(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SIGNEXTEND -> {
            UInt256Math.signExtend(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.LT -> compare(s, d, UInt256Math.lt(d, s.at(0), d, s.at(1)));
          case Opcodes.GT -> compare(s, d, UInt256Math.gt(d, s.at(0), d, s.at(1)));
          case Opcodes.SLT -> compare(s, d, UInt256Math.slt(d, s.at(0), d, s.at(1)));
          case Opcodes.SGT -> compare(s, d, UInt256Math.sgt(d, s.at(0), d, s.at(1)));
          case Opcodes.EQ -> compare(s, d, UInt256Math.eq(d, s.at(0), d, s.at(1)));
          case Opcodes.ISZERO -> UInt256Math.set(d, s.at(0), UInt256Math.isZero(d, s.at(0)) ? 1 : 0);
          case Opcodes.AND -> {
            UInt256Math.and(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.OR -> {
            UInt256Math.or(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.XOR -> {
            UInt256Math.xor(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.NOT -> UInt256Math.not(d, s.at(0), d, s.at(0));
          case Opcodes.BYTE -> {
            UInt256Math.byteAt(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SHL -> {
            UInt256Math.shl(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SHR -> {
            UInt256Math.shr(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.SAR -> {
            UInt256Math.sar(d, s.at(0), d, s.at(1), d, s.at(1));
            s.top--;
          }
          case Opcodes.CLZ -> UInt256Math.set(d, s.at(0), UInt256Math.numberOfLeadingZeros(d, s.at(0)));
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
          case Opcodes.CODESIZE -> s.pushLong(code.length);
          case Opcodes.CODECOPY -> copyToMemory(f, code);
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
          case Opcodes.POP -> s.pop();
          case Opcodes.MLOAD -> {
            long off = s.clampedLong(0);
            f.expandMemory(off, 32);
            UInt256Math.fromBytes(f.memory.array(), (int) off, 32, d, s.at(0));
          }
          case Opcodes.MSTORE -> {
            long off = s.clampedLong(0);
            f.expandMemory(off, 32);
            UInt256Math.toBytes32(d, s.at(1), f.memory.array(), (int) off);
            s.top -= 2;
          }
          case Opcodes.MSTORE8 -> {
            long off = s.clampedLong(0);
            f.expandMemory(off, 1);
            f.memory.storeByte(off, (byte) d[s.at(1)]);
            s.top -= 2;
          }
          case Opcodes.SLOAD -> sload(f);
          case Opcodes.SSTORE -> sstore(f);
          case Opcodes.JUMP -> {
            long dest = s.clampedLong(0);
            s.pop();
            if (!f.jumpDests.isValid(dest)) {
              throw ExceptionalHalt.INVALID_JUMP;
            }
            f.pc = (int) dest;
          }
          case Opcodes.JUMPI -> {
            long dest = s.clampedLong(0);
            boolean cond = !s.isZero(1);
            s.top -= 2;
            if (cond) {
              if (!f.jumpDests.isValid(dest)) {
                throw ExceptionalHalt.INVALID_JUMP;
              }
              f.pc = (int) dest;
            }
          }
          case Opcodes.PC -> s.pushLong(pc);
          case Opcodes.MSIZE -> s.pushLong(f.memory.size());
          case Opcodes.GAS -> s.pushLong(f.gas);
          case Opcodes.JUMPDEST -> { }
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
          case Opcodes.PUSH0 -> s.pushLong(0);
          case Opcodes.RETURN, Opcodes.REVERT -> {
            long off = s.clampedLong(0);
            long len = s.clampedLong(1);
            s.top -= 2;
            f.expandMemory(off, len);
            Bytes out = f.memory.slice(off, len);
            step = new Finished(new ExecutionResult(
                op == Opcodes.RETURN ? ExecutionResult.Status.SUCCESS : ExecutionResult.Status.REVERT,
                f.gas, out, null, null));
          }
          case Opcodes.INVALID -> throw ExceptionalHalt.INVALID_OPCODE;
          case Opcodes.SELFDESTRUCT -> step = selfDestruct(f);
          case Opcodes.CREATE, Opcodes.CREATE2 -> step = create(f, op);
          case Opcodes.CALL, Opcodes.CALLCODE, Opcodes.DELEGATECALL, Opcodes.STATICCALL -> step = call(f, op);
          default -> {
            if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
              int n = op - Opcodes.PUSH1 + 1;
              int start = pc + 1;
              if (n <= 8 && start + n <= code.length) {
                // PUSH1..PUSH8 (most pushes in compiled code): one limb, read directly.
                long v = 0;
                for (int k = start; k < start + n; k++) {
                  v = (v << 8) | (code[k] & 0xffL);
                }
                s.push(v, 0, 0, 0);
                f.pc = start + n;
                break;
              }
              if (n == 32 && start + 32 <= code.length) {
                // PUSH32 (masks and sign bits of checked signed arithmetic): four limbs.
                s.push(bigEndianLong(code, start + 24), bigEndianLong(code, start + 16),
                    bigEndianLong(code, start + 8), bigEndianLong(code, start));
                f.pc = start + 32;
                break;
              }
              int avail = Math.max(0, Math.min(n, code.length - start));
              // Bytes past the end of the code read as zero: shift the available ones up.
              UInt256Math.fromBytes(code, start, avail, d, s.top << 2);
              s.top++;
              if (avail < n) {
                UInt256Math.shl(8 * (n - avail), d, s.at(0), d, s.at(0));
              }
              f.pc = pc + 1 + n;
            } else if (op >= Opcodes.DUP1 && op <= Opcodes.DUP16) {
              s.dup(op - Opcodes.DUP1 + 1);
            } else if (op >= Opcodes.SWAP1 && op <= Opcodes.SWAP16) {
              s.swap(op - Opcodes.SWAP1 + 1);
            } else if (op >= Opcodes.LOG0 && op <= Opcodes.LOG4) {
              log(f, op - Opcodes.LOG0);
            } else {
              throw ExceptionalHalt.INVALID_OPCODE;
            }
          }
        }
        if (tracer != null) {
          tracer.afterStep(f, op, gasBefore - f.gas, null);
        }
        if (step != null) {
          return step;
        }
      }
    } catch (ExceptionalHalt h) {
      if (tracer != null) {
        tracer.afterStep(f, op, gasBefore - f.gas, h.getMessage());
      }
      f.gas = 0;
      return new Finished(new ExecutionResult(ExecutionResult.Status.HALT, 0, Bytes.EMPTY, null, h.getMessage()));
    }
  }

  /** The 8 bytes at {@code code[i..i+8)} as a big-endian long. */
  private static long bigEndianLong(byte[] code, int i) {
    return (code[i] & 0xffL) << 56 | (code[i + 1] & 0xffL) << 48 | (code[i + 2] & 0xffL) << 40
        | (code[i + 3] & 0xffL) << 32 | (code[i + 4] & 0xffL) << 24 | (code[i + 5] & 0xffL) << 16
        | (code[i + 6] & 0xffL) << 8 | (code[i + 7] & 0xffL);
  }

  /** Why an instruction cannot run: undefined in this fork, stack underflow or overflow. */
  private ExceptionalHalt invalidStep(int op, int size) {
    if (!gas.defined[op]) {
      return ExceptionalHalt.INVALID_OPCODE;
    }
    return size < StackEffects.IN[op] ? ExceptionalHalt.STACK_UNDERFLOW : ExceptionalHalt.STACK_OVERFLOW;
  }

  private static void compare(Stack s, long[] d, boolean result) {
    s.top--;
    UInt256Math.set(d, s.at(0), result ? 1 : 0);
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
