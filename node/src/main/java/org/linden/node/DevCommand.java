package org.linden.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.linden.node.dev.DevGenesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code linden dev}: a local development chain with the ten funded test-mnemonic accounts,
 * sealing a block per transaction (or every {@code --block-time} seconds), served over
 * JSON-RPC on 127.0.0.1:8545.
 */
@Command(name = "dev", description = "Run a local development chain with funded test accounts.")
final class DevCommand implements Callable<Integer> {
  @Option(names = "--block-time", paramLabel = "SECONDS",
      description = "Seal a block every SECONDS seconds, empty or not (default: one block per transaction)")
  Long blockTime;

  @Option(names = "--chain-id", paramLabel = "ID",
      description = "Chain id of a new dev chain (default: " + DevGenesis.DEFAULT_CHAIN_ID + ")")
  Long chainId;

  @Option(names = "--gas-limit", paramLabel = "GAS",
      description = "Block gas limit of a new dev chain (default: 30000000)")
  Long gasLimit;

  @Option(names = "--datadir", paramLabel = "DIR",
      description = "Keep the chain in DIR (default: a temporary directory removed on exit)")
  Path datadir;

  @Mixin RpcOptions rpc;

  @Mixin ObservabilityOptions observe;

  @Override
  public Integer call() {
    if (blockTime != null && blockTime <= 0) {
      throw new UsageError("--block-time must be a positive number of seconds, got " + blockTime);
    }
    if (chainId != null && chainId <= 0) {
      throw new UsageError("--chain-id must be positive, got " + chainId);
    }
    LindenNode.RpcSettings settings = rpc.settings(true);
    observe.applyLogging();
    LindenNode node = LindenNode.dev(datadir, new LindenNode.DevSettings(chainId, gasLimit,
        blockTime == null ? null : Duration.ofSeconds(blockTime)), settings, observe.settings(true));
    var head = node.chain().head();
    String startup = "Linden dev chain " + Long.toUnsignedString(node.chain().config().chainId()) + ", block "
        + head.number() + ", " + (blockTime == null ? "automine" : "a block every " + blockTime + " s")
        + ", data in " + node.dataDirectory() + (node.isTemporary() ? " (temporary)" : "")
        + ", listening on " + node.url(settings.host()) + node.observabilitySummary(settings.host());
    return Serving.untilStopped(node, "dev chain", startup);
  }
}
