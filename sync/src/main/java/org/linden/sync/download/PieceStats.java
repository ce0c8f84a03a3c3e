package org.linden.sync.download;

import java.util.Map;

/**
 * Who served the pieces of a download: per peer, the pieces it delivered data for, and how
 * many pieces were put together from more than one peer (a piece re-requested after a
 * timeout or a short answer, or bodies and receipts from different peers).
 */
public record PieceStats(Map<String, Integer> piecesServedByPeer, int piecesServedBySeveralPeers) {
  public PieceStats {
    piecesServedByPeer = Map.copyOf(piecesServedByPeer);
  }
}
