package org.linden.consensus.qbft;

import java.util.List;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * A PROPOSAL message. For round 0 the justification lists are empty; for a later round
 * they hold a quorum of ROUND-CHANGE payloads for that round and, if any of them reports
 * a prepared block, the PREPARE certificate of the highest one, which proves the proposer
 * re-proposes the block that may already have been committed.
 * Body: RLP([signed proposal payload, [signed round changes], [signed prepares]]).
 */
public record Proposal(
    SignedPayload<ProposalPayload> signed,
    List<SignedPayload<RoundChangePayload>> roundChanges,
    List<SignedPayload<PreparePayload>> prepares) implements QbftMessage {
  public Proposal {
    roundChanges = List.copyOf(roundChanges);
    prepares = List.copyOf(prepares);
  }

  @Override
  public Bytes encode() {
    RlpWriter w = new RlpWriter();
    w.startList();
    signed.writeTo(w);
    QbftMessage.writeList(w, roundChanges);
    QbftMessage.writeList(w, prepares);
    return w.endList().toBytes();
  }

  static Proposal readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    Proposal p = new Proposal(
        SignedPayload.readFrom(r, ProposalPayload::readFrom),
        QbftMessage.readList(r, RoundChangePayload::readFrom),
        QbftMessage.readList(r, PreparePayload::readFrom));
    r.ensureDone();
    return p;
  }
}
