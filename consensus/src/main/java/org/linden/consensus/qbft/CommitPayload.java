package org.linden.consensus.qbft;

import org.linden.crypto.Signature;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/**
 * COMMIT: the author saw a prepared certificate for {@code digest} and contributes its
 * commit seal, a signature over the block's {@link QbftHashing#commitSealHash} that goes
 * into the header. RLP([height, round, digest, seal (65 bytes)]).
 */
public record CommitPayload(long height, int round, Hash digest, Signature commitSeal) implements Payload {
  @Override
  public int messageType() {
    return COMMIT;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeLong(height).writeLong(round).writeBytes(digest.bytes()).writeBytes(Seals.encode(commitSeal)).endList();
  }

  static CommitPayload readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    CommitPayload p = new CommitPayload(r.readLong(), r.readInt(), Hash.wrap(r.readBytes(Hash.SIZE)), Seals.decode(r.readBytes()));
    r.ensureDone();
    return p;
  }
}
