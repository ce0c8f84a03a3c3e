package org.linden.evm.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import org.linden.evm.Tracer;

/**
 * A tracer whose result is one of the JSON documents geth's {@code debug_trace*} methods
 * return. One instance traces one transaction:
 *
 * <ol>
 *   <li>{@link #txStart} before the transaction's state transition begins, that is before
 *       its gas is bought and its sender's nonce raised (the prestate tracer reads the
 *       untouched accounts there);
 *   <li>the instance is handed to the EVM as its {@link Tracer};
 *   <li>{@link #txEnd} after the transaction was processed: refunds and fees paid, the
 *       end-of-transaction deletions done;
 *   <li>{@link #result} gives the JSON.
 * </ol>
 *
 * Skipping {@code txStart}/{@code txEnd} still gives a result, filled from what the EVM
 * showed (the top frame's gas instead of the transaction's, gas used before refunds).
 */
public interface GethTracer extends Tracer {
  /** The transaction is about to be processed. */
  default void txStart(TransactionContext tx) {}

  /** The transaction was processed and used {@code gasUsed} gas (after refunds, as in its receipt). */
  default void txEnd(long gasUsed) {}

  /** The trace as geth renders it. */
  JsonNode result();
}
