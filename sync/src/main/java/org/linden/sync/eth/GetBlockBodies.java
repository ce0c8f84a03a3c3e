package org.linden.sync.eth;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/** {@code [request-id, [hash₁, hash₂, ...]]} (0x05): asks for block bodies by block hash; the answer is {@link BlockBodies}. */
public record GetBlockBodies(long requestId, List<Hash> blockHashes) implements EthMessage, EthMessage.Request {
  public static final int CODE = 0x05;

  public GetBlockBodies {
    blockHashes = List.copyOf(blockHashes);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId);
    HashList.write(w, blockHashes);
    w.endList();
  }
}
