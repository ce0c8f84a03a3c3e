package org.linden.sync.eth;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Hash;

/** {@code [request-id, [hash₁, hash₂, ...]]} (0x09): asks for transactions from the peer's pool by hash; the answer is {@link PooledTransactions}. */
public record GetPooledTransactions(long requestId, List<Hash> transactionHashes) implements EthMessage, EthMessage.Request {
  public static final int CODE = 0x09;

  public GetPooledTransactions {
    transactionHashes = List.copyOf(transactionHashes);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId);
    HashList.write(w, transactionHashes);
    w.endList();
  }
}
