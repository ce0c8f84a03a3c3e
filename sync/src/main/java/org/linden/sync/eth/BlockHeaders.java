package org.linden.sync.eth;

import java.util.List;
import org.linden.chain.block.BlockHeader;
import org.linden.rlp.RlpWriter;

/** {@code [request-id, [header₁, header₂, ...]]} (0x04): the answer to {@link GetBlockHeaders}. */
public record BlockHeaders(long requestId, List<BlockHeader> headers) implements EthMessage, EthMessage.Response {
  public static final int CODE = 0x04;

  public BlockHeaders {
    headers = List.copyOf(headers);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId).startList();
    for (BlockHeader h : headers) {
      h.writeTo(w);
    }
    w.endList().endList();
  }
}
