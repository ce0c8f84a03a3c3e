package org.linden.rpc.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcSession;

/** Calls a dispatcher with JSON text, as a client would, and picks results and errors apart. */
final class Rpc {
  private final RpcDispatcher dispatcher;

  Rpc(RpcDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** The whole response to {@code method} with {@code params} (each a Java value or a JsonNode). */
  JsonNode call(String method, Object... params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      JsonNode value = RpcDispatcher.JSON.valueToTree(p);
      array.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
    }
    try {
      return RpcDispatcher.JSON.readTree(dispatcher.handle(request.toString(), RpcSession.NONE));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    assertThat(response.has("error")).as("error in %s", response).isFalse();
    assertThat(response.has("result")).as("result in %s", response).isTrue();
    return response.get("result");
  }

  /** The error object of a call that must fail. */
  JsonNode error(String method, Object... params) {
    JsonNode response = call(method, params);
    assertThat(response.has("error")).as("error in %s", response).isTrue();
    return response.get("error");
  }

  static JsonNode json(String text) {
    try {
      return RpcDispatcher.JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
