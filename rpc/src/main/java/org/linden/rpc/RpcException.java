package org.linden.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error with its code, message and optional data, as execution-apis defines
 * them: -32700 parse error, -32600 invalid request, -32601 method not found, -32602
 * invalid params, -32603 internal error, -32000 family for server and pool rejections,
 * 3 for a reverted call (data = revert data).
 */
public final class RpcException extends RuntimeException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  public static final int SERVER_ERROR = -32000;
  public static final int EXECUTION_REVERTED = 3;
  public static final int LIMIT_EXCEEDED = -32005;

  private final int code;
  private final transient JsonNode data;

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public RpcException(int code, String message, JsonNode data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(INVALID_PARAMS, message);
  }

  public static RpcException server(String message) {
    return new RpcException(SERVER_ERROR, message);
  }
}
