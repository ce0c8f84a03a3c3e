package org.linden.evm.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.evm.Opcodes.ADD;
import static org.linden.evm.Opcodes.CALL;
import static org.linden.evm.Opcodes.CREATE;
import static org.linden.evm.Opcodes.INVALID;
import static org.linden.evm.Opcodes.MSTORE;
import static org.linden.evm.Opcodes.MSTORE8;
import static org.linden.evm.Opcodes.POP;
import static org.linden.evm.Opcodes.RETURN;
import static org.linden.evm.Opcodes.SLOAD;
import static org.linden.evm.Opcodes.SSTORE;
import static org.linden.evm.Opcodes.STOP;

import org.junit.jupiter.api.Test;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * The struct logger against traces worked out by hand from the Cancun gas schedule. Every
 * transaction has a 100,000 gas limit, so its top frame starts with 79,000 after the
 * 21,000 intrinsic gas.
 */
class StructLoggerTracerTest {
  private static final Address C = Address.fromNumber(0xc0);
  private static final Address B = Address.fromNumber(0xbb);
  private static final long GAS = 100_000;

  // SSTORE slot 1 := 42, SLOAD slot 2 (5 before the transaction), return that word.
  private static final Bytes STORE_AND_LOAD = Asm.code().push(42).push(1).op(SSTORE).push(2).op(SLOAD)
      .push(0).op(MSTORE).push(32).push(0).op(RETURN).bytes();
  // Returns the word 0x11.
  private static final Bytes RETURN_11 = Asm.code().mstore(0, 0x11).push(32).push(0).op(RETURN).bytes();
  // Init code that deploys the one-byte runtime 0x00.
  static final Bytes DEPLOY_STOP = Asm.code().push(0).push(0).op(MSTORE8).push(1).push(0).op(RETURN).bytes();

  private static String trace(Bytes code, String options, long... slots) {
    TestChain chain = new TestChain(Fork.CANCUN)
        .account(TestChain.SENDER, 0, 1_000_000, Bytes.EMPTY)
        .account(C, 1, 0, code, slots)
        .account(B, 1, 0, RETURN_11);
    GethTracer tracer = Tracers.fromTraceOptions(Json.parse(options), chain.state, chain.fork());
    chain.run(tracer, C, 0, Bytes.EMPTY, GAS, 0);
    return Json.compact(tracer.result());
  }

  @Test
  void storageShowsEverySlotTheContractReadOrWroteSoFar() {
    assertThat(trace(STORE_AND_LOAD, "{}", 2, 5)).isEqualTo(Json.compact("""
        {"gas": 45224, "failed": false,
         "returnValue": "0x0000000000000000000000000000000000000000000000000000000000000005",
         "structLogs": [
          {"pc": 0, "op": "PUSH1", "gas": 79000, "gasCost": 3, "depth": 1, "stack": []},
          {"pc": 2, "op": "PUSH1", "gas": 78997, "gasCost": 3, "depth": 1, "stack": ["0x2a"]},
          {"pc": 4, "op": "SSTORE", "gas": 78994, "gasCost": 22100, "depth": 1, "stack": ["0x2a", "0x1"],
           "storage": {
            "0000000000000000000000000000000000000000000000000000000000000001":
                "000000000000000000000000000000000000000000000000000000000000002a"}},
          {"pc": 5, "op": "PUSH1", "gas": 56894, "gasCost": 3, "depth": 1, "stack": []},
          {"pc": 7, "op": "SLOAD", "gas": 56891, "gasCost": 2100, "depth": 1, "stack": ["0x2"],
           "storage": {
            "0000000000000000000000000000000000000000000000000000000000000001":
                "000000000000000000000000000000000000000000000000000000000000002a",
            "0000000000000000000000000000000000000000000000000000000000000002":
                "0000000000000000000000000000000000000000000000000000000000000005"}},
          {"pc": 8, "op": "PUSH1", "gas": 54791, "gasCost": 3, "depth": 1, "stack": ["0x5"]},
          {"pc": 10, "op": "MSTORE", "gas": 54788, "gasCost": 6, "depth": 1, "stack": ["0x5", "0x0"]},
          {"pc": 11, "op": "PUSH1", "gas": 54782, "gasCost": 3, "depth": 1, "stack": []},
          {"pc": 13, "op": "PUSH1", "gas": 54779, "gasCost": 3, "depth": 1, "stack": ["0x20"]},
          {"pc": 15, "op": "RETURN", "gas": 54776, "gasCost": 0, "depth": 1, "stack": ["0x20", "0x0"]}
         ]}
        """));
  }

  @Test
  void optionsTurnMemoryOnAndStackAndStorageOff() {
    String word5 = "0000000000000000000000000000000000000000000000000000000000000005";
    String trace = trace(STORE_AND_LOAD, """
        {"enableMemory": true, "disableStack": true, "disableStorage": true}""", 2, 5);
    assertThat(trace).isEqualTo(Json.compact("""
        {"gas": 45224, "failed": false, "returnValue": "0x%s",
         "structLogs": [
          {"pc": 0, "op": "PUSH1", "gas": 79000, "gasCost": 3, "depth": 1},
          {"pc": 2, "op": "PUSH1", "gas": 78997, "gasCost": 3, "depth": 1},
          {"pc": 4, "op": "SSTORE", "gas": 78994, "gasCost": 22100, "depth": 1},
          {"pc": 5, "op": "PUSH1", "gas": 56894, "gasCost": 3, "depth": 1},
          {"pc": 7, "op": "SLOAD", "gas": 56891, "gasCost": 2100, "depth": 1},
          {"pc": 8, "op": "PUSH1", "gas": 54791, "gasCost": 3, "depth": 1},
          {"pc": 10, "op": "MSTORE", "gas": 54788, "gasCost": 6, "depth": 1},
          {"pc": 11, "op": "PUSH1", "gas": 54782, "gasCost": 3, "depth": 1, "memory": ["%s"]},
          {"pc": 13, "op": "PUSH1", "gas": 54779, "gasCost": 3, "depth": 1, "memory": ["%s"]},
          {"pc": 15, "op": "RETURN", "gas": 54776, "gasCost": 0, "depth": 1, "memory": ["%s"]}
         ]}
        """.formatted(word5, word5, word5, word5)));
  }

  @Test
  void limitKeepsTheFirstEntries() {
    String trace = trace(STORE_AND_LOAD, """
        {"limit": 2}""", 2, 5);
    assertThat(Json.parse(trace).get("structLogs")).hasSize(2);
    assertThat(Json.parse(trace).get("gas").asLong()).isEqualTo(45224);
  }

  @Test
  void refundCounterAppearsOnceNonZero() {
    // Clears slot 1 (7 before): 2,100 cold + 2,900 reset, 4,800 refunded.
    Bytes clear = Asm.code().push(0).push(1).op(SSTORE).push(0).op(POP).bytes();
    String trace = trace(clear, """
        {"disableStorage": true}""", 1, 7);
    // Gas used before the refund is 100,000 - 73,989 = 26,011; the refund is capped at a fifth.
    assertThat(trace).isEqualTo(Json.compact("""
        {"gas": 21211, "failed": false, "returnValue": "0x",
         "structLogs": [
          {"pc": 0, "op": "PUSH1", "gas": 79000, "gasCost": 3, "depth": 1, "stack": []},
          {"pc": 2, "op": "PUSH1", "gas": 78997, "gasCost": 3, "depth": 1, "stack": ["0x0"]},
          {"pc": 4, "op": "SSTORE", "gas": 78994, "gasCost": 5000, "depth": 1, "stack": ["0x0", "0x1"]},
          {"pc": 5, "op": "PUSH1", "gas": 73994, "gasCost": 3, "depth": 1, "stack": [], "refund": 4800},
          {"pc": 7, "op": "POP", "gas": 73991, "gasCost": 2, "depth": 1, "stack": ["0x0"], "refund": 4800}
         ]}
        """));
  }

  @Test
  void nestedFramesAndReturnData() {
    Bytes caller = Asm.code().call(CALL, 0x1000, B, 0, 0, 0, 0, 32).op(POP, STOP).bytes();
    String word11 = "0x0000000000000000000000000000000000000000000000000000000000000011";
    // CALL: 2,600 cold + 3 memory + 4,096 forwarded. B uses 18 and returns 4,078.
    assertThat(trace(caller, """
        {"enableReturnData": true}""")).isEqualTo(Json.compact("""
        {"gas": 23644, "failed": false, "returnValue": "0x",
         "structLogs": [
          {"pc": 0, "op": "PUSH1", "gas": 79000, "gasCost": 3, "depth": 1, "stack": []},
          {"pc": 2, "op": "PUSH1", "gas": 78997, "gasCost": 3, "depth": 1, "stack": ["0x20"]},
          {"pc": 4, "op": "PUSH1", "gas": 78994, "gasCost": 3, "depth": 1, "stack": ["0x20", "0x0"]},
          {"pc": 6, "op": "PUSH1", "gas": 78991, "gasCost": 3, "depth": 1, "stack": ["0x20", "0x0", "0x0"]},
          {"pc": 8, "op": "PUSH1", "gas": 78988, "gasCost": 3, "depth": 1, "stack": ["0x20", "0x0", "0x0", "0x0"]},
          {"pc": 10, "op": "PUSH1", "gas": 78985, "gasCost": 3, "depth": 1,
           "stack": ["0x20", "0x0", "0x0", "0x0", "0x0"]},
          {"pc": 12, "op": "PUSH2", "gas": 78982, "gasCost": 3, "depth": 1,
           "stack": ["0x20", "0x0", "0x0", "0x0", "0x0", "0xbb"]},
          {"pc": 15, "op": "CALL", "gas": 78979, "gasCost": 6699, "depth": 1,
           "stack": ["0x20", "0x0", "0x0", "0x0", "0x0", "0xbb", "0x1000"]},
          {"pc": 0, "op": "PUSH1", "gas": 4096, "gasCost": 3, "depth": 2, "stack": []},
          {"pc": 2, "op": "PUSH1", "gas": 4093, "gasCost": 3, "depth": 2, "stack": ["0x11"]},
          {"pc": 4, "op": "MSTORE", "gas": 4090, "gasCost": 6, "depth": 2, "stack": ["0x11", "0x0"]},
          {"pc": 5, "op": "PUSH1", "gas": 4084, "gasCost": 3, "depth": 2, "stack": []},
          {"pc": 7, "op": "PUSH1", "gas": 4081, "gasCost": 3, "depth": 2, "stack": ["0x20"]},
          {"pc": 9, "op": "RETURN", "gas": 4078, "gasCost": 0, "depth": 2, "stack": ["0x20", "0x0"]},
          {"pc": 16, "op": "POP", "gas": 76358, "gasCost": 2, "depth": 1, "stack": ["0x1"],
           "returnData": "%s"},
          {"pc": 17, "op": "STOP", "gas": 76356, "gasCost": 0, "depth": 1, "stack": [], "returnData": "%s"}
         ]}
        """.formatted(word11, word11)));
  }

  @Test
  void createCostsWhatGethChargesNotTheGasItForwards() {
    Bytes creator = Asm.code().push(DEPLOY_STOP).push(0).op(MSTORE).push(10).push(22).push(0).op(CREATE, STOP)
        .bytes();
    String trace = trace(creator, """
        {"disableStack": true}""");
    // CREATE: 32,000 + 2 init-code word gas; it forwards 46,977 - 46,977/64 = 46,243, of
    // which the init code uses 18 and the deposit of one byte 200.
    assertThat(trace).isEqualTo(Json.compact("""
        {"gas": 53241, "failed": false, "returnValue": "0x",
         "structLogs": [
          {"pc": 0, "op": "PUSH10", "gas": 79000, "gasCost": 3, "depth": 1},
          {"pc": 11, "op": "PUSH1", "gas": 78997, "gasCost": 3, "depth": 1},
          {"pc": 13, "op": "MSTORE", "gas": 78994, "gasCost": 6, "depth": 1},
          {"pc": 14, "op": "PUSH1", "gas": 78988, "gasCost": 3, "depth": 1},
          {"pc": 16, "op": "PUSH1", "gas": 78985, "gasCost": 3, "depth": 1},
          {"pc": 18, "op": "PUSH1", "gas": 78982, "gasCost": 3, "depth": 1},
          {"pc": 20, "op": "CREATE", "gas": 78979, "gasCost": 32002, "depth": 1},
          {"pc": 0, "op": "PUSH1", "gas": 46243, "gasCost": 3, "depth": 2},
          {"pc": 2, "op": "PUSH1", "gas": 46240, "gasCost": 3, "depth": 2},
          {"pc": 4, "op": "MSTORE8", "gas": 46237, "gasCost": 6, "depth": 2},
          {"pc": 5, "op": "PUSH1", "gas": 46231, "gasCost": 3, "depth": 2},
          {"pc": 7, "op": "PUSH1", "gas": 46228, "gasCost": 3, "depth": 2},
          {"pc": 9, "op": "RETURN", "gas": 46225, "gasCost": 0, "depth": 2},
          {"pc": 21, "op": "STOP", "gas": 46759, "gasCost": 0, "depth": 1}
         ]}
        """));
  }

  @Test
  void aCallThatCannotPayItsValueStillCostsTheForwardedGas() {
    // C has no balance to send 1 wei: 2,600 cold + 9,000 value + 3 memory + 4,096 forwarded,
    // all given back with the stipend when the call fails.
    Bytes caller = Asm.code().call(CALL, 0x1000, B, 1, 0, 0, 0, 32).op(POP, STOP).bytes();
    String trace = trace(caller, """
        {"disableStack": true}""");
    assertThat(Json.parse(trace).get("structLogs").get(7).toString())
        .isEqualTo(Json.compact("""
            {"pc": 15, "op": "CALL", "gas": 78979, "gasCost": 15699, "depth": 1}"""));
    assertThat(Json.parse(trace).get("structLogs").get(8).toString())
        .isEqualTo(Json.compact("""
            {"pc": 16, "op": "POP", "gas": 69676, "gasCost": 2, "depth": 1}"""));
    assertThat(Json.parse(trace).get("gas").asLong()).isEqualTo(30326);
  }

  @Test
  void aCreationReturnsTheDeployedCode() {
    TestChain chain = new TestChain(Fork.CANCUN).account(TestChain.SENDER, 0, 1_000_000, Bytes.EMPTY);
    GethTracer tracer = Tracers.create(null, null, chain.state, chain.fork());
    chain.run(tracer, null, 0, DEPLOY_STOP, GAS, 0);
    // 21,000 + 18 for the init code + 200 to deposit its one byte.
    assertThat(tracer.result().get("returnValue").asText()).isEqualTo("0x00");
    assertThat(tracer.result().get("gas").asLong()).isEqualTo(21_218);
  }

  @Test
  void aStackUnderflowIsLoggedWithGethsErrorAndConstantGas() {
    assertThat(trace(Asm.code().op(ADD).bytes(), "{}")).isEqualTo(Json.compact("""
        {"gas": 100000, "failed": true, "returnValue": "0x",
         "structLogs": [
          {"pc": 0, "op": "ADD", "gas": 79000, "gasCost": 3, "depth": 1, "error": "stack underflow (0 <=> 2)",
           "stack": []}
         ]}
        """));
  }

  @Test
  void anInvalidOpcodeFailsAfterItWasLogged() {
    assertThat(trace(Asm.code().op(INVALID).bytes(), "{}")).isEqualTo(Json.compact("""
        {"gas": 100000, "failed": true, "returnValue": "0x",
         "structLogs": [{"pc": 0, "op": "INVALID", "gas": 79000, "gasCost": 0, "depth": 1, "stack": []}]}
        """));
  }
}
