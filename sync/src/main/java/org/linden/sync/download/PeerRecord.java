package org.linden.sync.download;

import org.linden.sync.EthPeer;

/** What a downloader knows about one peer: outstanding requests, measured speed, failures, work done. */
final class PeerRecord {
  /** Weight of the newest throughput sample in the moving average. */
  private static final double ALPHA = 0.3;

  final EthPeer peer;
  int inFlight;
  /** Blocks per second, a moving average over answered requests; 0 until the first answer. */
  double throughput;
  int consecutiveTimeouts;

  PeerRecord(EthPeer peer) {
    this.peer = peer;
  }

  String id() {
    return peer.id();
  }

  void recordAnswer(int items, long elapsedMillis) {
    double sample = items * 1000.0 / Math.max(1, elapsedMillis);
    throughput = throughput == 0 ? sample : ALPHA * sample + (1 - ALPHA) * throughput;
    consecutiveTimeouts = 0;
  }

  void recordTimeout() {
    consecutiveTimeouts++;
    throughput /= 2;
  }

  /** Requests this peer may have outstanding: a share of the maximum in proportion to its speed. */
  int capacity(int maxInFlight, double bestThroughput) {
    if (throughput == 0 || bestThroughput == 0) {
      return 1;
    }
    return (int) Math.max(1, Math.round(maxInFlight * throughput / bestThroughput));
  }
}
