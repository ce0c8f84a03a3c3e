package org.linden.rpc.dev;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.txpool.TxPoolException;
import org.linden.types.Address;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * What {@code eth_sendTransaction} and {@code eth_signTransaction} need from the node to
 * fill in a transaction and send it. With a {@code TxPool pool} the node passes
 * {@code pool::pendingNonce}, {@code () -> Optional.of(pool.nextBaseFee())} (empty before
 * London), its gas price oracle's tip, and {@code pool::add}.
 *
 * @param chainId the chain id that signatures commit to
 * @param pendingNonce the sender's next nonce counting its pending transactions
 * @param gasEstimate {@code eth_estimateGas} on the pending state for a filled-in request
 * @param nextBaseFee the next block's base fee, or empty before London (then the default
 *     type is legacy)
 * @param suggestedTip the priority fee {@code eth_maxPriorityFeePerGas} suggests
 * @param submit adds a signed transaction to the pool
 */
public record TransactionHooks(
    long chainId,
    ToLongFunction<Address> pendingNonce,
    GasEstimate gasEstimate,
    Supplier<Optional<UInt256>> nextBaseFee,
    Supplier<UInt256> suggestedTip,
    Submit submit) {
  public TransactionHooks {
    Objects.requireNonNull(pendingNonce, "pendingNonce");
    Objects.requireNonNull(gasEstimate, "gasEstimate");
    Objects.requireNonNull(nextBaseFee, "nextBaseFee");
    Objects.requireNonNull(suggestedTip, "suggestedTip");
    Objects.requireNonNull(submit, "submit");
  }

  /** Estimates the gas of a request. */
  @FunctionalInterface
  public interface GasEstimate {
    /**
     * The gas the request needs. The request has its sender, nonce, chain id and fees filled
     * in and no gas. Throws {@link org.linden.rpc.RpcException} as {@code eth_estimateGas}
     * would (e.g. code 3 with the revert data), which the caller then receives.
     */
    long estimate(TransactionRequest request);
  }

  /** Adds a signed transaction to the pool. */
  @FunctionalInterface
  public interface Submit {
    /** The transaction's hash, or the pool's refusal with go-ethereum's text. */
    Hash add(Transaction signed) throws TxPoolException;
  }
}
