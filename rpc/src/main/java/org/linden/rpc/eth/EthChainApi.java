package org.linden.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.linden.chain.block.Block;
import org.linden.chain.block.Receipt;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.Transaction;
import org.linden.rpc.BlockResolver;
import org.linden.rpc.Params;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcException;
import org.linden.rpc.RpcSession;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * The chain-reading part of the {@code eth} namespace: blocks, transactions, receipts,
 * logs, polling filters and WebSocket subscriptions, as {@code ethereum/execution-apis}
 * specifies them.
 *
 * <p>The API listens to the chain from construction on: each block that becomes
 * canonical feeds block and log filters and {@code newHeads}/{@code logs}
 * subscriptions, and each block a reorg removes sends its logs again with
 * {@code removed: true}. Pending transactions come from the transaction pool through
 * {@link #onPendingTransaction}; {@code pendingLookup} finds a pooled transaction by hash.
 * {@link #close} stops listening.
 */
public final class EthChainApi implements AutoCloseable {
  private final Blockchain chain;
  private final RpcJson json;
  private final Function<Hash, Optional<Transaction>> pendingLookup;
  private final FilterManager filters;
  private final SubscriptionManager subscriptions;
  private final BlockMethods blockMethods;
  private final TransactionMethods transactionMethods;
  private final FilterMethods filterMethods;
  private final Blockchain.ChainListener listener = new Events();

  /** With the default limits. */
  public EthChainApi(Blockchain chain, Function<Hash, Optional<Transaction>> pendingLookup) {
    this(chain, pendingLookup, EthChainOptions.defaults());
  }

  public EthChainApi(Blockchain chain, Function<Hash, Optional<Transaction>> pendingLookup, EthChainOptions options) {
    this(chain, pendingLookup, options, InstantSource.system());
  }

  /** With the clock that filter expiry reads (tests pass a manual one). */
  public EthChainApi(Blockchain chain, Function<Hash, Optional<Transaction>> pendingLookup, EthChainOptions options,
      InstantSource clock) {
    this(chain, pendingLookup, options, clock, hash -> Optional.empty());
  }

  /**
   * With {@code pendingSender}, the sender the pool recorded for a pending transaction; it
   * is asked only for a transaction whose signature recovers no one (an impersonated one on
   * a dev chain). A mined one's recorded sender is read from its block's irregular changes.
   */
  public EthChainApi(Blockchain chain, Function<Hash, Optional<Transaction>> pendingLookup, EthChainOptions options,
      InstantSource clock, Function<Hash, Optional<Address>> pendingSender) {
    this.chain = chain;
    this.json = new RpcJson(chain.config(), (txHash, blockHash) -> blockHash == null
        ? pendingSender.apply(txHash)
        : chain.store().irregularChanges(blockHash).map(i -> i.senders().get(txHash)));
    this.pendingLookup = pendingLookup;
    this.filters = new FilterManager(clock, options.filterTimeout(), options.maxFilters(), options.maxFilterBacklog());
    this.subscriptions = new SubscriptionManager(options.maxSubscriptionsPerConnection(), options.maxSubscriptions());
    BlockResolver resolver = new BlockResolver(chain);
    this.blockMethods = new BlockMethods(chain, resolver, json);
    this.transactionMethods = new TransactionMethods(chain, blockMethods, json, pendingLookup);
    this.filterMethods = new FilterMethods(new LogQuery(chain, options.maxLogBlockRange(), options.maxLogResults()),
        filters);
    chain.addListener(listener);
  }

  /** The encoders this API uses, for other namespaces that return the same objects. */
  public RpcJson json() {
    return json;
  }

  /** Registers every method of this API. */
  public void register(RpcDispatcher d) {
    blockMethods.register(d);
    transactionMethods.register(d);
    filterMethods.register(d);
    d.register("eth_subscribe", this::subscribe);
    d.register("eth_unsubscribe", (p, s) -> {
      p.atMost(1);
      if (!subscriptions.unsubscribe(s, EthParams.id(p, 0, "subscription id"))) {
        throw RpcException.server("subscription not found");
      }
      return true;
    });
  }

  /**
   * Tells filters and subscriptions that a transaction entered the pool. Usable as a
   * {@code Consumer<Hash>}: {@code pool.onAdded(api::onPendingTransaction)}.
   */
  public void onPendingTransaction(Hash hash) {
    filters.pendingTransaction(hash);
    if (subscriptions.wants(SubscriptionManager.Kind.PENDING_TRANSACTIONS)) {
      subscriptions.pendingTransaction(hash, () -> pendingObject(hash));
    }
  }

  /** Stops listening to the chain. */
  @Override
  public void close() {
    chain.removeListener(listener);
  }

  private JsonNode pendingObject(Hash hash) {
    return pendingLookup.apply(hash).map(tx -> (JsonNode) json.pendingTransaction(tx, chain.head())).orElse(null);
  }

  private Object subscribe(Params p, RpcSession session) {
    if (!session.canPush()) {
      // geth's code and wording for the same case.
      throw new RpcException(RpcException.METHOD_NOT_FOUND,
          "notifications not supported: eth_subscribe needs a WebSocket connection");
    }
    JsonNode kind = p.required(0, "subscription type");
    String name = kind.isTextual() ? kind.textValue() : kind.toString();
    return switch (name) {
      case "newHeads" -> {
        p.atMost(1);
        yield subscriptions.subscribe(session, SubscriptionManager.Kind.NEW_HEADS, null, false);
      }
      case "logs" -> {
        p.atMost(2);
        LogFilter f = p.has(1) ? LogFilter.parse(p.object(1, "filter"), 1, "filter") : LogFilter.all(null, null);
        yield subscriptions.subscribe(session, SubscriptionManager.Kind.LOGS, f, false);
      }
      case "newPendingTransactions" -> {
        p.atMost(2);
        boolean full = p.bool(1, "full transactions", false);
        yield subscriptions.subscribe(session, SubscriptionManager.Kind.PENDING_TRANSACTIONS, null, full);
      }
      default -> throw RpcException.invalidParams("invalid argument 0 (subscription type): unknown subscription "
          + name + "; expected newHeads, logs or newPendingTransactions");
    };
  }

  /** Feeds chain changes to filters and subscriptions, doing no work that nobody listens for. */
  private final class Events implements Blockchain.ChainListener {
    @Override
    public void blockAdded(Block block, List<Receipt> receipts) {
      boolean logFilters = filters.hasLogFilters();
      boolean logSubs = subscriptions.wants(SubscriptionManager.Kind.LOGS);
      boolean heads = subscriptions.wants(SubscriptionManager.Kind.NEW_HEADS);
      if (filters.isEmpty() && !logSubs && !heads) {
        return;
      }
      Hash hash = block.hash();
      List<LogEntry> logs = logFilters || logSubs
          ? LogEntry.ofBlock(block, hash, receipts, false, l -> true)
          : List.of();
      filters.blockAdded(hash, logs);
      if (heads) {
        subscriptions.newHead(json.header(block.header(), hash));
      }
      if (logSubs) {
        subscriptions.logs(logs);
      }
    }

    @Override
    public void blockRemoved(Block block) {
      boolean logFilters = filters.hasLogFilters();
      boolean logSubs = subscriptions.wants(SubscriptionManager.Kind.LOGS);
      if (!logFilters && !logSubs) {
        return;
      }
      Hash hash = block.hash();
      List<Receipt> receipts = chain.store().receipts(hash).orElse(List.of());
      List<LogEntry> removed = LogEntry.ofBlock(block, hash, receipts, true, l -> true);
      filters.logsRemoved(removed);
      if (logSubs) {
        subscriptions.logs(removed);
      }
    }
  }
}
