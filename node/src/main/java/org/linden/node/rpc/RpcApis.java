package org.linden.node.rpc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON-RPC namespaces a node serves ({@code --rpc.apis}). By default {@code eth},
 * {@code net} and {@code web3}, plus {@code txpool} and {@code evm} on a dev chain;
 * {@code evm} stands for all the dev controls, whose methods anvil and hardhat name
 * {@code evm_*}, {@code anvil_*} and {@code hardhat_*}. {@code debug} and {@code admin} are
 * served only when named, since they expose internals and make the node work hard.
 */
public record RpcApis(Set<String> names) {
  /** Every namespace this node knows. */
  public static final List<String> KNOWN = List.of("eth", "net", "web3", "txpool", "evm", "debug", "admin", "qbft");

  public RpcApis {
    names = Set.copyOf(names);
  }

  /** The default set: {@code eth,net,web3}, with {@code txpool,evm} in dev mode. */
  public static RpcApis defaults(boolean dev) {
    return dev ? new RpcApis(Set.of("eth", "net", "web3", "txpool", "evm")) : new RpcApis(Set.of("eth", "net", "web3"));
  }

  /**
   * Parses a comma-separated list; {@code evm} is refused outside dev mode.
   *
   * @throws IllegalArgumentException naming the unknown or unavailable namespace
   */
  public static RpcApis parse(List<String> list, boolean dev) {
    Set<String> names = new LinkedHashSet<>();
    for (String item : list) {
      String name = item.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown API namespace '" + item.strip() + "' in --rpc.apis; known: "
            + String.join(",", KNOWN));
      }
      if (name.equals("evm") && !dev) {
        throw new IllegalArgumentException("the evm namespace (dev methods) is available in dev mode only");
      }
      names.add(name);
    }
    return new RpcApis(names);
  }

  public boolean enabled(String namespace) {
    return names.contains(namespace);
  }
}
