package org.linden.node;

import java.util.List;
import org.linden.node.rpc.RpcApis;
import picocli.CommandLine.Option;

/** The JSON-RPC flags {@code dev} and {@code node} share, with geth's names. */
final class RpcOptions {
  @Option(names = "--http.addr", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address the JSON-RPC server (HTTP and WebSocket) binds (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--http.port", paramLabel = "PORT", defaultValue = "8545",
      description = "JSON-RPC port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--rpc.apis", paramLabel = "LIST", split = ",",
      description = "Namespaces to serve: eth,net,web3,txpool,evm,debug,admin (default: eth,net,web3; "
          + "with txpool,evm in dev mode)")
  List<String> apis;

  @Option(names = "--http.corsdomain", paramLabel = "ORIGINS", split = ",",
      description = "Origins browsers may call from, comma-separated ('*' for any; default: none)")
  List<String> corsOrigins = List.of();

  @Option(names = "--http.vhosts", paramLabel = "HOSTS", split = ",",
      description = "Host names accepted in the Host header, comma-separated ('*' for any; default: localhost"
          + " and the loopback addresses)")
  List<String> virtualHosts;

  /** The settings these flags give, or a {@link UsageError} naming the bad flag. */
  LindenNode.RpcSettings settings(boolean dev) {
    if (port < 0 || port > 65535) {
      throw new UsageError("--http.port " + port + " is not a port number (0 to 65535)");
    }
    if (host == null || host.isBlank()) {
      throw new UsageError("--http.addr must not be empty");
    }
    RpcApis namespaces;
    try {
      namespaces = apis == null ? RpcApis.defaults(dev) : RpcApis.parse(apis, dev);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    return new LindenNode.RpcSettings(host, port, namespaces, corsOrigins, virtualHosts);
  }
}
