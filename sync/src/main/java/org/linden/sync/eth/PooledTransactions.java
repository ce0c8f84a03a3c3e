package org.linden.sync.eth;

import java.util.List;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * {@code [request-id, [tx₁, tx₂, ...]]} (0x0a): the answer to {@link GetPooledTransactions},
 * in request order with unavailable ones left out. Each transaction is in its pooled
 * (network) form: a blob transaction with its blobs, commitments and proofs, any other
 * transaction as in a block. The bytes are what {@code TxPool.networkForm} gives and
 * {@code TxPool.addNetworkForm} takes; {@link EthCodec} checks each one decodes.
 *
 * @param transactions each transaction's network form: an RLP list for a legacy
 *     transaction, {@code type ‖ payload} for a typed one
 */
public record PooledTransactions(long requestId, List<Bytes> transactions) implements EthMessage, EthMessage.Response {
  public static final int CODE = 0x0a;

  public PooledTransactions {
    transactions = List.copyOf(transactions);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId).startList();
    for (Bytes tx : transactions) {
      // A legacy transaction is a list and goes in as it is; a typed one is wrapped as a string.
      if (!tx.isEmpty() && tx.getUnsigned(0) >= 0xc0) {
        w.writeRaw(tx);
      } else {
        w.writeBytes(tx);
      }
    }
    w.endList().endList();
  }
}
