package org.linden.sync.eth;

import java.util.List;
import org.linden.chain.block.BlockBody;
import org.linden.rlp.RlpWriter;

/**
 * {@code [request-id, [block-body₁, ...]]} (0x06): the answer to {@link GetBlockBodies}, in
 * the order requested; a peer may stop early (size limit) or leave out bodies it lacks.
 */
public record BlockBodies(long requestId, List<BlockBody> bodies) implements EthMessage, EthMessage.Response {
  public static final int CODE = 0x06;

  public BlockBodies {
    bodies = List.copyOf(bodies);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId).startList();
    for (BlockBody b : bodies) {
      b.writeTo(w);
    }
    w.endList().endList();
  }
}
