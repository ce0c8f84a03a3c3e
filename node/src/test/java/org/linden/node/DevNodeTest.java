package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.chain.tx.FeeMarketTransaction;
import org.linden.crypto.PrivateKey;
import org.linden.node.dev.DevGenesis;
import org.linden.node.rpc.RpcApis;
import org.linden.types.Address;
import org.linden.types.UInt256;

/** A dev node started in-process on a free port, driven over HTTP JSON-RPC as a client would. */
class DevNodeTest {
  private static final List<PrivateKey> KEYS = DevGenesis.accounts();
  private static final UInt256 ETHER = UInt256.fromBigInteger(BigInteger.TEN.pow(18));

  private static LindenNode node;
  private static RpcClient rpc;
  private static Path dataDirectory;

  @BeforeAll
  static void start() {
    node = LindenNode.dev(null, new LindenNode.DevSettings(null, null, null), settings(RpcApis.defaults(true)));
    rpc = new RpcClient(node.port());
    dataDirectory = node.dataDirectory();
  }

  @AfterAll
  static void stop() {
    node.close();
    // Without --datadir the chain lived in a temporary directory, gone with the node.
    assertThat(dataDirectory).doesNotExist();
  }

  private static LindenNode.RpcSettings settings(RpcApis apis) {
    return new LindenNode.RpcSettings("127.0.0.1", 0, apis, List.of(), null);
  }

  @Test
  void theChainIdAndTheFundedAccounts() throws Exception {
    assertThat(node.port()).isPositive().isNotEqualTo(8545);
    assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
    assertThat(rpc.result("net_version").asText()).isEqualTo("1337");
    assertThat(rpc.result("web3_clientVersion").asText()).startsWith("Linden/v");
    assertThat(rpc.result("eth_syncing").asBoolean(true)).isFalse();
    // Accounts 6..9 are not used by the other tests: they still hold exactly 10,000 ETH.
    for (PrivateKey key : KEYS.subList(6, 10)) {
      assertThat(rpc.result("eth_getBalance", key.address().toHex(), "latest").asText())
          .isEqualTo("0x21e19e0c9bab2400000");
    }
    assertThat(rpc.result("eth_getCode", "0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02", "latest").asText())
        .startsWith("0x3373fffffffffffffffffffffffffffffffffffffffe");
  }

  @Test
  void aSignedTransferIsMinedInItsOwnBlockBeforeTheCallReturns() throws Exception {
    Address to = Address.fromHex("0x00000000000000000000000000000000000c0ffe");
    FeeMarketTransaction tx = DevTransfers.transfer(1337, KEYS.get(0), nonce(KEYS.get(0)), to, ETHER);
    String hash = rpc.result("eth_sendRawTransaction", tx.encoded().toHex()).asText();
    assertThat(hash).isEqualTo(tx.hash().toHex());
    // Automine: the receipt is there as soon as the call returns.
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", hash);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("type").asText()).isEqualTo("0x2");
    assertThat(receipt.get("gasUsed").asText()).isEqualTo("0x5208");
    JsonNode block = rpc.result("eth_getBlockByNumber", receipt.get("blockNumber").asText(), false);
    assertThat(block.get("transactions")).hasSize(1);
    assertThat(rpc.result("eth_getBalance", to.toHex(), "latest").asText()).isEqualTo("0xde0b6b3a7640000");
    assertThat(rpc.result("txpool_status").get("pending").asText()).isEqualTo("0x0");
  }

  @Test
  void withAutomineOffTransactionsWaitInThePoolUntilABlockIsMined() throws Exception {
    PrivateKey alice = KEYS.get(1);
    Address bob = KEYS.get(2).address();
    assertThat(rpc.result("evm_setAutomine", false).isNull()).isTrue();
    assertThat(rpc.result("anvil_getAutomine").asBoolean()).isFalse();
    try {
      long nonce = nonce(alice);
      String first = rpc.result("eth_sendRawTransaction",
          DevTransfers.transfer(1337, alice, nonce, bob, UInt256.ONE).encoded().toHex()).asText();
      // A gap: nonce + 2 waits in the queue for nonce + 1.
      rpc.result("eth_sendRawTransaction", DevTransfers.transfer(1337, alice, nonce + 2, bob, UInt256.ONE).encoded().toHex());
      assertThat(rpc.result("txpool_status").toString()).isEqualTo("{\"pending\":\"0x1\",\"queued\":\"0x1\"}");
      JsonNode content = rpc.result("txpool_content");
      String sender = org.linden.crypto.AddressChecksum.toChecksumHex(alice.address());
      assertThat(content.get("pending").get(sender).get(Long.toString(nonce)).get("hash").asText()).isEqualTo(first);
      assertThat(content.get("queued").get(sender).has(Long.toString(nonce + 2))).isTrue();
      assertThat(rpc.result("txpool_inspect").get("pending").get(sender).get(Long.toString(nonce)).asText())
          .isEqualTo(org.linden.crypto.AddressChecksum.toChecksumHex(bob) + ": 1 wei + 21000 gas × 11000000000 wei");
      assertThat(rpc.call("eth_getTransactionReceipt", first).get("result").isNull()).isTrue();
      assertThat(rpc.result("eth_getTransactionCount", alice.address().toHex(), "pending").asText())
          .isEqualTo("0x" + Long.toHexString(nonce + 1));

      assertThat(rpc.result("evm_mine").asText()).isEqualTo("0x0");
      assertThat(rpc.result("eth_getTransactionReceipt", first).get("status").asText()).isEqualTo("0x1");
      assertThat(rpc.result("txpool_status").toString()).isEqualTo("{\"pending\":\"0x0\",\"queued\":\"0x1\"}");
    } finally {
      rpc.result("evm_setAutomine", true);
    }
    // Filling the gap with automine back on mines both.
    long nonce = nonce(alice);
    rpc.result("eth_sendRawTransaction", DevTransfers.transfer(1337, alice, nonce, bob, UInt256.ONE).encoded().toHex());
    assertThat(rpc.result("txpool_status").toString()).isEqualTo("{\"pending\":\"0x0\",\"queued\":\"0x0\"}");
    assertThat(nonce(alice)).isEqualTo(nonce + 2);
  }

  @Test
  void badTransactionsAreRejectedWithGethsMessages() throws Exception {
    PrivateKey carol = KEYS.get(3);
    Address to = KEYS.get(4).address();
    FeeMarketTransaction ok = DevTransfers.transfer(1337, carol, nonce(carol), to, UInt256.ONE);
    rpc.result("eth_sendRawTransaction", ok.encoded().toHex());

    JsonNode again = rpc.call("eth_sendRawTransaction", ok.encoded().toHex()).get("error");
    assertThat(again.get("code").asInt()).isEqualTo(-32000);
    assertThat(again.get("message").asText()).startsWith("nonce too low");

    PrivateKey stranger = PrivateKey.fromHex("0x" + "22".repeat(32));
    JsonNode broke = rpc.call("eth_sendRawTransaction",
        DevTransfers.transfer(1337, stranger, 0, to, UInt256.ONE).encoded().toHex()).get("error");
    assertThat(broke.get("code").asInt()).isEqualTo(-32000);
    assertThat(broke.get("message").asText()).startsWith("insufficient funds for gas * price + value");

    JsonNode otherChain = rpc.call("eth_sendRawTransaction",
        DevTransfers.transfer(1, carol, nonce(carol), to, UInt256.ONE).encoded().toHex()).get("error");
    assertThat(otherChain.get("code").asInt()).isEqualTo(-32000);
    assertThat(otherChain.get("message").asText()).startsWith("invalid chain id");

    JsonNode garbage = rpc.call("eth_sendRawTransaction", "0x02c0ffee").get("error");
    assertThat(garbage.get("code").asInt()).isEqualTo(-32000);
    assertThat(garbage.get("message").asText()).startsWith("invalid transaction encoding");

    JsonNode notHex = rpc.call("eth_sendRawTransaction", "zz").get("error");
    assertThat(notHex.get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void theTestAccountsAreUnlockedForSendingAndSigning() throws Exception {
    JsonNode accounts = rpc.result("eth_accounts");
    assertThat(accounts).hasSize(10);
    assertThat(accounts.get(0).asText()).isEqualTo(KEYS.get(0).address().toHex());
    var request = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("from", KEYS.get(5).address().toHex())
        .put("to", "0x00000000000000000000000000000000000beef5")
        .put("value", "0x2a");
    String hash = rpc.result("eth_sendTransaction", request).asText();
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", hash);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("from").asText()).isEqualTo(KEYS.get(5).address().toHex());
    assertThat(rpc.result("eth_getBalance", "0x00000000000000000000000000000000000beef5", "latest").asText())
        .isEqualTo("0x2a");
  }

  @Test
  void timeMovesOnlyForward() throws Exception {
    long head = Long.decode(rpc.result("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
    rpc.result("evm_setNextBlockTimestamp", head + 1000);
    rpc.result("evm_mine");
    JsonNode block = rpc.result("eth_getBlockByNumber", "latest", false);
    assertThat(Long.decode(block.get("timestamp").asText())).isEqualTo(head + 1000);
    JsonNode past = rpc.call("evm_setNextBlockTimestamp", head).get("error");
    assertThat(past.get("code").asInt()).isEqualTo(-32602);
    rpc.result("evm_increaseTime", 3600);
    rpc.result("evm_mine");
    long later = Long.decode(rpc.result("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
    assertThat(later).isGreaterThanOrEqualTo(head + 1000 + 3600);
  }

  @Test
  void healthAndReadinessRoutes() throws Exception {
    var health = rpc.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body().strip()).isEqualTo("ok");
    assertThat(rpc.get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheNamedNamespacesAreServed(@TempDir Path dir) throws Exception {
    try (LindenNode other = LindenNode.dev(dir.resolve("chain"), new LindenNode.DevSettings(5L, null, null),
        settings(RpcApis.parse(List.of("eth"), true)))) {
      RpcClient client = new RpcClient(other.port());
      assertThat(client.result("eth_chainId").asText()).isEqualTo("0x5");
      assertThat(client.call("net_version").get("error").get("code").asInt()).isEqualTo(-32601);
      assertThat(client.call("txpool_status").get("error").get("code").asInt()).isEqualTo(-32601);
      assertThat(client.call("evm_mine").get("error").get("code").asInt()).isEqualTo(-32601);
      assertThat(client.call("debug_traceTransaction", "0x" + "00".repeat(32)).get("error").get("code").asInt())
          .isEqualTo(-32601);
    }
    try (LindenNode traced = LindenNode.dev(null, new LindenNode.DevSettings(null, null, null),
        settings(RpcApis.parse(List.of("eth", "debug"), true)))) {
      RpcClient client = new RpcClient(traced.port());
      assertThat(client.call("debug_getRawHeader", "0x0").get("result").asText()).startsWith("0xf9");
    }
    // A data directory given by the user stays.
    assertThat(dir.resolve("chain").resolve("genesis.json")).exists();
    assertThatThrownBy(() -> RpcApis.parse(List.of("eth", "bogus"), true)).hasMessageContaining("bogus");
    assertThatThrownBy(() -> RpcApis.parse(List.of("evm"), false)).hasMessageContaining("dev mode only");
  }

  @Test
  void aDevDirectoryReopensAtItsHeadAndRefusesAnotherChainId(@TempDir Path dir) throws Exception {
    Path chain = dir.resolve("chain");
    try (LindenNode first = LindenNode.dev(chain, new LindenNode.DevSettings(null, null, null),
        settings(RpcApis.defaults(true)))) {
      new RpcClient(first.port()).result("evm_mine");
      assertThat(first.chain().head().number()).isEqualTo(1);
    }
    try (LindenNode again = LindenNode.dev(chain, new LindenNode.DevSettings(null, null, null),
        settings(RpcApis.defaults(true)))) {
      assertThat(again.chain().head().number()).isEqualTo(1);
      assertThat(again.chain().config().chainId()).isEqualTo(1337);
    }
    assertThatThrownBy(() -> LindenNode.dev(chain, new LindenNode.DevSettings(7L, null, null),
        settings(RpcApis.defaults(true))))
        .isInstanceOf(UsageError.class).hasMessageContaining("holds chain 1337, not 7");
    assertThat(Files.exists(chain.resolve("genesis.json"))).isTrue();
  }

  @Test
  void aPortInUseIsOneClearError() {
    assertThatThrownBy(() -> LindenNode.dev(null, new LindenNode.DevSettings(null, null, null),
        new LindenNode.RpcSettings("127.0.0.1", node.port(), RpcApis.defaults(true), List.of(), null)))
        .hasMessageContaining("cannot listen on 127.0.0.1:" + node.port());
  }

  private static long nonce(PrivateKey key) throws Exception {
    return Long.decode(rpc.result("eth_getTransactionCount", key.address().toHex(), "latest").asText());
  }
}
