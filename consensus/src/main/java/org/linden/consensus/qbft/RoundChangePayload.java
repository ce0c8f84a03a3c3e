package org.linden.consensus.qbft;

import java.util.Optional;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/**
 * ROUND-CHANGE: the author wants to move to {@code round}, and says which block (if any) it
 * had prepared, so that the next proposer re-proposes it instead of a conflicting one.
 * RLP([height, round, [prepared digest, prepared round] or []]).
 */
public record RoundChangePayload(long height, int round, Optional<PreparedRound> prepared) implements Payload {
  @Override
  public int messageType() {
    return ROUND_CHANGE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeLong(height).writeLong(round);
    if (prepared.isPresent()) {
      w.startList().writeBytes(prepared.get().digest().bytes()).writeLong(prepared.get().round()).endList();
    } else {
      w.writeEmptyList();
    }
    w.endList();
  }

  static RoundChangePayload readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    long height = r.readLong();
    int round = r.readInt();
    RlpReader pr = r.readList();
    Optional<PreparedRound> prepared = Optional.empty();
    if (!pr.isDone()) {
      Hash digest = Hash.wrap(pr.readBytes(Hash.SIZE));
      prepared = Optional.of(new PreparedRound(pr.readInt(), digest));
      pr.ensureDone();
    }
    r.ensureDone();
    return new RoundChangePayload(height, round, prepared);
  }
}
