package org.linden.sync.download;

import java.util.OptionalLong;

/**
 * Where a download stands.
 *
 * @param highestBlock the highest block handed out so far (in order)
 * @param targetBlock the last block of the download
 * @param blocksPerSecond blocks handed out per second since the download started
 * @param etaMillis the remaining time at that rate, if there is a rate yet
 */
public record Progress(long highestBlock, long targetBlock, double blocksPerSecond, OptionalLong etaMillis) {
  @Override
  public String toString() {
    return "block " + highestBlock + "/" + targetBlock + String.format(", %.1f blocks/s", blocksPerSecond)
        + (etaMillis.isPresent() ? ", eta " + etaMillis.getAsLong() / 1000 + " s" : "");
  }
}
