package org.linden.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.linden.chain.tx.Authorization;
import org.linden.chain.tx.SetCodeTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.ValidTransaction;
import org.linden.evm.Tracer;
import org.linden.evm.tracing.GethTracer;
import org.linden.evm.tracing.TransactionContext;
import org.linden.types.Address;

/**
 * Traces one transaction (or call) in the order geth's tracers expect: {@code txStart}
 * before the state transition buys gas (the prestate tracer reads the untouched sender
 * there), the transition with the tracer attached, then {@code txEnd} with the gas the
 * receipt shows.
 */
final class TransactionTrace {
  /** The state transition to run with the tracer; returns the gas it used after refunds. */
  @FunctionalInterface
  interface Execution<E extends Exception> {
    long run(Tracer tracer) throws E;
  }

  private TransactionTrace() {}

  static <E extends Exception> JsonNode trace(GethTracer tracer, TransactionContext tx, Execution<E> execution)
      throws E {
    tracer.txStart(tx);
    long gasUsed = execution.run(tracer);
    tracer.txEnd(gasUsed);
    return tracer.result();
  }

  /** What the tracer needs of a block's transaction besides the EVM's messages. */
  static TransactionContext context(ValidTransaction valid, Address coinbase) {
    Transaction tx = valid.transaction();
    List<Address> authorities = tx instanceof SetCodeTransaction setCode ? authorities(setCode.authorizations())
        : List.of();
    return new TransactionContext(valid.sender(), tx.to(), coinbase, tx.gas(), authorities);
  }

  /** The signers of the authorizations whose signatures recover, as the prestate tracer records them. */
  static List<Address> authorities(List<Authorization> authorizations) {
    return authorizations == null ? List.of()
        : authorizations.stream().map(Authorization::authority).flatMap(Optional::stream).toList();
  }
}
