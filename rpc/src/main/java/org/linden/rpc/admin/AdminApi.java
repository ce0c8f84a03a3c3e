package org.linden.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linden.rpc.Params;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;

/**
 * The {@code admin} namespace: {@code admin_nodeInfo}, {@code admin_peers},
 * {@code admin_addPeer} and {@code admin_removePeer}, in go-ethereum's shapes. It lets a
 * caller make this node dial anywhere, so the node registers it only when {@code admin} is
 * named in {@code --rpc.apis}.
 */
public final class AdminApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final AdminNode node;

  public AdminApi(AdminNode node) {
    this.node = node;
  }

  public void register(RpcDispatcher d) {
    d.register("admin_nodeInfo", (p, s) -> {
      p.atMost(0);
      return nodeInfo(node.nodeInfo());
    });
    d.register("admin_peers", (p, s) -> {
      p.atMost(0);
      ArrayNode out = F.arrayNode();
      node.peers().forEach(peer -> out.add(peer(peer)));
      return out;
    });
    d.register("admin_addPeer", (p, s) -> {
      p.atMost(1);
      String url = enode(p);
      try {
        node.addPeer(url);
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams("invalid enode: " + e.getMessage());
      } catch (IllegalStateException e) {
        throw RpcException.server(e.getMessage());
      }
      return true;
    });
    d.register("admin_removePeer", (p, s) -> {
      p.atMost(1);
      String url = enode(p);
      try {
        return node.removePeer(url);
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams("invalid enode: " + e.getMessage());
      }
    });
  }

  private static String enode(Params p) {
    JsonNode n = p.required(0, "enode");
    if (!n.isTextual()) {
      throw RpcException.invalidParams("invalid argument 0: enode: expected an enode:// URL string");
    }
    return n.textValue();
  }

  static ObjectNode nodeInfo(NodeInfo info) {
    ObjectNode o = F.objectNode();
    o.put("id", info.id());
    o.put("name", info.name());
    o.put("enode", info.enode());
    o.put("enr", info.enr());
    o.put("ip", info.ip());
    ObjectNode ports = o.putObject("ports");
    ports.put("discovery", info.discoveryPort());
    ports.put("listener", info.listenerPort());
    o.put("listenAddr", info.listenAddr());
    ObjectNode eth = o.putObject("protocols").putObject("eth");
    eth.put("network", info.networkId());
    eth.put("genesis", info.genesis().toHex());
    eth.put("head", info.head().toHex());
    ArrayNode versions = eth.putArray("versions");
    info.ethVersions().forEach(versions::add);
    return o;
  }

  static ObjectNode peer(PeerInfo peer) {
    ObjectNode o = F.objectNode();
    o.put("enode", peer.enode());
    o.put("id", peer.id());
    o.put("name", peer.name());
    ArrayNode caps = o.putArray("caps");
    peer.caps().forEach(caps::add);
    ObjectNode network = o.putObject("network");
    network.put("localAddress", peer.localAddress());
    network.put("remoteAddress", peer.remoteAddress());
    network.put("inbound", peer.inbound());
    network.put("trusted", peer.trusted());
    network.put("static", peer.trusted());
    ObjectNode protocols = o.putObject("protocols");
    if (peer.ethVersion() > 0) {
      protocols.putObject("eth").put("version", peer.ethVersion());
    }
    ObjectNode traffic = o.putObject("traffic");
    traffic.put("bytesIn", peer.bytesIn());
    traffic.put("bytesOut", peer.bytesOut());
    return o;
  }
}
