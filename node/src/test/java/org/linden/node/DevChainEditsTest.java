package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.crypto.PrivateKey;
import org.linden.node.dev.DevGenesis;
import org.linden.node.rpc.RpcApis;
import org.linden.types.Address;
import org.linden.types.UInt256;

/** Snapshots, account edits and impersonation on an in-process dev node, over JSON-RPC. */
class DevChainEditsTest {
  private static final List<PrivateKey> KEYS = DevGenesis.accounts();
  private static final UInt256 ETHER = UInt256.fromBigInteger(BigInteger.TEN.pow(18));

  @TempDir
  static Path tmp;

  private static LindenNode node;
  private static RpcClient rpc;

  @BeforeAll
  static void start() {
    node = open();
    rpc = new RpcClient(node.port());
  }

  private static LindenNode open() {
    return LindenNode.dev(tmp.resolve("chain"), new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", 0, RpcApis.defaults(true), List.of(), null));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void revertTakesTheChainBackToTheSnapshot() throws Exception {
    PrivateKey alice = KEYS.get(1);
    Address bob = Address.fromHex("0x00000000000000000000000000000000000b0b00");
    String aliceBefore = balance(alice.address());
    long numberBefore = blockNumber();
    String first = rpc.result("evm_snapshot").asText();
    rpc.result("eth_sendRawTransaction",
        DevTransfers.transfer(1337, alice, nonce(alice), bob, ETHER).encoded().toHex());
    String second = rpc.result("evm_snapshot").asText();
    rpc.result("evm_mine");
    rpc.result("evm_increaseTime", 86_400);
    assertThat(blockNumber()).isEqualTo(numberBefore + 2);
    assertThat(balance(bob)).isEqualTo("0xde0b6b3a7640000");

    assertThat(rpc.result("evm_revert", first).asBoolean()).isTrue();
    assertThat(blockNumber()).isEqualTo(numberBefore);
    assertThat(balance(bob)).isEqualTo("0x0");
    assertThat(balance(alice.address())).isEqualTo(aliceBefore);
    assertThat(rpc.result("txpool_status").toString()).isEqualTo("{\"pending\":\"0x0\",\"queued\":\"0x0\"}");
    // The snapshot and the later one are used up.
    assertThat(rpc.result("evm_revert", first).asBoolean()).isFalse();
    assertThat(rpc.result("evm_revert", second).asBoolean()).isFalse();
    assertThat(rpc.result("evm_revert", "0x99").asBoolean()).isFalse();

    // The chain goes on from there: the same transfer can be sent again, and the clock offset is gone.
    rpc.result("eth_sendRawTransaction",
        DevTransfers.transfer(1337, alice, nonce(alice), bob, ETHER).encoded().toHex());
    assertThat(blockNumber()).isEqualTo(numberBefore + 1);
    assertThat(balance(bob)).isEqualTo("0xde0b6b3a7640000");
    long timestamp = Long.decode(rpc.result("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
    assertThat(timestamp).isLessThan(System.currentTimeMillis() / 1000 + 3600);
  }

  /** Returns storage slot 0: PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN. */
  private static final String SLOT_ZERO_CODE = "0x60005460005260206000f3";

  @Test
  void editsAreVisibleAtOnceUndoneByRevertAndKeptAcrossARestart(@TempDir Path dir) throws Exception {
    Address target = Address.fromHex("0x00000000000000000000000000000000000ed170");
    Address eoa = Address.fromHex("0x00000000000000000000000000000000000ed171");
    String word = "0x" + "00".repeat(31) + "2a";
    try (LindenNode own = LindenNode.dev(dir.resolve("chain"), new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", 0, RpcApis.defaults(true), List.of(), null))) {
      RpcClient c = new RpcClient(own.port());
      String snapshot = c.result("evm_snapshot").asText();
      long before = Long.decode(c.result("eth_blockNumber").asText());
      assertThat(c.result("anvil_setBalance", target.toHex(), "0x1234").isNull()).isTrue();
      assertThat(c.result("eth_getBalance", target.toHex(), "latest").asText()).isEqualTo("0x1234");
      assertThat(c.result("hardhat_setCode", target.toHex(), SLOT_ZERO_CODE).asBoolean()).isTrue();
      assertThat(c.result("eth_getCode", target.toHex(), "latest").asText()).isEqualTo(SLOT_ZERO_CODE);
      assertThat(c.result("anvil_setStorageAt", target.toHex(), "0x0", word).asBoolean()).isTrue();
      assertThat(c.result("eth_getStorageAt", target.toHex(), "0x0", "latest").asText()).isEqualTo(word);
      var call = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("to", target.toHex());
      assertThat(c.result("eth_call", call, "latest").asText()).isEqualTo(word);
      c.result("anvil_setNonce", eoa.toHex(), "0x7");
      assertThat(c.result("eth_getTransactionCount", eoa.toHex(), "latest").asText()).isEqualTo("0x7");
      // The balance survived the later edits of the same account.
      assertThat(c.result("eth_getBalance", target.toHex(), "latest").asText()).isEqualTo("0x1234");
      // A nonce never goes back.
      assertThat(c.call("anvil_setNonce", eoa.toHex(), "0x6").get("error").get("code").asInt()).isEqualTo(-32602);
      // Each edit is an empty block on the chain.
      assertThat(Long.decode(c.result("eth_blockNumber").asText())).isEqualTo(before + 4);
      JsonNode block = c.result("eth_getBlockByNumber", "latest", false);
      assertThat(block.get("transactions")).isEmpty();

      // Revert undoes the edits with their blocks.
      assertThat(c.result("evm_revert", snapshot).asBoolean()).isTrue();
      assertThat(c.result("eth_getBalance", target.toHex(), "latest").asText()).isEqualTo("0x0");
      assertThat(c.result("eth_getCode", target.toHex(), "latest").asText()).isEqualTo("0x");
      assertThat(c.result("eth_getTransactionCount", eoa.toHex(), "latest").asText()).isEqualTo("0x0");

      c.result("anvil_setBalance", target.toHex(), "0x1234");
      c.result("anvil_setCode", target.toHex(), SLOT_ZERO_CODE);
      c.result("anvil_setStorageAt", target.toHex(), "0x0", word);
      c.result("anvil_setNonce", eoa.toHex(), "0x7");
      // A transfer after the edits executes on the edited state.
      PrivateKey alice = KEYS.get(2);
      rpc(c, alice, eoa);
      assertThat(c.result("eth_getBalance", eoa.toHex(), "latest").asText()).isEqualTo("0xde0b6b3a7640000");
    }
    // Reopening checks the head's state root against the state: the edits are part of the chain.
    try (LindenNode reopened = LindenNode.dev(dir.resolve("chain"), new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", 0, RpcApis.defaults(true), List.of(), null))) {
      RpcClient c = new RpcClient(reopened.port());
      assertThat(c.result("eth_getBalance", target.toHex(), "latest").asText()).isEqualTo("0x1234");
      assertThat(c.result("eth_getCode", target.toHex(), "latest").asText()).isEqualTo(SLOT_ZERO_CODE);
      assertThat(c.result("eth_getStorageAt", target.toHex(), "0x0", "latest").asText()).isEqualTo(word);
      assertThat(c.result("eth_getTransactionCount", eoa.toHex(), "latest").asText()).isEqualTo("0x7");
      c.result("evm_mine");
    }
  }

  @Test
  void impersonatedAccountsSendWithoutAKeyAndTheirSenderSurvivesARestart(@TempDir Path dir) throws Exception {
    // An address nobody holds the key of, funded by an edit.
    Address whale = Address.fromHex("0x000000000000000000000000000000000000beef");
    Address to = Address.fromHex("0x00000000000000000000000000000000000beef1");
    var apis = new RpcApis(java.util.Set.of("eth", "net", "web3", "txpool", "evm", "debug"));
    String txHash;
    String blockHash;
    try (LindenNode own = LindenNode.dev(dir.resolve("chain"), new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", 0, apis, List.of(), null))) {
      RpcClient c = new RpcClient(own.port());
      c.result("anvil_setBalance", whale.toHex(), "0xde0b6b3a7640000");
      var send = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("from", whale.toHex()).put("to", to.toHex()).put("value", "0x3e8");
      // Not impersonated yet: refused as geth refuses an unknown account.
      JsonNode refused = c.call("eth_sendTransaction", send).get("error");
      assertThat(refused.get("code").asInt()).isEqualTo(-32000);
      assertThat(refused.get("message").asText()).contains("unknown account");

      assertThat(c.result("anvil_impersonateAccount", whale.toHex()).isNull()).isTrue();
      assertThat(c.result("eth_accounts").toString()).contains(whale.toHex().toLowerCase());
      txHash = c.result("eth_sendTransaction", send).asText();
      JsonNode receipt = c.result("eth_getTransactionReceipt", txHash);
      assertThat(receipt.get("status").asText()).isEqualTo("0x1");
      assertThat(receipt.get("from").asText()).isEqualToIgnoringCase(whale.toHex());
      blockHash = receipt.get("blockHash").asText();
      JsonNode tx = c.result("eth_getTransactionByHash", txHash);
      assertThat(tx.get("from").asText()).isEqualToIgnoringCase(whale.toHex());
      assertThat(tx.get("hash").asText()).isEqualTo(txHash);
      assertThat(c.result("eth_getBalance", to.toHex(), "latest").asText()).isEqualTo("0x3e8");
      assertThat(c.result("eth_getTransactionCount", whale.toHex(), "latest").asText()).isEqualTo("0x1");
      JsonNode full = c.result("eth_getBlockByHash", blockHash, true);
      assertThat(full.get("transactions").get(0).get("from").asText()).isEqualToIgnoringCase(whale.toHex());
      // Tracing replays the block with the recorded sender.
      var callTracer = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("tracer", "callTracer");
      JsonNode trace = c.result("debug_traceTransaction", txHash, callTracer);
      assertThat(trace.get("from").asText()).isEqualToIgnoringCase(whale.toHex());
      assertThat(trace.get("value").asText()).isEqualTo("0x3e8");

      // Two impersonated senders sending the same fields get different hashes.
      Address other = Address.fromHex("0x000000000000000000000000000000000000cafe");
      c.result("hardhat_setBalance", other.toHex(), "0xde0b6b3a7640000");
      c.result("hardhat_impersonateAccount", other.toHex());
      c.result("evm_setAutomine", false);
      var same = send.deepCopy().put("nonce", "0x1").put("gas", "0x5208").put("maxFeePerGas", "0x3b9aca00")
          .put("maxPriorityFeePerGas", "0x1");
      String first = c.result("eth_sendTransaction", same).asText();
      String second = c.result("eth_sendTransaction", same.deepCopy().put("from", other.toHex()).put("nonce", "0x0"))
          .asText();
      assertThat(first).isNotEqualTo(second);
      // Pending ones show their sender too.
      assertThat(c.result("eth_getTransactionByHash", second).get("from").asText()).isEqualToIgnoringCase(other.toHex());
      c.result("evm_mine");
      assertThat(c.result("eth_getTransactionReceipt", first).get("status").asText()).isEqualTo("0x1");
      assertThat(c.result("eth_getTransactionReceipt", second).get("from").asText()).isEqualToIgnoringCase(other.toHex());
      c.result("evm_setAutomine", true);

      // Stopping ends it.
      assertThat(c.result("anvil_stopImpersonatingAccount", whale.toHex()).isNull()).isTrue();
      assertThat(c.result("hardhat_stopImpersonatingAccount", whale.toHex()).asBoolean()).isFalse();
      assertThat(c.call("eth_sendTransaction", send).get("error").get("message").asText()).contains("unknown account");
      // An impersonated account cannot sign.
      c.result("anvil_impersonateAccount", whale.toHex());
      assertThat(c.call("eth_sign", whale.toHex(), "0x00").get("error")).isNotNull();
    }
    // The chain re-validates its head on reopen; the recorded sender is read from the block's side data.
    try (LindenNode reopened = LindenNode.dev(dir.resolve("chain"), new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", 0, apis, List.of(), null))) {
      RpcClient c = new RpcClient(reopened.port());
      assertThat(c.result("eth_getTransactionByHash", txHash).get("from").asText()).isEqualToIgnoringCase(whale.toHex());
      assertThat(c.result("eth_getTransactionReceipt", txHash).get("blockHash").asText()).isEqualTo(blockHash);
    }
  }

  private static void rpc(RpcClient c, PrivateKey from, Address to) throws Exception {
    long nonce = Long.decode(c.result("eth_getTransactionCount", from.address().toHex(), "latest").asText());
    String hash = c.result("eth_sendRawTransaction",
        DevTransfers.transfer(1337, from, nonce, to, ETHER).encoded().toHex()).asText();
    assertThat(c.result("eth_getTransactionReceipt", hash).get("status").asText()).isEqualTo("0x1");
  }

  private static String balance(Address a) throws Exception {
    return rpc.result("eth_getBalance", a.toHex(), "latest").asText();
  }

  private static long blockNumber() throws Exception {
    return Long.decode(rpc.result("eth_blockNumber").asText());
  }

  private static long nonce(PrivateKey key) throws Exception {
    return Long.decode(rpc.result("eth_getTransactionCount", key.address().toHex(), "latest").asText());
  }
}
