package org.linden.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method: takes the request's params and returns the result (any value
 * Jackson can write: a JsonNode, a String quantity, a record) or throws {@link RpcException}.
 */
@FunctionalInterface
public interface RpcMethod {
  Object call(Params params, RpcSession session);
}
