package org.linden.sync.net;

import java.util.Map;

/**
 * Where chain sync stands, as {@code eth_syncing} and the metrics report it.
 *
 * @param syncing whether a download is running
 * @param startingBlock our head when the current sync began (the last one's, when idle)
 * @param currentBlock our head now
 * @param highestBlock the highest block a peer announced
 * @param piecesServedByPeer per peer id, how many body pieces it delivered since the node started
 * @param peersServingPieces how many peers delivered at least one piece
 */
public record SyncStatus(boolean syncing, long startingBlock, long currentBlock, long highestBlock,
    Map<String, Integer> piecesServedByPeer, int peersServingPieces) {
  public SyncStatus {
    piecesServedByPeer = Map.copyOf(piecesServedByPeer);
  }
}
