package org.linden.node;

/**
 * What a node shows about itself: the web explorer (with or without the address index) on
 * the JSON-RPC port, and the monitoring port with Prometheus metrics and health probes.
 *
 * @param explorer serve the explorer at {@code /explorer/}
 * @param addressIndex keep the address index the explorer's address pages read (only with the explorer)
 * @param metricsHost the address the monitoring port binds
 * @param metricsPort the monitoring port, 0 for a free one, {@link #OFF} for none
 */
public record ObservabilitySettings(boolean explorer, boolean addressIndex, String metricsHost, int metricsPort) {
  public static final int OFF = -1;

  /** The explorer with its index in dev mode, nothing otherwise; no monitoring port. */
  public static ObservabilitySettings defaults(boolean dev) {
    return new ObservabilitySettings(dev, true, "127.0.0.1", OFF);
  }

  public boolean metrics() {
    return metricsPort != OFF;
  }
}
