package org.linden.consensus.qbft;

import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/** PREPARE: the author accepted the proposal {@code digest} for this height and round. RLP([height, round, digest]). */
public record PreparePayload(long height, int round, Hash digest) implements Payload {
  @Override
  public int messageType() {
    return PREPARE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeLong(height).writeLong(round).writeBytes(digest.bytes()).endList();
  }

  static PreparePayload readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    PreparePayload p = new PreparePayload(r.readLong(), r.readInt(), Hash.wrap(r.readBytes(Hash.SIZE)));
    r.ensureDone();
    return p;
  }
}
