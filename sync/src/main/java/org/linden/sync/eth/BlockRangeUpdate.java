package org.linden.sync.eth;

import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/**
 * {@code [earliest, latest, latestHash]} (0x11, eth/69): the range of blocks whose bodies and
 * receipts the sender now serves. {@code earliest > latest} is a protocol violation.
 */
public record BlockRangeUpdate(long earliest, long latest, Hash latestHash) implements EthMessage {
  public static final int CODE = 0x11;

  public BlockRangeUpdate {
    if (Long.compareUnsigned(earliest, latest) > 0) {
      throw new IllegalArgumentException("earliest " + Long.toUnsignedString(earliest) + " is after latest "
          + Long.toUnsignedString(latest));
    }
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(earliest).writeUnsignedLong(latest).writeBytes(latestHash.bytes()).endList();
  }
}
