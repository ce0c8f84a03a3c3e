package org.linden.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;
import org.linden.types.Hash;

class AdminApiTest {
  private static final String ENODE = "enode://" + "ab".repeat(64) + "@127.0.0.1:30303";

  private final List<String> added = new ArrayList<>();
  private final AdminNode node = new AdminNode() {
    @Override
    public NodeInfo nodeInfo() {
      return new NodeInfo("cd".repeat(32), "Linden/v0.1.0", ENODE, "enr:-abc", "127.0.0.1", 30304, 30303,
          "127.0.0.1:30303", 1337, Hash.ZERO, Hash.ZERO, List.of(68, 69));
    }

    @Override
    public List<PeerInfo> peers() {
      return List.of(new PeerInfo(ENODE, "ef".repeat(32), "other/v1", List.of("eth/68", "eth/69"), "127.0.0.1:1",
          "127.0.0.1:2", true, false, 69, 10, 20));
    }

    @Override
    public void addPeer(String enode) {
      if (!enode.startsWith("enode://")) {
        throw new IllegalArgumentException("missing enode:// scheme");
      }
      added.add(enode);
    }

    @Override
    public boolean removePeer(String enode) {
      addPeer(enode);
      return added.remove(enode) && added.remove(enode);
    }
  };

  private JsonNode call(String method, String params) throws Exception {
    RpcDispatcher d = new RpcDispatcher(10);
    new AdminApi(node).register(d);
    String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    return RpcDispatcher.JSON.readTree(d.handle(request, RpcSession.NONE));
  }

  @Test
  void nodeInfoHasGethsShape() throws Exception {
    JsonNode info = call("admin_nodeInfo", "[]").get("result");
    assertThat(info.get("enode").asText()).isEqualTo(ENODE);
    assertThat(info.get("id").asText()).hasSize(64);
    assertThat(info.get("ports").get("listener").asInt()).isEqualTo(30303);
    assertThat(info.get("ports").get("discovery").asInt()).isEqualTo(30304);
    assertThat(info.get("protocols").get("eth").get("network").asLong()).isEqualTo(1337);
    assertThat(info.get("protocols").get("eth").get("genesis").asText()).isEqualTo(Hash.ZERO.toHex());
  }

  @Test
  void peersListTheirCapabilitiesAndDirection() throws Exception {
    JsonNode peers = call("admin_peers", "[]").get("result");
    assertThat(peers).hasSize(1);
    assertThat(peers.get(0).get("caps").toString()).isEqualTo("[\"eth/68\",\"eth/69\"]");
    assertThat(peers.get(0).get("network").get("inbound").asBoolean()).isTrue();
    assertThat(peers.get(0).get("protocols").get("eth").get("version").asInt()).isEqualTo(69);
  }

  @Test
  void addAndRemovePeer() throws Exception {
    assertThat(call("admin_addPeer", "[\"" + ENODE + "\"]").get("result").asBoolean()).isTrue();
    assertThat(added).containsExactly(ENODE);
    assertThat(call("admin_removePeer", "[\"" + ENODE + "\"]").get("result").asBoolean()).isTrue();
    assertThat(added).isEmpty();
  }

  @Test
  void badArgumentsAreInvalidParams() throws Exception {
    JsonNode e = call("admin_addPeer", "[\"http://x\"]").get("error");
    assertThat(e.get("code").asInt()).isEqualTo(-32602);
    assertThat(e.get("message").asText()).contains("invalid enode").contains("scheme");
    assertThat(call("admin_addPeer", "[42]").get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(call("admin_addPeer", "[]").get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(call("admin_nodeInfo", "[1]").get("error").get("code").asInt()).isEqualTo(-32602);
  }
}
