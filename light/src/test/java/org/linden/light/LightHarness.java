package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.linden.chain.block.BlockHeader;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;

/** A light client's methods on a dispatcher, over given upstreams, called in-process. */
final class LightHarness {
  final UpstreamPool pool;
  final HeaderChain headers;
  final RpcDispatcher dispatcher = new RpcDispatcher(100);

  LightHarness(BlockHeader anchor, Path dataDir, Upstream... upstreams) {
    pool = new UpstreamPool(List.of(upstreams));
    headers = new HeaderChain(pool, anchor, dataDir == null ? null : new HeadStore(dataDir));
    new LightApi(SyntheticChain.CONFIG, pool, headers).register(dispatcher);
  }

  /** The whole response object: {@code result} or {@code error}. */
  ObjectNode response(String method, Object... params) {
    ObjectNode req = RpcDispatcher.JSON.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", 1);
    req.put("method", method);
    ArrayNode p = req.putArray("params");
    for (Object o : params) {
      p.add(RpcDispatcher.JSON.valueToTree(o));
    }
    return dispatcher.handleOne(req, RpcSession.NONE);
  }

  JsonNode result(String method, Object... params) {
    ObjectNode r = response(method, params);
    if (r.has("error")) {
      throw new AssertionError(method + " failed: " + r.get("error"));
    }
    return r.get("result");
  }

  /** The error message; fails if the call succeeded. */
  String error(String method, Object... params) {
    ObjectNode r = response(method, params);
    if (!r.has("error")) {
      throw new AssertionError(method + " passed: " + r.get("result"));
    }
    return r.get("error").get("message").asText();
  }
}
