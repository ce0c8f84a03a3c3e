package org.linden.consensus.qbft;

import org.linden.chain.block.Block;
import org.linden.chain.block.InvalidBlockException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/** PROPOSAL: the proposer's block for this height and round. RLP([height, round, block]). */
public record ProposalPayload(long height, int round, Block block) implements Payload {
  @Override
  public int messageType() {
    return PROPOSAL;
  }

  /** The digest the other messages of the round refer to. */
  public Hash digest() {
    return QbftHashing.blockHash(block.header());
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeLong(height).writeLong(round);
    block.writeTo(w);
    w.endList();
  }

  static ProposalPayload readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    long height = r.readLong();
    int round = r.readInt();
    ProposalPayload p = new ProposalPayload(height, round, readBlock(r));
    r.ensureDone();
    return p;
  }

  static Block readBlock(RlpReader r) {
    try {
      return Block.readFrom(r);
    } catch (InvalidBlockException e) {
      throw new QbftDecodingException("malformed block: " + e.getMessage(), e);
    }
  }
}
