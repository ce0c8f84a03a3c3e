package org.linden.sync.eth;

import java.util.List;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.rlp.RlpWriter;

/**
 * {@code [tx₁, tx₂, ...]} (0x02): full transactions pushed to a peer, in the encoding they
 * have inside a block (blob transactions are only announced, never pushed).
 */
public record Transactions(List<Transaction> transactions) implements EthMessage {
  public static final int CODE = 0x02;

  public Transactions {
    transactions = List.copyOf(transactions);
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList();
    for (Transaction tx : transactions) {
      TransactionCodec.writeToBlock(w, tx);
    }
    w.endList();
  }
}
