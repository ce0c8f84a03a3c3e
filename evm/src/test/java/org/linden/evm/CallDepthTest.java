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

/** Calls nest on an explicit frame stack, so the 1024-deep limit never touches the Java stack. */
class CallDepthTest {
  private static final Address SELF = Address.fromNumber(0xc0de);
  // PUSH1 0 (x4: out len/off, in len/off) PUSH1 0 (value) ADDRESS GAS CALL STOP
  private static final Bytes RECURSE = Bytes.fromHex("60006000600060006000305af100");

  @Test
  void aContractCallingItselfStopsAtDepth1024() {
    JournaledWorldState state = new JournaledWorldState(CodeOnlyState.of(SELF, RECURSE));
    state.beginTransaction();
    int[] maxDepth = {0};
    int[] frames = {0};
    Tracer depth = new Tracer() {
      @Override
      public void enterFrame(Message message) {
        frames[0]++;
        maxDepth[0] = Math.max(maxDepth[0], message.depth());
      }
    };
    BlockContext block = new BlockContext(Address.ZERO, 1, 1, Long.MAX_VALUE, UInt256.ZERO, UInt256.ZERO,
        UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
    Evm evm = new Evm(state, block, new TxContext(Address.ZERO, UInt256.ZERO, List.of()), Fork.OSAKA, depth);
    // Enough gas that 63/64 of it still reaches the deepest frame.
    long gas = 4_000_000_000_000L;
    ExecutionResult r = evm.execute(new Message(Message.Kind.CALL, Address.ZERO, SELF, SELF, UInt256.ZERO, true,
        Bytes.EMPTY, RECURSE, gas, 0, false, false));
    assertThat(r.success()).isTrue();
    assertThat(maxDepth[0]).isEqualTo(Evm.MAX_CALL_DEPTH);
    assertThat(frames[0]).isEqualTo(Evm.MAX_CALL_DEPTH + 1);
  }
}
