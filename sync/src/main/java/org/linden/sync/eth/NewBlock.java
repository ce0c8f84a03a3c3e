package org.linden.sync.eth;

import org.linden.chain.block.Block;
import org.linden.rlp.RlpWriter;
import org.linden.types.UInt256;

/**
 * {@code [block, td]} (0x07): a complete new block with the total difficulty of the chain it
 * ends. Only meaningful before the merge.
 */
public record NewBlock(Block block, UInt256 td) implements EthMessage {
  public static final int CODE = 0x07;

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList();
    block.writeTo(w);
    w.writeUInt256(td).endList();
  }
}
