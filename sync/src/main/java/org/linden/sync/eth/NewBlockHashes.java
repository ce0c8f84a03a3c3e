package org.linden.sync.eth;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/**
 * {@code [[blockhash, number], ...]} (0x01): blocks that appeared on the network. Block
 * propagation in {@code eth} only applies to proof-of-work and proof-of-authority chains.
 */
public record NewBlockHashes(List<Announcement> announcements) implements EthMessage {
  public static final int CODE = 0x01;

  /** One announced block. */
  public record Announcement(Hash blockHash, long number) {}

  public NewBlockHashes {
    announcements = List.copyOf(announcements);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList();
    for (Announcement a : announcements) {
      w.startList().writeBytes(a.blockHash().bytes()).writeUnsignedLong(a.number()).endList();
    }
    w.endList();
  }
}
