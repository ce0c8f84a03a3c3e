package org.linden.consensus.qbft;

import java.util.List;
import java.util.Optional;
import org.linden.chain.block.Block;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * A ROUND-CHANGE message: the signed payload, the prepared block when the payload reports
 * one, and the PREPARE certificate that proves it was prepared.
 * Body: RLP([signed payload, block or empty string, [signed prepares]]).
 */
public record RoundChange(
    SignedPayload<RoundChangePayload> signed,
    Optional<Block> preparedBlock,
    List<SignedPayload<PreparePayload>> prepares) implements QbftMessage {
  public RoundChange {
    prepares = List.copyOf(prepares);
  }

  @Override
  public Bytes encode() {
    RlpWriter w = new RlpWriter();
    w.startList();
    signed.writeTo(w);
    if (preparedBlock.isPresent()) {
      preparedBlock.get().writeTo(w);
    } else {
      w.writeBytes(Bytes.EMPTY);
    }
    QbftMessage.writeList(w, prepares);
    return w.endList().toBytes();
  }

  static RoundChange readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    SignedPayload<RoundChangePayload> signed = SignedPayload.readFrom(r, RoundChangePayload::readFrom);
    Optional<Block> block = Optional.empty();
    if (r.nextIsList()) {
      block = Optional.of(ProposalPayload.readBlock(r));
    } else if (!r.readBytes().isEmpty()) {
      throw new QbftDecodingException("round change: prepared block must be a block or the empty string");
    }
    RoundChange m = new RoundChange(signed, block, QbftMessage.readList(r, PreparePayload::readFrom));
    r.ensureDone();
    return m;
  }
}
