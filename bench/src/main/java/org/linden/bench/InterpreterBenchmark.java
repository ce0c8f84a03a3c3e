package org.linden.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linden.evm.BlockContext;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Message;
import org.linden.evm.TxContext;
import org.linden.evm.state.CodeOnlyState;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The interpreter on compute-heavy loops written in bytecode: each program counts a
 * counter down from {@code N} and runs a body per iteration. Reports the time of one
 * whole program; divide by the iterations for the cost of one body.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InterpreterBenchmark {
  private static final Address CONTRACT = Address.fromNumber(0xc0de);

  /** Loop bodies, each leaving the stack as it found it (the counter on top). */
  public enum Program {
    // DUP1 DUP1 MUL DUP2 ADD PUSH1 0x2a XOR PUSH1 3 SHL PUSH2 0x1234 DIV POP
    ARITHMETIC("808002810160" + "2a" + "18" + "6003" + "1b" + "611234" + "04" + "50", 100_000),
    // DUP1 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 KECCAK256 POP
    KECCAK("80600052" + "60206000" + "20" + "50", 20_000),
    // PUSH2 0x0400 PUSH1 0 PUSH2 0x0800 MCOPY: copy 1 KiB within memory
    MEMORY_COPY("610400" + "6000" + "610800" + "5e", 20_000),
    // DUP1 DUP1 SSTORE DUP1 SLOAD POP: a new slot per iteration, read back
    STORAGE("808055" + "8054" + "50", 5_000);

    final Bytes code;
    final int iterations;

    Program(String body, int iterations) {
      this.iterations = iterations;
      // PUSH3 N; loop: JUMPDEST body PUSH1 1 SWAP1 SUB DUP1 PUSH1 4 JUMPI STOP
      String n = String.format("%06x", iterations);
      this.code = Bytes.fromHex("62" + n + "5b" + body + "6001" + "90" + "03" + "80" + "6004" + "57" + "00");
    }
  }

  @Param({"ARITHMETIC", "KECCAK", "MEMORY_COPY", "STORAGE"})
  public Program program;

  private StateReader backend;
  private BlockContext block;

  @Setup
  public void setup() {
    backend = CodeOnlyState.of(CONTRACT, program.code);
    block = new BlockContext(Address.ZERO, 1, 1, 1_000_000_000L, UInt256.ZERO, UInt256.ZERO, UInt256.ONE,
        UInt256.ONE, n -> Hash.ZERO);
    ExecutionResult check = run();
    if (!check.success()) {
      throw new IllegalStateException(program + " does not run: " + check.error());
    }
  }

  @Benchmark
  public ExecutionResult run() {
    JournaledWorldState state = new JournaledWorldState(backend);
    state.beginTransaction();
    Evm evm = new Evm(state, block, new TxContext(Address.ZERO, UInt256.ZERO, List.of()), Fork.OSAKA, null);
    return evm.execute(new Message(Message.Kind.CALL, Address.ZERO, CONTRACT, CONTRACT, UInt256.ZERO, true,
        Bytes.EMPTY, program.code, 1_000_000_000L, 0, false, false));
  }
}
