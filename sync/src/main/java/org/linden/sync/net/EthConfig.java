package org.linden.sync.net;

import java.util.List;
import org.linden.sync.download.DownloadConfig;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.serve.ServeLimits;

/**
 * Settings of the {@code eth} protocol on live peers. Start from {@link #defaults(long)} and
 * change what differs.
 *
 * @param networkId the network id announced in Status and required of peers
 * @param versions the {@code eth} versions offered in Hello
 * @param statusTimeoutMillis how long a peer has after connecting to send its Status
 * @param serveRate requests per second a peer may make of us on average
 * @param serveBurst requests a peer may make at once above the rate
 * @param maxServing requests of one peer being answered at the same time
 * @param maxKnownTransactions transaction hashes remembered per peer as already known to it
 * @param maxKnownBlocks block hashes remembered per peer as already known to it
 * @param tickMillis how often the downloaders are ticked and the peers' heads compared with ours
 * @param progressLogMillis how often a progress line is logged while syncing
 * @param bodyChunk headers handed to one body download at a time, which bounds the blocks
 *     waiting for import
 * @param download tuning of the downloaders
 * @param serveLimits how much one response may hold
 */
public record EthConfig(long networkId, List<EthVersion> versions, long statusTimeoutMillis, double serveRate,
    int serveBurst, int maxServing, int maxKnownTransactions, int maxKnownBlocks, long tickMillis,
    long progressLogMillis, int bodyChunk, DownloadConfig download, ServeLimits serveLimits) {

  public EthConfig {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("at least one eth version must be offered");
    }
    if (statusTimeoutMillis <= 0 || serveRate <= 0 || serveBurst < 1 || maxServing < 1 || maxKnownTransactions < 1
        || maxKnownBlocks < 1 || tickMillis <= 0 || progressLogMillis <= 0 || bodyChunk < 1) {
      throw new IllegalArgumentException("invalid eth configuration");
    }
  }

  /**
   * eth/68 and eth/69, 5 s for Status, 50 requests/s with bursts of 100 and 16 at once per
   * peer, 32768 known transactions and 1024 known blocks per peer, a tick every 100 ms, a
   * progress line every 8 s, bodies in chunks of 2048 blocks, the default download and
   * serving limits.
   */
  public static EthConfig defaults(long networkId) {
    return new EthConfig(networkId, List.of(EthVersion.ETH68, EthVersion.ETH69), 5_000, 50, 100, 16, 32_768, 1024,
        100, 8_000, 2048, DownloadConfig.DEFAULT, ServeLimits.DEFAULT);
  }

  public EthConfig withVersions(List<EthVersion> newVersions) {
    return new EthConfig(networkId, newVersions, statusTimeoutMillis, serveRate, serveBurst, maxServing,
        maxKnownTransactions, maxKnownBlocks, tickMillis, progressLogMillis, bodyChunk, download, serveLimits);
  }

  public EthConfig withDownload(DownloadConfig newDownload) {
    return new EthConfig(networkId, versions, statusTimeoutMillis, serveRate, serveBurst, maxServing,
        maxKnownTransactions, maxKnownBlocks, tickMillis, progressLogMillis, bodyChunk, newDownload, serveLimits);
  }

  public EthConfig withBodyChunk(int newBodyChunk) {
    return new EthConfig(networkId, versions, statusTimeoutMillis, serveRate, serveBurst, maxServing,
        maxKnownTransactions, maxKnownBlocks, tickMillis, progressLogMillis, newBodyChunk, download, serveLimits);
  }

  public EthConfig withServeRate(double newRate, int newBurst) {
    return new EthConfig(networkId, versions, statusTimeoutMillis, newRate, newBurst, maxServing,
        maxKnownTransactions, maxKnownBlocks, tickMillis, progressLogMillis, bodyChunk, download, serveLimits);
  }
}
