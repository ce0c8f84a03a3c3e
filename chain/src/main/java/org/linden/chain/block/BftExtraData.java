package org.linden.chain.block;

import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * The part of a BFT header's {@code extraData} that the block hash covers. QBFT (Besu's
 * layout) writes RLP([vanity, [validators], vote, round, [commit seals]]); the block's
 * identity leaves out the round and the seals, so every validator names the same block
 * whichever quorum of seals it collected and in whichever round it was re-proposed.
 */
final class BftExtraData {
  private BftExtraData() {}

  /**
   * {@code extraData} with round 0 and no commit seals, or null if it does not have the
   * five-field BFT layout (such a header is hashed like any other and fails consensus
   * validation later).
   */
  static Bytes withoutRoundAndSeals(Bytes extraData) {
    try {
      RlpReader outer = RlpReader.of(extraData);
      RlpReader fields = outer.readList();
      outer.ensureDone();
      Bytes vanity = fields.readRaw();
      Bytes validators = fields.readRaw();
      Bytes vote = fields.readRaw();
      fields.readRaw(); // round
      fields.readRaw(); // commit seals
      if (!fields.isDone()) {
        return null;
      }
      return new RlpWriter().startList().writeRaw(vanity).writeRaw(validators).writeRaw(vote).writeLong(0)
          .writeEmptyList().endList().toBytes();
    } catch (RlpException e) {
      return null;
    }
  }
}
