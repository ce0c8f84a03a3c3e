package org.linden.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linden.node.p2p.NetworkSettings;
import org.linden.p2p.identity.Enode;
import picocli.CommandLine.Option;

/** The peer-to-peer flags of {@code linden node}, with geth's names. */
final class NetworkOptions {
  @Option(names = "--p2p.addr", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on for peers (RLPx over TCP, discovery over UDP) and to advertise"
          + " (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--p2p.port", paramLabel = "PORT", defaultValue = "30303",
      description = "RLPx TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--discovery.port", paramLabel = "PORT", defaultValue = "-1",
      description = "Discovery UDP port (default: the same as --p2p.port)")
  int discoveryPort;

  @Option(names = "--nodiscover", description = "Do not run discovery; dial only bootnodes and static peers")
  boolean noDiscover;

  @Option(names = "--bootnodes", paramLabel = "ENODES", split = ",",
      description = "enode:// URLs of nodes to bond with and dial first, comma-separated")
  List<String> bootnodes = List.of();

  @Option(names = "--maxpeers", paramLabel = "N", defaultValue = "25",
      description = "Most connected peers; 0 turns networking off (default: ${DEFAULT-VALUE})")
  int maxPeers;

  @Option(names = "--nodekey", paramLabel = "FILE",
      description = "Node key file (hex secp256k1 private key; default: 'nodekey' in the data directory, created on"
          + " first start)")
  Path nodeKey;

  /** The settings these flags give, or a {@link UsageError} naming the bad flag. */
  NetworkSettings settings() {
    if (host == null || host.isBlank()) {
      throw new UsageError("--p2p.addr must not be empty");
    }
    List<Enode> boot = new ArrayList<>();
    for (String url : bootnodes) {
      if (url.isBlank()) {
        continue;
      }
      try {
        boot.add(Enode.parse(url.strip()));
      } catch (IllegalArgumentException e) {
        throw new UsageError("--bootnodes: " + e.getMessage());
      }
    }
    if (nodeKey != null && !Files.isRegularFile(nodeKey)) {
      throw new UsageError("--nodekey " + nodeKey + ": no such file");
    }
    try {
      return new NetworkSettings(host, port, discoveryPort, !noDiscover, boot, maxPeers, nodeKey);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
  }
}
