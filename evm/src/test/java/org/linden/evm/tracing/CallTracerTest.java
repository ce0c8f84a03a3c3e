package org.linden.evm.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.Opcodes.ADD;
import static org.linden.evm.Opcodes.CALL;
import static org.linden.evm.Opcodes.CREATE;
import static org.linden.evm.Opcodes.CREATE2;
import static org.linden.evm.Opcodes.DELEGATECALL;
import static org.linden.evm.Opcodes.LOG0;
import static org.linden.evm.Opcodes.MSTORE;
import static org.linden.evm.Opcodes.POP;
import static org.linden.evm.Opcodes.REVERT;
import static org.linden.evm.Opcodes.SELFDESTRUCT;
import static org.linden.evm.Opcodes.SHL;
import static org.linden.evm.Opcodes.STATICCALL;
import static org.linden.evm.Opcodes.STOP;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.linden.evm.ContractAddress;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** The call tracer against call trees worked out by hand from the Cancun gas schedule. */
class CallTracerTest {
  private static final Address A = Address.fromNumber(0xaa);
  private static final Address B = Address.fromNumber(0xbb);
  private static final Address R = Address.fromNumber(0xee);
  private static final Address IDENTITY = Address.fromNumber(0x04);
  private static final Address HEIR = Address.fromNumber(0x4e1);
  private static final long GAS = 200_000;

  // Returns the word 0x11; 18 gas.
  private static final Bytes RETURN_11 = Asm.code().mstore(0, 0x11).push(32).push(0).op(0xf3).bytes();
  // Reverts with Error("nope"): selector, offset 0x20, length 4, the text; 66 gas.
  private static final Bytes REVERT_NOPE = Asm.code()
      .push(0x08c379a0).push(0xe0).op(SHL).push(0).op(MSTORE)
      .mstore(0x04, 0x20).mstore(0x24, 4)
      .push(0x6e6f7065).push(0xe0).op(SHL).push(0x44).op(MSTORE)
      .push(0x64).push(0).op(REVERT).bytes();
  private static final String NOPE = "0x08c379a0"
      + "0000000000000000000000000000000000000000000000000000000000000020"
      + "0000000000000000000000000000000000000000000000000000000000000004"
      + "6e6f706500000000000000000000000000000000000000000000000000000000";

  private static TestChain chain() {
    return new TestChain(Fork.CANCUN)
        .account(TestChain.SENDER, 0, 1_000_000, Bytes.EMPTY)
        .account(B, 1, 0, RETURN_11)
        .account(R, 1, 0, REVERT_NOPE);
  }

  private static JsonNode trace(TestChain chain, Address to, Bytes data, String tracerConfig) {
    GethTracer tracer = Tracers.create("callTracer", Json.parse(tracerConfig), chain.state, chain.fork());
    chain.run(tracer, to, 0, data, GAS, 0);
    return tracer.result();
  }

  @Test
  void everyKindOfCallNestsUnderTheTransaction() {
    Bytes code = Asm.code()
        .call(CALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP)
        .call(STATICCALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP)
        .call(DELEGATECALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP)
        .call(STATICCALL, 0x1000, IDENTITY, 0, 0, 4, 0x20, 0x20).op(POP)
        .push(StructLoggerTracerTest.DEPLOY_STOP).push(0).op(MSTORE)
        .push(10).push(22).push(0).op(CREATE, POP)
        .push(0).push(10).push(22).push(0).op(CREATE2, POP)
        .call(CALL, 0x1000, R, 0, 0, 0, 0, 0).op(POP)
        .op(STOP).bytes();
    TestChain chain = chain().account(A, 1, 0, code);
    Address created = ContractAddress.of(A, 1);
    Address created2 = ContractAddress.of2(A, Bytes.wrap(new byte[32]), StructLoggerTracerTest.DEPLOY_STOP);

    // A spends 70,230: the calls cost access, memory and what their callees used (B 18, the
    // identity precompile 18, R 66); each creation 32,000 plus word gas plus 218 (18 of init
    // code, 200 to deposit one byte). CREATE forwards 143,919 - 143,919/64 = 141,671 and
    // CREATE2 111,679 - 111,679/64 = 109,935.
    String word11 = "0x0000000000000000000000000000000000000000000000000000000000000011";
    assertThat(Json.compact(trace(chain, A, Bytes.EMPTY, "{}"))).isEqualTo(Json.compact("""
        {"from": "%1$s", "gas": "0x30d40", "gasUsed": "0x1645e", "to": "%2$s", "input": "0x",
         "calls": [
          {"from": "%2$s", "gas": "0x1000", "gasUsed": "0x12", "to": "%3$s", "input": "0x", "output": "%4$s",
           "value": "0x0", "type": "CALL"},
          {"from": "%2$s", "gas": "0x1000", "gasUsed": "0x12", "to": "%3$s", "input": "0x", "output": "%4$s",
           "type": "STATICCALL"},
          {"from": "%2$s", "gas": "0x1000", "gasUsed": "0x12", "to": "%3$s", "input": "0x", "output": "%4$s",
           "value": "0x0", "type": "DELEGATECALL"},
          {"from": "%2$s", "gas": "0x1000", "gasUsed": "0x12", "to": "0x0000000000000000000000000000000000000004",
           "input": "0x00000000", "output": "0x00000000", "type": "STATICCALL"},
          {"from": "%2$s", "gas": "0x22967", "gasUsed": "0xda", "to": "%5$s", "input": "0x600060005360016000f3",
           "output": "0x00", "value": "0x0", "type": "CREATE"},
          {"from": "%2$s", "gas": "0x1ad6f", "gasUsed": "0xda", "to": "%6$s", "input": "0x600060005360016000f3",
           "output": "0x00", "value": "0x0", "type": "CREATE2"},
          {"from": "%2$s", "gas": "0x1000", "gasUsed": "0x42", "to": "%7$s", "input": "0x", "output": "%8$s",
           "error": "execution reverted", "revertReason": "nope", "value": "0x0", "type": "CALL"}
         ],
         "value": "0x0", "type": "CALL"}
        """.formatted(TestChain.SENDER, A, B, word11, created, created2, R, NOPE)));
  }

  @Test
  void onlyTopCallLeavesSubCallsOut() {
    Bytes code = Asm.code().call(CALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP, STOP).bytes();
    TestChain chain = chain().account(A, 1, 0, code);
    // 21,000 intrinsic, 21 for the pushes, 2,600 + 3 + 18 for the call, 2 for POP.
    assertThat(Json.compact(trace(chain, A, Bytes.EMPTY, """
        {"onlyTopCall": true}"""))).isEqualTo(Json.compact("""
        {"from": "%s", "gas": "0x30d40", "gasUsed": "0x5c5c", "to": "%s", "input": "0x", "value": "0x0",
         "type": "CALL"}
        """.formatted(TestChain.SENDER, A)));
  }

  @Test
  void aRevertingTransactionCarriesItsDecodedReason() {
    JsonNode root = trace(chain(), R, Bytes.of((byte) 0xab), "{}");
    // 21,000 intrinsic + 66; no refund on failure.
    assertThat(Json.compact(root)).isEqualTo(Json.compact("""
        {"from": "%s", "gas": "0x30d40", "gasUsed": "0x524a", "to": "%s", "input": "0xab", "output": "%s",
         "error": "execution reverted", "revertReason": "nope", "value": "0x0", "type": "CALL"}
        """.formatted(TestChain.SENDER, R, NOPE)));
  }

  @Test
  void logsKeepTheirPositionAmongSubCallsAndVanishWithAFailedFrame() {
    // LOGs topic 0x01 with empty data, calls B, LOG0s the word B returned, then calls a
    // logger that reverts after logging.
    Address failing = Address.fromNumber(0xfa11);
    Bytes revertsAfterLog = Asm.code().push(0).push(0).op(LOG0).push(0).push(0).op(REVERT).bytes();
    Bytes code = Asm.code()
        .push(1).push(0).push(0).op(LOG0 + 1)
        .call(CALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP)
        .push(32).push(0).op(LOG0)
        .call(CALL, 0x1000, failing, 0, 0, 0, 0, 0).op(POP, STOP).bytes();
    TestChain chain = chain().account(A, 1, 0, code).account(failing, 1, 0, revertsAfterLog);
    JsonNode root = trace(chain, A, Bytes.EMPTY, """
        {"withLog": true}""");
    assertThat(Json.compact(root.get("logs"))).isEqualTo(Json.compact("""
        [{"address": "%1$s",
          "topics": ["0x0000000000000000000000000000000000000000000000000000000000000001"],
          "data": "0x", "position": "0x0"},
         {"address": "%1$s", "topics": [],
          "data": "0x0000000000000000000000000000000000000000000000000000000000000011", "position": "0x1"}]
        """.formatted(A)));
    assertThat(root.get("calls").get(1).has("logs")).isFalse();
    assertThat(root.get("calls").get(1).get("error").asText()).isEqualTo("execution reverted");
  }

  @Test
  void aCallThatCannotPayItsValueIsAFailedSubCall() {
    // A holds no ether, so its 1 wei call fails before B runs; geth still reports the call
    // with the gas it would have had: 4,096 forwarded + 2,300 stipend.
    Bytes code = Asm.code().call(CALL, 0x1000, B, 1, 0, 0, 0, 32).op(POP, STOP).bytes();
    TestChain chain = chain().account(A, 1, 0, code);
    assertThat(Json.compact(trace(chain, A, Bytes.EMPTY, "{}").get("calls"))).isEqualTo(Json.compact("""
        [{"from": "%s", "gas": "0x18fc", "gasUsed": "0x0", "to": "%s", "input": "0x",
          "error": "insufficient balance for transfer", "value": "0x1", "type": "CALL"}]
        """.formatted(A, B)));
  }

  @Test
  void aSelfDestructIsASubCallMovingTheBalance() {
    Bytes code = Asm.code().push(HEIR).op(SELFDESTRUCT).bytes();
    TestChain chain = chain().account(A, 1, 0x1234, code);
    assertThat(Json.compact(trace(chain, A, Bytes.EMPTY, "{}").get("calls"))).isEqualTo(Json.compact("""
        [{"from": "%s", "gas": "0x0", "gasUsed": "0x0", "to": "%s", "input": "0x", "value": "0x1234",
          "type": "SELFDESTRUCT"}]
        """.formatted(A, HEIR)));
  }

  @Test
  void aHaltInASubCallUsesAllItsGasAndGethsMessage() {
    Address broken = Address.fromNumber(0xb0);
    TestChain chain = chain().account(A, 1, 0, Asm.code().call(CALL, 0x1000, broken, 0, 0, 0, 0, 0).bytes())
        .account(broken, 1, 0, Asm.code().op(ADD).bytes());
    assertThat(Json.compact(trace(chain, A, Bytes.EMPTY, "{}").get("calls"))).isEqualTo(Json.compact("""
        [{"from": "%s", "gas": "0x1000", "gasUsed": "0x1000", "to": "%s", "input": "0x",
          "error": "stack underflow (0 <=> 2)", "value": "0x0", "type": "CALL"}]
        """.formatted(A, broken)));
  }

  @Test
  void aDelegateCallReportsTheValueItInherits() {
    Bytes code = Asm.code().call(DELEGATECALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP, STOP).bytes();
    TestChain chain = chain().account(A, 1, 0, code);
    GethTracer tracer = Tracers.create("callTracer", null, chain.state, chain.fork());
    chain.run(tracer, A, 5, Bytes.EMPTY, GAS, 0);
    JsonNode call = tracer.result().get("calls").get(0);
    assertThat(call.get("type").asText()).isEqualTo("DELEGATECALL");
    assertThat(call.get("from").asText()).isEqualTo(A.toHex());
    assertThat(call.get("to").asText()).isEqualTo(B.toHex());
    assertThat(call.get("value").asText()).isEqualTo("0x5");
  }

  @Test
  void aCreationTransactionReportsTheDeployedCode() {
    Address created = ContractAddress.of(TestChain.SENDER, 0);
    JsonNode root = trace(chain(), null, StructLoggerTracerTest.DEPLOY_STOP, "{}");
    // 21,000 intrinsic + 18 init code + 200 deposit (the test runner charges no init-code word gas).
    assertThat(Json.compact(root)).isEqualTo(Json.compact("""
        {"from": "%s", "gas": "0x30d40", "gasUsed": "0x52e2", "to": "%s", "input": "0x600060005360016000f3",
         "output": "0x00", "value": "0x0", "type": "CREATE"}
        """.formatted(TestChain.SENDER, created)));
  }
}
