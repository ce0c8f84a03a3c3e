package org.linden.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Host header values the JSON-RPC server accepts ({@code --http.vhosts}). The check
 * defends against DNS rebinding, where a web page reaches the node under a hostname the
 * attacker controls; a request addressed to an IP literal cannot come that way, so, as geth
 * does, the loopback addresses and the address the server binds stay accepted whatever
 * names are given.
 */
final class VirtualHosts {
  private VirtualHosts() {}

  static List<String> allowList(List<String> names, String bindHost) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String name = n.strip().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !out.contains(name)) {
        out.add(name);
      }
    }
    for (String literal : List.of("127.0.0.1", "[::1]", bracketed(bindHost))) {
      if (isIpLiteral(literal) && !out.contains(literal)) {
        out.add(literal);
      }
    }
    return out;
  }

  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static boolean isIpLiteral(String host) {
    if (host.startsWith("[")) {
      return !host.equals("[::]");
    }
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !host.equals("0.0.0.0");
  }
}
