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

  private static String balance(Address a) throws Exception {
    return rpc.result("eth_getBalance", a.toHex(), "latest").asText();
  }

  private static long blockNumber() throws Exception {
    return Long.decode(rpc.result("eth_blockNumber").asText());
  }

  private static long nonce(PrivateKey key) throws Exception {
    return Long.decode(rpc.result("eth_getTransactionCount", key.address().toHex(), "latest").asText());
  }

  @SuppressWarnings("unused")
  private static JsonNode latest() throws Exception {
    return rpc.result("eth_getBlockByNumber", "latest", false);
  }
}
