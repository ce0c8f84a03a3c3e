package org.linden.sync.eth;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/** {@code [request-id, [hash₁, hash₂, ...]]} (0x0f): asks for the receipts of whole blocks by block hash; the answer is {@link Receipts}. */
public record GetReceipts(long requestId, List<Hash> blockHashes) implements EthMessage, EthMessage.Request {
  public static final int CODE = 0x0f;

  public GetReceipts {
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
