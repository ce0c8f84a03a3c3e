package org.linden.rpc.debug;

import java.util.Optional;
import java.util.function.Function;
import org.linden.chain.tx.Transaction;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.RpcDispatcher;
import org.linden.types.Hash;

/**
 * The {@code debug} namespace: geth's replaying tracers ({@code debug_traceTransaction},
 * {@code debug_traceBlockByNumber}, {@code debug_traceBlockByHash}, {@code debug_traceBlock},
 * {@code debug_traceCall}) with the struct logger, {@code callTracer} and
 * {@code prestateTracer}, and execution-apis' raw getters ({@code debug_getRawHeader},
 * {@code debug_getRawBlock}, {@code debug_getRawTransaction}, {@code debug_getRawReceipts}).
 *
 * <p>Tracing re-executes blocks on the state of their parent, which this node keeps for
 * the last {@link org.linden.chain.store.Blockchain#MAX_REORG_DEPTH} canonical blocks only;
 * older blocks answer with a -32000 error. The namespace can make the node work hard, so
 * the node registers it only when asked to, and {@link DebugOptions} bounds each request.
 */
public final class DebugApi {
  private final TraceMethods traces;
  private final RawMethods raw;

  /**
   * @param pendingLookup finds a pooled transaction by hash, for {@code debug_getRawTransaction}
   *     of a transaction not yet in a block
   */
  public DebugApi(BlockResolver blocks, Function<Hash, Optional<Transaction>> pendingLookup, DebugOptions options) {
    this.traces = new TraceMethods(blocks, options);
    this.raw = new RawMethods(blocks, pendingLookup);
  }

  /** Without a transaction pool and with the default limits. */
  public DebugApi(BlockResolver blocks) {
    this(blocks, h -> Optional.empty(), DebugOptions.DEFAULTS);
  }

  /** Registers every method of the namespace. */
  public void register(RpcDispatcher d) {
    traces.register(d);
    raw.register(d);
  }
}
