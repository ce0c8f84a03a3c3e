package org.linden.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses JSON-RPC 2.0 requests (single or batch), calls the registered methods and
 * writes the responses. Malformed input never escapes as an exception: it becomes the
 * error response the specification prescribes.
 */
public final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
  public static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final Map<String, RpcMethod> methods = new TreeMap<>();
  private final int maxBatchSize;
  private RpcMetrics metrics = RpcMetrics.NONE;

  public RpcDispatcher(int maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
  }

  public RpcDispatcher register(String name, RpcMethod method) {
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("method registered twice: " + name);
    }
    return this;
  }

  public void metrics(RpcMetrics metrics) {
    this.metrics = metrics;
  }

  public boolean has(String name) {
    return methods.containsKey(name);
  }

  public java.util.Set<String> methodNames() {
    return java.util.Collections.unmodifiableSet(methods.keySet());
  }

  /**
   * Handles one request body; returns the response text, or null when the request held
   * only notifications (no response is sent then).
   */
  public String handle(String body, RpcSession session) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return write(error(null, RpcException.PARSE_ERROR, "parse error: " + e.getOriginalMessage()));
    }
    if (request == null || request.isMissingNode()) {
      return write(error(null, RpcException.PARSE_ERROR, "parse error: empty request"));
    }
    if (request.isArray()) {
      if (request.isEmpty()) {
        return write(error(null, RpcException.INVALID_REQUEST, "empty batch"));
      }
      if (request.size() > maxBatchSize) {
        return write(error(null, RpcException.LIMIT_EXCEEDED, "batch of " + request.size()
            + " requests exceeds the limit of " + maxBatchSize));
      }
      ArrayNode responses = JsonNodeFactory.instance.arrayNode();
      for (JsonNode r : request) {
        ObjectNode response = handleOne(r, session);
        if (response != null) {
          responses.add(response);
        }
      }
      return responses.isEmpty() ? null : write(responses);
    }
    ObjectNode response = handleOne(request, session);
    return response == null ? null : write(response);
  }

  /** Handles one parsed request object; null for a notification. */
  public ObjectNode handleOne(JsonNode r, RpcSession session) {
    if (!r.isObject()) {
      return error(null, RpcException.INVALID_REQUEST, "invalid request: not an object");
    }
    JsonNode id = r.get("id");
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(null, RpcException.INVALID_REQUEST, "invalid request: id must be a string, number or null");
    }
    JsonNode version = r.get("jsonrpc");
    if (version == null || !"2.0".equals(version.asText())) {
      return error(id, RpcException.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\"");
    }
    JsonNode methodNode = r.get("method");
    if (methodNode == null || !methodNode.isTextual()) {
      return error(id, RpcException.INVALID_REQUEST, "invalid request: method must be a string");
    }
    String name = methodNode.textValue();
    JsonNode params = r.get("params");
    if (params != null && !params.isArray() && !params.isNull()) {
      return error(id, RpcException.INVALID_PARAMS, "non-array args");
    }
    RpcMethod method = methods.get(name);
    ObjectNode response;
    long start = System.nanoTime();
    if (method == null) {
      response = error(id, RpcException.METHOD_NOT_FOUND, "the method " + name + " does not exist/is not available");
    } else {
      try {
        Object result = method.call(new Params(params), session);
        response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        response.set("result", JSON.valueToTree(result));
      } catch (RpcException e) {
        response = error(id, e.code(), e.getMessage());
        if (e.data() != null) {
          ((ObjectNode) response.get("error")).set("data", e.data());
        }
      } catch (RuntimeException | StackOverflowError e) {
        LOG.warn("internal error in {}: {}", name, e.toString(), e);
        response = error(id, RpcException.INTERNAL_ERROR, "internal error: " + e);
      }
    }
    metrics.record(name, response.has("error"), System.nanoTime() - start);
    return id == null ? null : response;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return response;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
