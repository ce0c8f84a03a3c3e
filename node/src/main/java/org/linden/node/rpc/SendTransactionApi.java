package org.linden.node.rpc;

import java.util.function.Consumer;
import org.linden.chain.txpool.TxPool;
import org.linden.chain.txpool.TxPoolException;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * {@code eth_sendRawTransaction}: hands the bytes to the pool and answers the transaction
 * hash. A blob transaction comes in its network form (with blobs, commitments and proofs);
 * from Osaka on, one with a proof per blob gets cell proofs computed ({@link TxPool#addSubmitted}).
 * A refusal is error -32000 with the pool's message, which is go-ethereum's wording
 * ("nonce too low", "insufficient funds for gas * price + value", …) that wallets and
 * libraries recognise.
 */
public final class SendTransactionApi {
  private final TxPool pool;
  private final Consumer<Hash> afterAdd;

  /**
   * {@code afterAdd} runs after the pool accepted a transaction and before the answer goes
   * out (dev mode waits there for the block that includes it).
   */
  public SendTransactionApi(TxPool pool, Consumer<Hash> afterAdd) {
    this.pool = pool;
    this.afterAdd = afterAdd;
  }

  public void register(RpcDispatcher d) {
    d.register("eth_sendRawTransaction", (p, s) -> {
      p.atMost(1);
      Bytes raw = p.data(0, "transaction");
      Hash hash;
      try {
        hash = pool.addSubmitted(raw);
      } catch (TxPoolException e) {
        throw RpcException.server(e.getMessage());
      }
      afterAdd.accept(hash);
      return hash.toHex();
    });
  }
}
