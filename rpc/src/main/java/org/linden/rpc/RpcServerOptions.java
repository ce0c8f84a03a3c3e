package org.linden.rpc;

import java.util.List;

/**
 * Where and how the JSON-RPC server listens, and the limits that keep it alive under
 * abuse. {@code corsOrigins} and {@code hostAllowList} are closed by default: no CORS
 * headers, and only {@code localhost}/{@code 127.0.0.1}/{@code [::1]} as Host.
 */
public record RpcServerOptions(
    String host,
    int port,
    long maxBodyBytes,
    int maxWebSocketMessageBytes,
    int maxConnections,
    List<String> corsOrigins,
    List<String> hostAllowList,
    int workerThreads) {
  public static final long DEFAULT_MAX_BODY = 5L * 1024 * 1024;

  public static RpcServerOptions defaults(String host, int port) {
    return new RpcServerOptions(host, port, DEFAULT_MAX_BODY, 15 * 1024 * 1024, 512, List.of(),
        List.of("localhost", "127.0.0.1", "[::1]"), 4);
  }

  public RpcServerOptions {
    corsOrigins = List.copyOf(corsOrigins);
    hostAllowList = List.copyOf(hostAllowList);
  }
}
