package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.node.p2p.NetworkSettings;
import org.linden.node.rpc.RpcApis;
import org.linden.p2p.identity.Enode;

/** Two in-process nodes on 127.0.0.1 find each other and report it through the admin and net namespaces. */
class NetworkNodeTest {
  private static final String GENESIS = "../shared/fixtures/chains/geth-ethtest/genesis.json";

  private static LindenNode start(Path dir, boolean discovery, List<Enode> bootnodes) {
    Path genesis = DevNodeProcess.ROOT.resolve(GENESIS).normalize();
    assertThat(genesis).as("fixture %s is missing", genesis).exists();
    RpcApis apis = RpcApis.parse(List.of("eth", "net", "web3", "admin"), false);
    return LindenNode.node(dir, genesis, new LindenNode.RpcSettings("127.0.0.1", 0, apis, List.of(), null),
        ObservabilitySettings.defaults(false), new NetworkSettings("127.0.0.1", 0, -1, discovery, bootnodes, 5, null));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("gave up waiting for " + what);
  }

  private static int peers(RpcClient c) {
    try {
      return c.result("admin_peers").size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nodesFindEachOtherThroughABootnode(@TempDir Path tmp) throws Exception {
    try (LindenNode a = start(tmp.resolve("a"), true, List.of());
        LindenNode b = start(tmp.resolve("b"), true, List.of(Enode.parse(a.enode())))) {
      RpcClient ca = new RpcClient(a.port());
      RpcClient cb = new RpcClient(b.port());
      JsonNode info = ca.result("admin_nodeInfo");
      assertThat(info.get("enode").asText()).isEqualTo(a.enode());
      assertThat(info.get("ports").get("listener").asInt()).isPositive();
      assertThat(info.get("enr").asText()).startsWith("enr:");
      assertThat(info.get("protocols").get("eth").get("genesis").asText())
          .isEqualTo(ca.result("eth_getBlockByNumber", "0x0", false).get("hash").asText());
      await("a peer on each side", () -> peers(ca) == 1 && peers(cb) == 1);
      assertThat(ca.result("net_peerCount").asText()).isEqualTo("0x1");
      JsonNode peerOfB = cb.result("admin_peers").get(0);
      assertThat(peerOfB.get("id").asText()).isEqualTo(info.get("id").asText());
      // Either side may have dialled (b dials its bootnode, a dials what discovery found); the ends agree.
      boolean bInbound = peerOfB.get("network").get("inbound").asBoolean();
      assertThat(ca.result("admin_peers").get(0).get("network").get("inbound").asBoolean()).isEqualTo(!bInbound);
    }
  }

  @Test
  void staticPeersAreAddedAndRemovedByAdminCalls(@TempDir Path tmp) throws Exception {
    try (LindenNode a = start(tmp.resolve("a"), false, List.of());
        LindenNode b = start(tmp.resolve("b"), false, List.of())) {
      RpcClient cb = new RpcClient(b.port());
      RpcClient ca = new RpcClient(a.port());
      assertThat(cb.result("admin_addPeer", a.enode()).asBoolean()).isTrue();
      await("b connected to a", () -> peers(cb) == 1);
      assertThat(cb.result("admin_removePeer", a.enode()).asBoolean()).isTrue();
      await("the connection closed", () -> peers(cb) == 0 && peers(ca) == 0);
      // A malformed URL is refused with the reason.
      JsonNode error = cb.call("admin_addPeer", "enode://1234@127.0.0.1:1").get("error");
      assertThat(error.get("code").asInt()).isEqualTo(-32602);
      assertThat(error.get("message").asText()).contains("invalid enode");
    }
  }

  @Test
  void adminIsOffUnlessNamed(@TempDir Path tmp) throws Exception {
    Path genesis = DevNodeProcess.ROOT.resolve(GENESIS).normalize();
    try (LindenNode a = LindenNode.node(tmp.resolve("a"), genesis,
        new LindenNode.RpcSettings("127.0.0.1", 0, RpcApis.defaults(false), List.of(), null))) {
      assertThat(new RpcClient(a.port()).call("admin_nodeInfo").get("error").get("code").asInt()).isEqualTo(-32601);
    }
  }
}
