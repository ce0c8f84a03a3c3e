package org.linden.node;

import org.linden.rpc.JsonRpcServer;
import org.linden.rpc.RpcDispatcher;

/** Adds methods, routes or measurements to the JSON-RPC server before it starts listening. */
@FunctionalInterface
interface RpcExtension {
  RpcExtension NONE = (dispatcher, server) -> {};

  void install(RpcDispatcher dispatcher, JsonRpcServer server);
}
