package org.linden.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code linden node}: serves a chain from its data directory over JSON-RPC, initialising
 * the directory from {@code --genesis} on the first start.
 */
@Command(name = "node", description = "Serve a chain from a data directory over JSON-RPC and to peers.")
final class NodeCommand implements Callable<Integer> {
  @Option(names = "--genesis", paramLabel = "FILE",
      description = "geth-format genesis.json (needed on the first start; checked against the directory later)")
  Path genesis;

  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "Data directory")
  Path datadir;

  @Mixin RpcOptions rpc;

  @Mixin ObservabilityOptions observe;

  @Mixin NetworkOptions network;

  @Option(names = "--validator-key", paramLabel = "FILE",
      description = "QBFT chains: seal blocks as the validator with this hex private key (without it the node follows)")
  Path validatorKey;

  @Override
  public Integer call() {
    LindenNode.RpcSettings settings = rpc.settings(false);
    observe.applyLogging();
    var net = network.settings();
    LindenNode node = LindenNode.node(datadir, genesis, settings, observe.settings(false), net, validatorKey);
    var head = node.chain().head();
    String startup = "Linden node chain " + Long.toUnsignedString(node.chain().config().chainId()) + ", block "
        + head.number() + " " + head.hash() + ", data in " + node.dataDirectory() + ", listening on "
        + node.url(settings.host()) + node.observabilitySummary(settings.host())
        + (net.enabled() ? ", peers at " + node.enode() : ", networking off");
    return Serving.untilStopped(node, "node", startup);
  }
}
