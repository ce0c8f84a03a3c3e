package org.linden.consensus.qbft;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/** A COMMIT message. Body: the signed {@link CommitPayload}, which carries the commit seal. */
public record Commit(SignedPayload<CommitPayload> signed) implements QbftMessage {
  @Override
  public Bytes encode() {
    RlpWriter w = new RlpWriter();
    signed.writeTo(w);
    return w.toBytes();
  }
}
