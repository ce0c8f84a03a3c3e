package org.linden.consensus.qbft;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/** A PREPARE message. Body: the signed {@link PreparePayload}. */
public record Prepare(SignedPayload<PreparePayload> signed) implements QbftMessage {
  @Override
  public Bytes encode() {
    RlpWriter w = new RlpWriter();
    signed.writeTo(w);
    return w.toBytes();
  }
}
