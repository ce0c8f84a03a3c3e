package org.linden.sync.eth;

import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;

/**
 * One {@code eth} protocol message: an immutable record whose components are the fields the
 * spec ({@code devp2p/caps/eth.md}) lists, named as there. {@link #code()} is the message
 * code relative to the protocol's offset in the RLPx session; {@link #encode()} is the RLP
 * payload that follows it. {@link EthCodec} decodes the other direction.
 */
public sealed interface EthMessage permits Status, NewBlockHashes, Transactions, GetBlockHeaders, BlockHeaders,
    GetBlockBodies, BlockBodies, NewBlock, NewPooledTransactionHashes, GetPooledTransactions, PooledTransactions,
    GetReceipts, Receipts, BlockRangeUpdate {

  /** The message code within the {@code eth} capability. */
  int code();

  /** The message's name in the spec, for logs and errors. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Appends the payload as one RLP item. */
  void writeTo(RlpWriter w);

  /** The RLP payload. */
  default Bytes encode() {
    RlpWriter w = new RlpWriter(256);
    writeTo(w);
    return w.toBytes();
  }

  /** Implemented by the request messages of eth/66 and later, whose responses echo the id. */
  interface Request {
    /** The 64-bit id chosen by the requester (unsigned). */
    long requestId();
  }

  /** Implemented by the responses, which carry the id of the request they answer. */
  interface Response {
    long requestId();
  }
}
