package org.linden.evm.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.evm.Opcodes.BALANCE;
import static org.linden.evm.Opcodes.CALL;
import static org.linden.evm.Opcodes.POP;
import static org.linden.evm.Opcodes.SELFDESTRUCT;
import static org.linden.evm.Opcodes.SLOAD;
import static org.linden.evm.Opcodes.SSTORE;
import static org.linden.evm.Opcodes.STOP;

import org.junit.jupiter.api.Test;
import org.linden.crypto.Keccak;
import org.linden.evm.ContractAddress;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/** The prestate tracer, plain and in diff mode, against states worked out by hand. */
class PrestateTracerTest {
  private static final Address P = Address.fromNumber(0xd0);
  private static final Address X = Address.fromNumber(0x77);
  private static final Address F = Address.fromNumber(0xf0);
  private static final Address HEIR = Address.fromNumber(0x4e1);
  private static final String SLOT1 = "0x0000000000000000000000000000000000000000000000000000000000000001";
  private static final String SLOT2 = "0x0000000000000000000000000000000000000000000000000000000000000002";
  private static final String WORD0 = "0x0000000000000000000000000000000000000000000000000000000000000000";
  private static final String WORD7 = "0x0000000000000000000000000000000000000000000000000000000000000007";
  private static final String WORD9 = "0x0000000000000000000000000000000000000000000000000000000000000009";

  // Reads slot 1, writes 9 to slot 2, asks X's balance, sends 1 wei to the fresh F.
  private static final Bytes P_CODE = Asm.code().push(1).op(SLOAD, POP).push(9).push(2).op(SSTORE)
      .push(X).op(BALANCE, POP).call(CALL, 0, F, 1, 0, 0, 0, 0).op(POP, STOP).bytes();

  private static TestChain chain(Fork fork) {
    return new TestChain(fork)
        .account(TestChain.SENDER, 0, 1_000_000, Bytes.EMPTY)
        .account(P, 1, 10, P_CODE, 1, 7)
        .account(X, 0, 500, Bytes.EMPTY);
  }

  private static String trace(TestChain chain, Address to, Bytes data, String config, long gasPrice) {
    GethTracer tracer = Tracers.create("prestateTracer", Json.parse(config), chain.state, chain.fork());
    chain.run(tracer, to, 0, data, 100_000, gasPrice);
    return Json.compact(tracer.result());
  }

  private static String hash(Bytes code) {
    return Keccak.hash256(code).toHex();
  }

  @Test
  void everyTouchedAccountAsItWasBeforeWithoutEmptyOnes() {
    // F (touched by the call) and the fee recipient did not exist before: left out.
    assertThat(trace(chain(Fork.CANCUN), P, Bytes.EMPTY, "{}", 1)).isEqualTo(Json.compact("""
        {"%s": {"balance": "0x1f4"},
         "%s": {"balance": "0xa", "code": "%s", "codeHash": "%s", "nonce": 1,
                "storage": {"%s": "%s", "%s": "%s"}},
         "%s": {"balance": "0xf4240"}}
        """.formatted(X, P, P_CODE, hash(P_CODE), SLOT1, WORD7, SLOT2, WORD0, TestChain.SENDER)));
  }

  @Test
  void includeEmptyKeepsAccountsThatDidNotExist() {
    String trace = trace(chain(Fork.CANCUN), P, Bytes.EMPTY, """
        {"includeEmpty": true, "disableCode": true, "disableStorage": true}""", 1);
    assertThat(trace).isEqualTo(Json.compact("""
        {"%s": {"balance": "0x1f4"},
         "%s": {"balance": "0xa", "codeHash": "%s", "nonce": 1},
         "%s": {"balance": "0x0"},
         "%s": {"balance": "0xf4240"},
         "%s": {"balance": "0x0"}}
        """.formatted(X, P, hash(P_CODE), F, TestChain.SENDER, TestChain.COINBASE)));
  }

  @Test
  void diffModeShowsOnlyWhatChanged() {
    // Gas: 21,000 intrinsic; SLOAD 2,100 cold; SSTORE 2,100 + 20,000; BALANCE 2,600 cold;
    // CALL 2,600 cold + 9,000 value + 25,000 new account, the 2,300 stipend coming back;
    // pushes and POPs 134. Total 82,139 at a gas price of 1, paid to the fee recipient.
    assertThat(trace(chain(Fork.CANCUN), P, Bytes.EMPTY, """
        {"diffMode": true}""", 1)).isEqualTo(Json.compact("""
        {"post": {
          "%1$s": {"balance": "0x9", "storage": {"%2$s": "%3$s"}},
          "%4$s": {"balance": "0x1"},
          "%5$s": {"balance": "0xe0165", "nonce": 1},
          "%6$s": {"balance": "0x140db"}},
         "pre": {
          "%1$s": {"balance": "0xa", "code": "%7$s", "codeHash": "%8$s", "nonce": 1},
          "%4$s": {"balance": "0x0"},
          "%5$s": {"balance": "0xf4240"},
          "%6$s": {"balance": "0x0"}}}
        """.formatted(P, SLOT2, WORD9, F, TestChain.SENDER, TestChain.COINBASE, P_CODE, hash(P_CODE))));
  }

  @Test
  void aCreatedContractIsOnlyInPost() {
    TestChain chain = chain(Fork.CANCUN);
    Address created = ContractAddress.of(TestChain.SENDER, 0);
    Bytes runtime = Bytes.of((byte) 0);
    assertThat(trace(chain, null, StructLoggerTracerTest.DEPLOY_STOP, """
        {"diffMode": true}""", 0)).isEqualTo(Json.compact("""
        {"post": {
          "%1$s": {"nonce": 1},
          "%2$s": {"code": "0x00", "codeHash": "%3$s", "nonce": 1}},
         "pre": {
          "%1$s": {"balance": "0xf4240"}}}
        """.formatted(TestChain.SENDER, created, hash(runtime))));
  }

  @Test
  void aSelfDestructSinceCancunOnlyMovesTheBalance() {
    Address s = Address.fromNumber(0x5d);
    Bytes code = Asm.code().push(HEIR).op(SELFDESTRUCT).bytes();
    TestChain chain = chain(Fork.CANCUN).account(s, 1, 100, code);
    assertThat(trace(chain, s, Bytes.EMPTY, """
        {"diffMode": true}""", 0)).isEqualTo(Json.compact("""
        {"post": {
          "%1$s": {"balance": "0x0"},
          "%2$s": {"balance": "0x64"},
          "%3$s": {"nonce": 1}},
         "pre": {
          "%1$s": {"balance": "0x64", "code": "%4$s", "codeHash": "%5$s", "nonce": 1},
          "%2$s": {"balance": "0x0"},
          "%3$s": {"balance": "0xf4240"}}}
        """.formatted(s, HEIR, TestChain.SENDER, code, hash(code))));
  }

  @Test
  void aDeletedAccountStaysWholeInPreAndLeavesPost() {
    Address s = Address.fromNumber(0x5d);
    Bytes code = Asm.code().push(HEIR).op(SELFDESTRUCT).bytes();
    TestChain chain = chain(Fork.SHANGHAI).account(s, 1, 100, code);
    assertThat(trace(chain, s, Bytes.EMPTY, """
        {"diffMode": true}""", 0)).isEqualTo(Json.compact("""
        {"post": {
          "%2$s": {"balance": "0x64"},
          "%3$s": {"nonce": 1}},
         "pre": {
          "%1$s": {"balance": "0x64", "code": "%4$s", "codeHash": "%5$s", "nonce": 1},
          "%2$s": {"balance": "0x0"},
          "%3$s": {"balance": "0xf4240"}}}
        """.formatted(s, HEIR, TestChain.SENDER, code, hash(code))));
  }

  @Test
  void diffModeCannotIncludeEmptyAccounts() {
    assertThatThrownBy(() -> Tracers.create("prestateTracer", Json.parse("""
        {"diffMode": true, "includeEmpty": true}"""), chain(Fork.CANCUN).state, Fork.CANCUN))
        .isInstanceOf(TracerException.class)
        .hasMessage("cannot use diffMode with includeEmpty")
        .extracting(e -> ((TracerException) e).reason())
        .isEqualTo(TracerException.Reason.INVALID_CONFIG);
  }
}
