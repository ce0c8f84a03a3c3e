package org.linden.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.evm.state.CodeOnlyState;
import org.linden.evm.state.JournaledWorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Fused sequences run exactly as their parts: every program here runs untraced (fused)
 * and under a tracer (one instruction at a time) with every gas limit from zero to more
 * than it needs, and both runs must end the same way — status, gas left, output, error.
 */
class FusedOpsTest {
  private static final Address SELF = Address.fromNumber(0xc0de);
  private static final Tracer EVERY_STEP = new Tracer() {};

  // A count-down loop with all three fusions, returning the GAS it has left at the end:
  // 00 PUSH1 3 | 02 JUMPDEST | 03 DUP1 | 04 ISZERO PUSH2 0x16 JUMPI | 09 PUSH1 1 SWAP1 SUB
  // 0d DUP1 | 0e PUSH2 0x02 JUMPI | 12 PUSH2 0x02 JUMP | 16 JUMPDEST GAS PUSH1 0 MSTORE
  // 1b PUSH1 32 PUSH1 0 RETURN
  private static final Bytes LOOP = Bytes.fromHex(
      "6003" + "5b" + "80" + "15610016" + "57" + "600190" + "03" + "80" + "61000257" + "61000256"
          + "5b5a600052" + "60206000f3");

  @Test
  void theLoopIsFusedWhereExpected() {
    byte[] ops = CodeAnalysis.of(LOOP).ops;
    assertThat(ops[0x04] & 0xff).isEqualTo(FusedOps.ISZERO_PUSH2_JUMPI);
    assertThat(ops[0x0e] & 0xff).isEqualTo(FusedOps.PUSH2_JUMPI);
    assertThat(ops[0x12] & 0xff).isEqualTo(FusedOps.PUSH2_JUMP);
    // The code the tracer and the PUSH data reads see is unchanged.
    assertThat(Bytes.wrap(CodeAnalysis.of(LOOP).padded).slice(0, LOOP.size())).isEqualTo(LOOP);
  }

  @Test
  void theLoopEndsAlikeFusedAndTracedAtEveryGasLimit() {
    ExecutionResult full = run(LOOP, 1_000_000, null);
    assertThat(full.status()).isEqualTo(ExecutionResult.Status.SUCCESS);
    long used = 1_000_000 - full.gasLeft();
    // The GAS it returns is the gas left at the end plus what the five instructions after
    // it cost: PUSH1, MSTORE (3 and 3 for one word of memory), PUSH1, PUSH1; RETURN is free.
    assertThat(UInt256.fromBytes(full.output()).toLongExact()).isEqualTo(full.gasLeft() + 3 + 3 + 3 + 3 + 3);
    everyGasLimitAlike(LOOP, used + 3);
  }

  // The stack fusions, returning three words (1, 2^64, 210):
  // 00 PUSH32 2^256-1 | 21 PUSH1 2 ADD (carries through every limb) | 24 PUSH1 0 MSTORE
  // 27 PUSH8 2^64-1 | 30 PUSH1 1 ADD | 33 PUSH1 32 MSTORE | 36 PUSH1 5 PUSH1 7 | 3a SWAP1 POP
  // 3c PUSH1 11 PUSH1 13 PUSH1 17 | 42 SWAP2 POP | 44 ADD MUL | 46 PUSH1 64 MSTORE
  // 49 PUSH1 0x4f PUSH1 0x63 | 4d POP JUMP | 4f JUMPDEST | 50 PUSH1 1 PUSH1 2 | 54 POP POP
  // 56 PUSH1 96 PUSH1 0 RETURN
  private static final Bytes STACK_WORK = Bytes.fromHex("7f" + "ff".repeat(32) + "600201" + "600052"
      + "67" + "ff".repeat(8) + "600101" + "602052" + "60056007" + "9050" + "600b600d6011" + "9150" + "0102"
      + "604052" + "604f6063" + "5056" + "5b" + "60016002" + "5050" + "60606000f3");

  @Test
  void theStackFusionsComputeAsTheirPartsAtEveryGasLimit() {
    byte[] ops = CodeAnalysis.of(STACK_WORK).ops;
    assertThat(ops[0x21] & 0xff).isEqualTo(FusedOps.PUSH1_ADD);
    assertThat(ops[0x30] & 0xff).isEqualTo(FusedOps.PUSH1_ADD);
    assertThat(ops[0x3a] & 0xff).isEqualTo(FusedOps.SWAP1_POP);
    assertThat(ops[0x42] & 0xff).isEqualTo(FusedOps.SWAP2_POP);
    assertThat(ops[0x4d] & 0xff).isEqualTo(FusedOps.POP_JUMP);
    assertThat(ops[0x54] & 0xff).isEqualTo(FusedOps.POP_POP);
    ExecutionResult r = run(STACK_WORK, 1_000_000, null);
    assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCESS);
    assertThat(r.output()).isEqualTo(Bytes.concat(UInt256.ONE.toBytes32(), UInt256.ONE.shl(64).toBytes32(),
        UInt256.valueOf(210).toBytes32()));
    everyGasLimitAlike(STACK_WORK, 1_000_000 - r.gasLeft() + 3);
  }

  @Test
  void fusedPopsAndAPoppedJumpFailAsTheirParts() {
    // PUSH1 3 PUSH1 0 POP JUMP: 3 lies inside PUSH data.
    Bytes badJump = Bytes.fromHex("6003600050560000");
    failsAlike(badJump, 4, FusedOps.POP_JUMP, ExceptionalHalt.INVALID_JUMP, 30);
    // PUSH1 1 POP POP: the second POP finds nothing.
    Bytes onePop = Bytes.fromHex("6001505000");
    failsAlike(onePop, 2, FusedOps.POP_POP, ExceptionalHalt.STACK_UNDERFLOW, 20);
    // PUSH1 1 SWAP2 POP: SWAP2 needs three words.
    Bytes shortSwap = Bytes.fromHex("6001600291505000");
    failsAlike(shortSwap, 4, FusedOps.SWAP2_POP, ExceptionalHalt.STACK_UNDERFLOW, 20);
  }

  @Test
  void aJumpComputedAtRunTimeSkipsItsJumpdestWithTheSameGas() {
    // Destinations pushed by PUSH1 are not fused; the JUMPDEST they land on is still skipped.
    // 00 PUSH1 5 JUMP | 03 STOP STOP | 05 JUMPDEST | 06 PUSH1 1 PUSH1 0x0c JUMPI | 0b STOP
    // 0c JUMPDEST GAS PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    Bytes code = Bytes.fromHex("600556" + "0000" + "5b" + "6001" + "600c" + "57" + "00" + "5b" + "5a600052" + "60206000f3");
    assertThat(CodeAnalysis.of(code).ops).containsExactly(CodeAnalysis.of(code).padded);
    everyGasLimitAlike(code, 100);
  }

  @Test
  void aFusedJumpWithoutItsOperandsFailsAtTheSameInstructionForTheSameReason() {
    // PUSH2 4 JUMPI on an empty stack: the PUSH2 runs, then JUMPI finds one word.
    Bytes underflow = Bytes.fromHex("610004575b00");
    failsAlike(underflow, 0, FusedOps.PUSH2_JUMPI, ExceptionalHalt.STACK_UNDERFLOW, 20);

    // ISZERO first on an empty stack fails at ISZERO.
    Bytes empty = Bytes.fromHex("15610005575b00");
    failsAlike(empty, 0, FusedOps.ISZERO_PUSH2_JUMPI, ExceptionalHalt.STACK_UNDERFLOW, 20);
  }

  @Test
  void aFusedJumpOnAFullStackOverflowsAtThePush() {
    for (int words : new int[] {1023, 1024}) {
      StringBuilder hex = new StringBuilder();
      hex.append("5f".repeat(words));
      int jumpdest = words + 4;
      hex.append(String.format("61%04x56", jumpdest)).append("5b00");
      Bytes code = Bytes.fromHex(hex.toString());
      assertThat(CodeAnalysis.of(code).ops[words] & 0xff).isEqualTo(FusedOps.PUSH2_JUMP);
      ExecutionResult r = run(code, 1_000_000, null);
      if (words == 1024) {
        assertThat(r.error()).isEqualTo(ExceptionalHalt.STACK_OVERFLOW.getMessage());
      } else {
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCESS);
      }
      for (long gas = 2 * words - 2; gas < 2 * words + 20; gas++) {
        assertAlike(code, gas);
      }
    }
  }

  @Test
  void codeBytesEqualToFusedIdsStayUndefinedOpcodesAndPushDataStaysData() {
    for (int id = FusedOps.FIRST; id <= FusedOps.LAST; id++) {
      Bytes code = Bytes.fromHex(String.format("%02x", id));
      failsAlike(code, 0, FusedOps.UNDEFINED, ExceptionalHalt.INVALID_OPCODE, 5);

      // PUSH1 id POP STOP: the id is data.
      Bytes data = Bytes.fromHex(String.format("60%02x5000", id));
      assertThat(CodeAnalysis.of(data).ops).containsExactly(CodeAnalysis.of(data).padded);
      assertThat(run(data, 100, null).status()).isEqualTo(ExecutionResult.Status.SUCCESS);
    }
  }

  @Test
  void aPushedDestinationThatIsNoJumpdestIsNotFused() {
    // PUSH2 5 JUMP: 5 is STOP, and a JUMPDEST inside PUSH data (PUSH1 0x5b) is no destination.
    Bytes code = Bytes.fromHex("61000556" + "00" + "00" + "605b" + "61000756");
    byte[] ops = CodeAnalysis.of(code).ops;
    assertThat(ops[0] & 0xff).isEqualTo(Opcodes.PUSH2);
    assertThat(ops[8] & 0xff).isEqualTo(Opcodes.PUSH2);
    assertThat(run(code, 100, null).error()).isEqualTo(ExceptionalHalt.INVALID_JUMP.getMessage());
    everyGasLimitAlike(code, 20);
  }

  /** Whole fused sequences, jumps to position 0. */
  private static final byte[][] SEQUENCES = {
      Bytes.fromHex("1561000057").toArray(), Bytes.fromHex("5050").toArray(), Bytes.fromHex("5056").toArray(),
      Bytes.fromHex("9050").toArray(), Bytes.fromHex("9150").toArray(), Bytes.fromHex("600701").toArray(),
      Bytes.fromHex("61000056").toArray(), Bytes.fromHex("61000057").toArray()};

  @Test
  void randomCodeEndsAlikeFusedAndTraced() {
    // Code is outside input: short random programs built from the fused sequences' parts
    // (pushed destinations that are and are not JUMPDESTs, sequences cut by the code's end,
    // bytes equal to fused ids) run with random gas, fused and traced.
    java.util.Random random = new java.util.Random(0x11d3e2);
    int[] parts = {Opcodes.JUMPDEST, Opcodes.JUMP, Opcodes.JUMPI, Opcodes.ISZERO, Opcodes.POP, Opcodes.SWAP1,
        Opcodes.SWAP2, Opcodes.ADD, Opcodes.DUP1, Opcodes.PUSH0, Opcodes.GAS, FusedOps.FIRST, FusedOps.LAST};
    int withFusion = 0;
    for (int program = 0; program < 3000; program++) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      int length = 4 + random.nextInt(40);
      if (random.nextBoolean()) {
        out.write(Opcodes.JUMPDEST);
      }
      while (out.size() < length) {
        switch (random.nextInt(5)) {
          case 2 -> out.writeBytes(SEQUENCES[random.nextInt(SEQUENCES.length)]);
          case 0 -> out.writeBytes(new byte[] {(byte) Opcodes.PUSH2, 0,
              (byte) (random.nextBoolean() ? 0 : random.nextInt(length))});
          case 1 -> out.writeBytes(new byte[] {(byte) Opcodes.PUSH1, (byte) random.nextInt(256)});
          default -> out.write(parts[random.nextInt(parts.length)]);
        }
      }
      byte[] bytes = out.toByteArray();
      // Cut anywhere, also inside a PUSH or a sequence.
      Bytes code = Bytes.wrap(java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length)));
      byte[] ops = CodeAnalysis.of(code).ops;
      for (int i = 0; i < code.size(); i++) {
        if (FusedOps.isFused(ops[i] & 0xff)) {
          withFusion++;
          break;
        }
      }
      assertAlike(code, random.nextInt(400));
    }
    assertThat(withFusion).as("programs with a fused instruction").isGreaterThan(1000);
  }

  /**
   * The instruction at {@code at} is analysed as {@code fused}, the program fails with
   * {@code halt} given plenty of gas, and ends alike fused and traced at every gas limit up to
   * {@code upTo}.
   */
  private static void failsAlike(Bytes code, int at, int fused, ExceptionalHalt halt, long upTo) {
    assertThat(CodeAnalysis.of(code).ops[at] & 0xff).isEqualTo(fused);
    assertThat(run(code, 100, null).error()).isEqualTo(halt.getMessage());
    everyGasLimitAlike(code, upTo);
  }

  private static void everyGasLimitAlike(Bytes code, long upTo) {
    for (long gas = 0; gas <= upTo; gas++) {
      assertAlike(code, gas);
    }
  }

  private static void assertAlike(Bytes code, long gas) {
    ExecutionResult fused = run(code, gas, null);
    ExecutionResult traced = run(code, gas, EVERY_STEP);
    assertThat(fused).as("gas limit %d", gas).isEqualTo(traced);
  }

  private static ExecutionResult run(Bytes code, long gas, Tracer tracer) {
    JournaledWorldState state = new JournaledWorldState(CodeOnlyState.of(SELF, code));
    state.beginTransaction();
    BlockContext block = new BlockContext(Address.ZERO, 1, 1, 30_000_000, UInt256.ZERO, UInt256.ZERO,
        UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
    Evm evm = new Evm(state, block, new TxContext(Address.ZERO, UInt256.ZERO, List.of()), Fork.OSAKA, tracer);
    return evm.execute(new Message(Message.Kind.CALL, Address.ZERO, SELF, SELF, UInt256.ZERO, true,
        Bytes.EMPTY, code, gas, 0, false, false));
  }
}
