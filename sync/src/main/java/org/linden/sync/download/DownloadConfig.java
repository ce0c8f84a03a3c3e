package org.linden.sync.download;

/**
 * Tuning of the downloaders.
 *
 * @param pieceSize blocks per piece (one request for bodies or receipts)
 * @param maxInFlightPerPeer requests outstanding at once to the fastest peer; slower peers get
 *     a share in proportion to their measured throughput, at least one
 * @param maxPiecesAhead how far past the next block to hand out pieces may be fetched, which
 *     bounds the memory held for out-of-order pieces
 * @param requestTimeoutMillis after this long without an answer a request is given to another peer
 * @param maxTimeouts consecutive timeouts after which a peer is no longer used
 * @param headerBatch headers per header request (at most the 1024 peers serve)
 * @param fetchReceipts whether to fetch receipts along with bodies
 */
public record DownloadConfig(int pieceSize, int maxInFlightPerPeer, int maxPiecesAhead, long requestTimeoutMillis,
    int maxTimeouts, int headerBatch, boolean fetchReceipts) {
  public static final DownloadConfig DEFAULT = new DownloadConfig(64, 8, 256, 10_000, 3, 192, false);

  public DownloadConfig {
    if (pieceSize <= 0 || maxInFlightPerPeer <= 0 || maxPiecesAhead <= 0 || requestTimeoutMillis <= 0
        || maxTimeouts <= 0 || headerBatch <= 0 || headerBatch > 1024) {
      throw new IllegalArgumentException("invalid download configuration");
    }
  }

  public DownloadConfig withPieceSize(int size) {
    return new DownloadConfig(size, maxInFlightPerPeer, maxPiecesAhead, requestTimeoutMillis, maxTimeouts, headerBatch,
        fetchReceipts);
  }

  public DownloadConfig withReceipts(boolean receipts) {
    return new DownloadConfig(pieceSize, maxInFlightPerPeer, maxPiecesAhead, requestTimeoutMillis, maxTimeouts,
        headerBatch, receipts);
  }

  public DownloadConfig withHeaderBatch(int batch) {
    return new DownloadConfig(pieceSize, maxInFlightPerPeer, maxPiecesAhead, requestTimeoutMillis, maxTimeouts, batch,
        fetchReceipts);
  }
}
