package org.linden.node;

import org.linden.node.logging.LogFormat;
import org.linden.node.logging.LogLevels;
import picocli.CommandLine.Option;

/** The explorer, metrics and logging flags {@code dev} and {@code node} share. */
final class ObservabilityOptions {
  static final int DEFAULT_METRICS_PORT = 6060;

  @Option(names = "--explorer", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Serve the web explorer at /explorer/ on the JSON-RPC port (default: on in dev mode, off"
          + " otherwise; --explorer=false turns it off)")
  Boolean explorer;

  @Option(names = "--explorer.index", arity = "1", defaultValue = "true", paramLabel = "BOOL",
      description = "Keep the address index the explorer's address pages need (default: ${DEFAULT-VALUE})")
  boolean addressIndex;

  @Option(names = "--metrics", description = "Serve Prometheus metrics, /health and /ready on the metrics port")
  boolean metrics;

  @Option(names = "--metrics.addr", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address the metrics port binds (default: ${DEFAULT-VALUE})")
  String metricsHost;

  @Option(names = "--metrics.port", paramLabel = "PORT",
      description = "Metrics port, implies --metrics; 0 picks a free one (default: " + DEFAULT_METRICS_PORT + ")")
  Integer metricsPort;

  @Option(names = "--log.format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Log lines as text (default) or json (one object per line)")
  String logFormat;

  @Option(names = "--log.level", paramLabel = "LEVEL[,MODULE=LEVEL...]",
      description = "How much to log: off, error, warn, info (default), debug or trace, then optionally levels"
          + " for single modules, as in info,p2p=debug,sync=trace")
  String logLevel;

  /** Switches logging to the chosen format and levels, or a {@link UsageError} naming the bad flag. */
  void applyLogging() {
    LogFormat format;
    try {
      format = LogFormat.parse(logFormat);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--log.format: " + e.getMessage());
    }
    LogLevels levels = null;
    if (logLevel != null) {
      try {
        levels = LogLevels.parse(logLevel);
      } catch (IllegalArgumentException e) {
        throw new UsageError("--log.level: " + e.getMessage());
      }
    }
    format.apply();
    if (levels != null) {
      levels.apply();
    }
  }

  /** The settings these flags give, or a {@link UsageError} naming the bad flag. */
  ObservabilitySettings settings(boolean dev) {
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      throw new UsageError("--metrics.port " + metricsPort + " is not a port number (0 to 65535)");
    }
    if (metricsHost == null || metricsHost.isBlank()) {
      throw new UsageError("--metrics.addr must not be empty");
    }
    int port = metricsPort != null ? metricsPort : metrics ? DEFAULT_METRICS_PORT : ObservabilitySettings.OFF;
    boolean withExplorer = explorer != null ? explorer : dev;
    return new ObservabilitySettings(withExplorer, addressIndex, metricsHost, port);
  }
}
