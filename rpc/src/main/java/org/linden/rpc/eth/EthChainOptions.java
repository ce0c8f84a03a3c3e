package org.linden.rpc.eth;

import java.time.Duration;

/**
 * Limits of the chain-reading {@code eth} methods. Every limit bounds what one client can
 * make the node do or hold: blocks scanned and logs returned by one {@code eth_getLogs},
 * installed filters and the changes each may accumulate between polls, subscriptions per
 * connection and in all.
 *
 * @param maxLogBlockRange most blocks one {@code eth_getLogs} range may span
 * @param maxLogResults most logs one {@code eth_getLogs} may return
 * @param maxFilters most filters installed at once (all clients together)
 * @param filterTimeout a filter not polled for this long is uninstalled
 * @param maxFilterBacklog most changes a filter holds between polls
 * @param maxSubscriptionsPerConnection most subscriptions on one WebSocket connection
 * @param maxSubscriptions most subscriptions in all
 */
public record EthChainOptions(long maxLogBlockRange, int maxLogResults, int maxFilters, Duration filterTimeout,
    int maxFilterBacklog, int maxSubscriptionsPerConnection, int maxSubscriptions) {

  public EthChainOptions {
    if (maxLogBlockRange <= 0 || maxLogResults <= 0 || maxFilters <= 0 || maxFilterBacklog <= 0
        || maxSubscriptionsPerConnection <= 0 || maxSubscriptions <= 0) {
      throw new IllegalArgumentException("eth limits must be positive");
    }
    if (filterTimeout == null || filterTimeout.isNegative() || filterTimeout.isZero()) {
      throw new IllegalArgumentException("the filter timeout must be positive");
    }
  }

  /**
   * 10,000 blocks and 10,000 logs per query; 1,000 filters, each expiring after 5 minutes
   * without a poll and holding at most 10,000 changes; 100 subscriptions a connection and
   * 10,000 in all.
   */
  public static EthChainOptions defaults() {
    return new EthChainOptions(10_000, 10_000, 1_000, Duration.ofMinutes(5), 10_000, 100, 10_000);
  }

  public EthChainOptions withMaxLogBlockRange(long v) {
    return new EthChainOptions(v, maxLogResults, maxFilters, filterTimeout, maxFilterBacklog,
        maxSubscriptionsPerConnection, maxSubscriptions);
  }

  public EthChainOptions withMaxLogResults(int v) {
    return new EthChainOptions(maxLogBlockRange, v, maxFilters, filterTimeout, maxFilterBacklog,
        maxSubscriptionsPerConnection, maxSubscriptions);
  }

  public EthChainOptions withMaxFilters(int v) {
    return new EthChainOptions(maxLogBlockRange, maxLogResults, v, filterTimeout, maxFilterBacklog,
        maxSubscriptionsPerConnection, maxSubscriptions);
  }

  public EthChainOptions withMaxFilterBacklog(int v) {
    return new EthChainOptions(maxLogBlockRange, maxLogResults, maxFilters, filterTimeout, v,
        maxSubscriptionsPerConnection, maxSubscriptions);
  }

  public EthChainOptions withMaxSubscriptions(int perConnection, int total) {
    return new EthChainOptions(maxLogBlockRange, maxLogResults, maxFilters, filterTimeout, maxFilterBacklog,
        perConnection, total);
  }
}
