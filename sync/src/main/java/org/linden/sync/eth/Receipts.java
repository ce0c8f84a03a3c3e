package org.linden.sync.eth;

import java.util.List;
import org.linden.chain.block.Receipt;
import org.linden.rlp.RlpWriter;

/**
 * {@code [request-id, [[receipt₁, receipt₂, ...], ...]]} (0x10): the answer to
 * {@link GetReceipts}, every receipt of each requested block. The receipt encoding depends on
 * the version: eth/68 sends the consensus form (typed receipts wrapped as strings, with the
 * bloom); eth/69 sends {@code [tx-type, post-state-or-status, cumulative-gas, logs]} for every
 * receipt and leaves the bloom out, since the receiver can recompute it from the logs.
 *
 * @param form the version whose receipt encoding this message uses
 * @param requestId the id of the request answered
 * @param receipts per requested block, all of its receipts in order
 */
public record Receipts(EthVersion form, long requestId, List<List<Receipt>> receipts)
    implements EthMessage, EthMessage.Response {
  public static final int CODE = 0x10;

  public Receipts {
    if (form == null) {
      throw new IllegalArgumentException("receipts need an encoding version");
    }
    receipts = receipts.stream().map(List::copyOf).toList();
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public void writeTo(RlpWriter w) {
    w.startList().writeUnsignedLong(requestId).startList();
    for (List<Receipt> block : receipts) {
      w.startList();
      for (Receipt r : block) {
        if (form.isAtLeast(EthVersion.ETH69)) {
          Eth69Receipt.write(w, r);
        } else {
          r.writeToList(w);
        }
      }
      w.endList();
    }
    w.endList().endList();
  }
}
