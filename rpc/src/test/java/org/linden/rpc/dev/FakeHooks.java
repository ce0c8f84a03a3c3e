package org.linden.rpc.dev;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException;
import org.linden.rpc.RpcException;
import org.linden.types.Address;
import org.linden.types.UInt256;

/**
 * Settable stand-ins for the node's pool, fee and gas hooks, recording what they were asked:
 * chain 1337, next base fee 1 gwei, suggested tip 2 gwei, pending nonce 7 unless set, gas
 * estimate 21,000 unless set.
 */
final class FakeHooks {
  static final long CHAIN_ID = 1337;
  static final UInt256 GWEI = UInt256.valueOf(1_000_000_000L);

  final Map<Address, Long> pendingNonces = new HashMap<>();
  final List<TransactionRequest> estimated = new ArrayList<>();
  final List<Transaction> submitted = new ArrayList<>();
  Optional<UInt256> baseFee = Optional.of(GWEI);
  UInt256 tip = UInt256.valueOf(2_000_000_000L);
  long gasEstimate = 21_000;
  RpcException estimateFailure;
  TxPoolException poolRefusal;

  TransactionHooks hooks() {
    return new TransactionHooks(
        CHAIN_ID,
        a -> pendingNonces.getOrDefault(a, 7L),
        req -> {
          estimated.add(req);
          if (estimateFailure != null) {
            throw estimateFailure;
          }
          return gasEstimate;
        },
        () -> baseFee,
        () -> tip,
        tx -> {
          if (poolRefusal != null) {
            throw poolRefusal;
          }
          submitted.add(tx);
          return tx.hash();
        });
  }
}
