package org.linden.sync.net;

import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.GetBlockBodies;
import org.linden.sync.eth.GetBlockHeaders;
import org.linden.sync.eth.GetPooledTransactions;
import org.linden.sync.eth.GetReceipts;
import org.linden.sync.eth.PooledTransactions;
import org.linden.sync.eth.Receipts;

/**
 * Swaps the request id of a request or response. Several components each number their own
 * requests from 1, so on the wire every request to a peer gets a fresh id of the
 * connection, and the answer is given back under the id its sender chose.
 */
final class RequestIds {
  private RequestIds() {}

  static EthMessage withId(EthMessage message, long id) {
    return switch (message) {
      case GetBlockHeaders m -> new GetBlockHeaders(id, m.origin(), m.limit(), m.skip(), m.reverse());
      case GetBlockBodies m -> new GetBlockBodies(id, m.blockHashes());
      case GetReceipts m -> new GetReceipts(id, m.blockHashes());
      case GetPooledTransactions m -> new GetPooledTransactions(id, m.transactionHashes());
      case BlockHeaders m -> new BlockHeaders(id, m.headers());
      case BlockBodies m -> new BlockBodies(id, m.bodies());
      case Receipts m -> new Receipts(m.form(), id, m.receipts());
      case PooledTransactions m -> new PooledTransactions(id, m.transactions());
      default -> throw new IllegalArgumentException(message.name() + " carries no request id");
    };
  }

  /** The code of the message that answers {@code request}. */
  static int responseCode(EthMessage request) {
    return switch (request) {
      case GetBlockHeaders m -> BlockHeaders.CODE;
      case GetBlockBodies m -> BlockBodies.CODE;
      case GetReceipts m -> Receipts.CODE;
      case GetPooledTransactions m -> PooledTransactions.CODE;
      default -> throw new IllegalArgumentException(request.name() + " is not a request");
    };
  }
}
