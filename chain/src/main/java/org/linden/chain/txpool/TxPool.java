package org.linden.chain.txpool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.BlobTransactionWithBlobs;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionCodec;
import org.linden.chain.tx.TransactionType;
import org.linden.chain.tx.ValidTransaction;
import org.linden.chain.txpool.TxPoolException.Reason;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * The transaction pool: transactions waiting for a block, checked against the rules of the
 * next block and the state of the current head, with go-ethereum's semantics and errors.
 *
 * <p>Each sender's transactions are <em>pending</em> while they continue the account's nonce
 * without a gap, and <em>queued</em> behind a gap until it fills. A transaction with the
 * nonce of a pooled one replaces it only if it raises both the fee cap and the priority fee
 * by the configured bump (10%, 100% for blob transactions). When the pool is full a new
 * transaction displaces the cheapest last transaction of another sender, if it pays more.
 * When the head moves the pool drops what the new state makes invalid (mined nonces,
 * balances that no longer cover a transaction, a lower gas limit), and after a reorg it
 * takes back the transactions of the abandoned blocks ({@link #onNewHead(BlockHeader,
 * StateReader, List)}).
 *
 * <p>Thread safety: one lock guards the contents and the head. The costly checks that need
 * neither (signature recovery, KZG proofs) run before taking it, so concurrent callers
 * verify in parallel. Listeners run on the calling thread after the lock is released, so a
 * listener may call back into the pool.
 */
public final class TxPool {
  /** A registration of a listener; closing it stops the calls. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final ChainConfig chainConfig;
  private final TxPoolConfig config;
  private final LongSupplier clockSeconds;
  private final StatelessChecks statelessChecks;
  private final Admission admission;
  private final ReentrantLock lock = new ReentrantLock();
  private final TxLists lists = new TxLists();
  private final BlobLimbo limbo;
  private final List<Consumer<Transaction>> listeners = new CopyOnWriteArrayList<>();
  /** Written under the lock; read without it by the checks that run before taking the lock. */
  private volatile PoolHead head;
  private long sequence;

  /** A pool at {@code head} whose state is {@code state}, verifying blobs with KZG and reading the system clock. */
  public TxPool(ChainConfig chainConfig, BlockHeader head, StateReader state, TxPoolConfig config) {
    this(chainConfig, head, state, config, BlobProofVerifier.kzg(), () -> System.currentTimeMillis() / 1000);
  }

  /**
   * A pool with its blob verification and clock chosen by the caller (tests use a fixed
   * clock). The clock tells the earliest timestamp of the next block, which decides its fork.
   */
  public TxPool(ChainConfig chainConfig, BlockHeader head, StateReader state, TxPoolConfig config,
      BlobProofVerifier proofs, LongSupplier clockSeconds) {
    this.chainConfig = Objects.requireNonNull(chainConfig, "chainConfig");
    this.config = Objects.requireNonNull(config, "config");
    this.clockSeconds = Objects.requireNonNull(clockSeconds, "clockSeconds");
    this.statelessChecks = new StatelessChecks(config, Objects.requireNonNull(proofs, "proofs"));
    this.admission = new Admission(config);
    this.limbo = new BlobLimbo(config.maxBlobs());
    this.head = PoolHead.of(chainConfig, head, state, clockSeconds.getAsLong());
  }

  /** A pool at the chain's current head. The chain must call {@link #onNewHead} as its head moves. */
  public static TxPool forBlockchain(Blockchain chain, TxPoolConfig config) {
    return new TxPool(chain.config(), chain.head(), chain.state(), config);
  }

  // ---------------------------------------------------------------- adding

  /**
   * Adds a transaction in block form. A blob transaction is refused here
   * ({@link Reason#MISSING_SIDECAR}): the pool holds blob transactions only with their blobs.
   *
   * @return the transaction hash
   */
  public Hash add(Transaction tx) throws TxPoolException {
    return add(tx, null);
  }

  /** Adds a blob transaction with its blobs, commitments and proofs, verifying the proofs. */
  public Hash add(BlobTransactionWithBlobs tx) throws TxPoolException {
    return add(tx.transaction(), tx);
  }

  /**
   * Adds a transaction from its bytes as {@code eth_sendRawTransaction} and the {@code eth}
   * protocol carry them: the canonical encoding, or for a blob transaction the network form
   * with its sidecar.
   */
  public Hash addNetworkForm(Bytes raw) throws TxPoolException {
    if (!raw.isEmpty() && raw.getUnsigned(0) == TransactionType.BLOB.code()) {
      try {
        return add(BlobTransactionWithBlobs.decode(raw));
      } catch (InvalidTransactionException wrapperError) {
        // It may be the block form, which decodes but has no blobs.
        Transaction tx = decode(raw, wrapperError);
        throw tx instanceof BlobTransaction
            ? new TxPoolException(Reason.MISSING_SIDECAR)
            : new TxPoolException(Reason.INVALID_ENCODING, wrapperError.getMessage());
      }
    }
    return add(decode(raw, null));
  }

  /**
   * {@link #addNetworkForm} for {@code eth_sendRawTransaction}: from Osaka on, a blob sidecar
   * with one proof per blob (the EIP-4844 form, which client libraries still send) first gets
   * cell proofs computed from its blobs, as go-ethereum does. The pool itself stays strict.
   */
  public Hash addSubmitted(Bytes raw) throws TxPoolException {
    if (!head.fork().isAtLeast(Fork.OSAKA) || raw.isEmpty() || raw.getUnsigned(0) != TransactionType.BLOB.code()) {
      return addNetworkForm(raw);
    }
    BlobTransactionWithBlobs tx;
    try {
      tx = BlobTransactionWithBlobs.decode(raw);
      if (tx.wrapperVersion() == BlobTransactionWithBlobs.WRAPPER_VERSION_BLOB_PROOFS) {
        tx = KzgProofVerifier.withCellProofs(tx);
      }
    } catch (InvalidTransactionException | RuntimeException e) {
      // Malformed, or a blob the KZG library refuses: addNetworkForm says what is wrong.
      return addNetworkForm(raw);
    }
    return add(tx);
  }

  private static Transaction decode(Bytes raw, InvalidTransactionException earlier) throws TxPoolException {
    try {
      return TransactionCodec.decode(raw);
    } catch (InvalidTransactionException e) {
      throw new TxPoolException(Reason.INVALID_ENCODING, (earlier == null ? e : earlier).getMessage());
    }
  }

  /**
   * Adds a transaction whose sender is {@code sender} whatever its signature says: a
   * development chain's impersonated transaction, which carries a placeholder signature.
   * Everything but the signature is checked as for any other transaction. Only dev mode may
   * call this; a block that includes such a transaction must carry its sender (see
   * {@link org.linden.chain.execution.IrregularChanges}).
   */
  public Hash addImpersonated(Transaction tx, Address sender) throws TxPoolException {
    return add(tx, null, java.util.Objects.requireNonNull(sender, "sender"));
  }

  private Hash add(Transaction tx, BlobTransactionWithBlobs sidecar) throws TxPoolException {
    return add(tx, sidecar, null);
  }

  private Hash add(Transaction tx, BlobTransactionWithBlobs sidecar, Address knownSender) throws TxPoolException {
    Hash hash = tx.hash();
    if (contains(hash)) {
      throw new TxPoolException(Reason.ALREADY_KNOWN);
    }
    PoolHead checkedAt = head;
    ValidTransaction valid = statelessChecks.check(tx, hash, sidecar, checkedAt, false, knownSender);
    List<PooledTransaction> promoted;
    lock.lock();
    try {
      if (head.fork() != checkedAt.fork()) {
        // The head crossed a fork meanwhile; the rules the checks applied may have changed.
        valid = statelessChecks.check(tx, hash, sidecar, head, false, knownSender);
      }
      promoted = admit(valid, sidecar);
    } finally {
      lock.unlock();
    }
    announce(transactions(promoted));
    return hash;
  }

  /** Under the lock: the state checks, then the change. Returns what became pending. */
  private List<PooledTransaction> admit(ValidTransaction valid, BlobTransactionWithBlobs sidecar)
      throws TxPoolException {
    if (lists.get(valid.hash()) != null) {
      throw new TxPoolException(Reason.ALREADY_KNOWN);
    }
    Admission.Decision d = admission.decide(valid, sidecar, head, lists, sequence++);
    if (d.victim() != null) {
      lists.remove(d.victim());
    }
    return lists.insert(d.tx(), d.stateNonce());
  }

  // ---------------------------------------------------------------- head changes

  /** The chain has a new head on the same branch: drops what it mined or made invalid. */
  public void onNewHead(BlockHeader newHead, StateReader state) {
    onNewHead(newHead, state, List.of());
  }

  /**
   * The chain has a new head. Drops the transactions whose nonce the new state has used,
   * whose sender can no longer pay them or has become a contract, and whose gas limit is
   * above the new block gas limit; takes back {@code removedByReorg}, the transactions of the
   * blocks a reorg abandoned (oldest block first), as {@link #reinject} does; and promotes
   * what the new nonces make executable. Listeners hear of the transactions that are pending
   * now and were not before, so a transaction that a reorg shuffles is not announced twice.
   */
  public void onNewHead(BlockHeader newHead, StateReader state, List<Transaction> removedByReorg) {
    List<Transaction> announce = new ArrayList<>();
    lock.lock();
    try {
      Set<Hash> pendingBefore = new HashSet<>();
      lists.senders().values().forEach(s -> s.pendingTxs().forEach(tx -> pendingBefore.add(tx.hash())));
      head = PoolHead.of(chainConfig, newHead, state, clockSeconds.getAsLong());
      List<PooledTransaction> promoted = new ArrayList<>();
      for (Address sender : new ArrayList<>(lists.senders().keySet())) {
        promoted.addAll(rebase(sender));
      }
      for (Transaction tx : removedByReorg) {
        List<PooledTransaction> back = reinjectLocked(tx);
        if (back != null) {
          promoted.addAll(back);
        }
      }
      trimQueue();
      limbo.prune(newHead.number());
      for (PooledTransaction tx : promoted) {
        if (!pendingBefore.contains(tx.hash()) && lists.isPending(tx)) {
          announce.add(tx.tx());
        }
      }
    } finally {
      lock.unlock();
    }
    announce(announce);
  }

  private List<PooledTransaction> rebase(Address sender) {
    PoolHead h = head;
    Optional<AccountInfo> account = h.state().account(sender);
    long nonce = account.map(AccountInfo::nonce).orElse(0L);
    UInt256 balance = account.map(AccountInfo::balance).orElse(UInt256.ZERO);
    boolean mayStillSend = mayStillSend(account, h);
    List<PooledTransaction> dropped = new ArrayList<>();
    List<PooledTransaction> promoted = lists.rebase(sender, nonce,
        tx -> mayStillSend && !balance.lt(tx.maxCost()) && Long.compareUnsigned(tx.tx().gas(), h.gasLimit()) <= 0,
        dropped);
    for (PooledTransaction tx : dropped) {
      // Below the new nonce: most likely mined, so a reorg may want the blobs back.
      if (tx.sidecar() != null && Long.compareUnsigned(tx.nonce(), nonce) < 0) {
        limbo.keep(tx.hash(), tx.sidecar(), h.header().number());
      }
    }
    return promoted;
  }

  private static boolean mayStillSend(Optional<AccountInfo> account, PoolHead h) {
    try {
      Admission.checkCode(account, h, Address.ZERO);
      return true;
    } catch (TxPoolException e) {
      return false;
    }
  }

  /**
   * Takes back transactions that a reorg removed from the chain. They go through the same
   * checks as new ones except the pool's price floors (they were good enough to be mined);
   * those that fail, including those the new branch already contains, are dropped silently.
   * A blob transaction comes back only if the pool still has its sidecar.
   *
   * @return how many were taken back
   */
  public int reinject(List<Transaction> transactions) {
    int taken = 0;
    for (Transaction tx : transactions) {
      List<PooledTransaction> promoted;
      lock.lock();
      try {
        promoted = reinjectLocked(tx);
      } finally {
        lock.unlock();
      }
      if (promoted != null) {
        taken++;
        announce(transactions(promoted));
      }
    }
    return taken;
  }

  /**
   * Under the lock: one transaction back from an abandoned block. Returns what became
   * pending, or null if the pool did not take it.
   */
  private List<PooledTransaction> reinjectLocked(Transaction tx) {
    Hash hash = tx.hash();
    BlobTransactionWithBlobs sidecar = tx instanceof BlobTransaction ? limbo.take(hash) : null;
    if (tx instanceof BlobTransaction && sidecar == null) {
      return null;
    }
    try {
      return admit(statelessChecks.check(tx, hash, sidecar, head, true), sidecar);
    } catch (TxPoolException e) {
      return null;
    }
  }

  /** Keeps the queue within its limit by evicting its cheapest last transactions. */
  private void trimQueue() {
    while (lists.queued() > config.maxQueued()) {
      lists.remove(lists.cheapestTail(null, true, head.baseFee()));
    }
  }

  // ---------------------------------------------------------------- block building

  /** Pending transactions best-paying first, for a builder that executes them one by one. */
  public PendingIterator pendingIterator(UInt256 baseFee, UInt256 blobBaseFee) {
    lock.lock();
    try {
      List<List<PooledTransaction>> bySender = new ArrayList<>();
      for (SenderTxs s : lists.senders().values()) {
        if (s.pendingCount() > 0) {
          bySender.add(List.copyOf(s.pendingTxs()));
        }
      }
      return new PendingIterator(bySender, baseFee, blobBaseFee);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Pending transactions for a block with this base fee and gas limit, at the next block's
   * blob base fee and blob gas limit; see {@link #pendingOrdered(UInt256, UInt256, long, long)}.
   */
  public List<ValidTransaction> pendingOrdered(UInt256 baseFee, long gasLimit) {
    PoolHead h = head;
    return pendingOrdered(baseFee, h.blobBaseFee(), gasLimit, h.blobGasLimit());
  }

  /**
   * Pending transactions in {@link PendingIterator} order whose gas limits fit in
   * {@code gasLimit} and blob gas in {@code blobGasLimit}. A transaction that does not fit
   * ends its sender's run. Counting gas limits rather than gas used is conservative; a
   * builder that executes should use {@link #pendingIterator} and count what it used.
   */
  public List<ValidTransaction> pendingOrdered(UInt256 baseFee, UInt256 blobBaseFee, long gasLimit,
      long blobGasLimit) {
    List<ValidTransaction> out = new ArrayList<>();
    long gasLeft = gasLimit;
    long blobGasLeft = blobGasLimit;
    PendingIterator it = pendingIterator(baseFee, blobBaseFee);
    while (it.hasNext()) {
      ValidTransaction valid = it.next();
      Transaction tx = valid.transaction();
      long blobGas = tx instanceof BlobTransaction blob ? Fees.blobGas(blob) : 0;
      if (Long.compareUnsigned(tx.gas(), gasLeft) > 0 || Long.compareUnsigned(blobGas, blobGasLeft) > 0) {
        it.skipSender(valid.sender());
        continue;
      }
      out.add(valid);
      gasLeft -= tx.gas();
      blobGasLeft -= blobGas;
    }
    return out;
  }

  /** The base fee of the next block, as the pool assumes it (zero before London). */
  public UInt256 nextBaseFee() {
    return head.baseFee();
  }

  /** The blob base fee of the next block, as the pool assumes it (zero before Cancun). */
  public UInt256 nextBlobBaseFee() {
    return head.blobBaseFee();
  }

  // ---------------------------------------------------------------- queries

  public PoolStatus status() {
    lock.lock();
    try {
      return new PoolStatus(lists.pending(), lists.queued());
    } finally {
      lock.unlock();
    }
  }

  public PoolContent content() {
    Map<Address, NavigableMap<Long, ValidTransaction>> pending = new TreeMap<>();
    Map<Address, NavigableMap<Long, ValidTransaction>> queued = new TreeMap<>();
    lock.lock();
    try {
      lists.senders().forEach((sender, s) -> {
        if (s.pendingCount() > 0) {
          pending.put(sender, byNonce(s.pendingTxs()));
        }
        if (s.queuedCount() > 0) {
          queued.put(sender, byNonce(s.queuedTxs()));
        }
      });
    } finally {
      lock.unlock();
    }
    return new PoolContent(pending, queued);
  }

  private static NavigableMap<Long, ValidTransaction> byNonce(List<PooledTransaction> txs) {
    NavigableMap<Long, ValidTransaction> m =
        new TreeMap<>(Comparator.comparing(Long::longValue, Long::compareUnsigned));
    txs.forEach(tx -> m.put(tx.nonce(), tx.valid()));
    return m;
  }

  public Optional<ValidTransaction> get(Hash hash) {
    lock.lock();
    try {
      return Optional.ofNullable(lists.get(hash)).map(PooledTransaction::valid);
    } finally {
      lock.unlock();
    }
  }

  /** The bytes to send a peer that asks for the transaction: with its sidecar if it has blobs. */
  public Optional<Bytes> networkForm(Hash hash) {
    lock.lock();
    try {
      PooledTransaction tx = lists.get(hash);
      if (tx == null) {
        return Optional.empty();
      }
      return Optional.of(tx.sidecar() != null ? tx.sidecar().encode() : tx.tx().encoded());
    } finally {
      lock.unlock();
    }
  }

  public boolean contains(Hash hash) {
    lock.lock();
    try {
      return lists.get(hash) != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The nonce of the sender's next transaction if all its pending ones run: what
   * {@code eth_getTransactionCount(address, "pending")} answers.
   */
  public long pendingNonce(Address sender) {
    lock.lock();
    try {
      SenderTxs s = lists.sender(sender);
      return s != null ? s.nextNonce() : head.state().account(sender).map(AccountInfo::nonce).orElse(0L);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- listeners

  /**
   * Calls {@code listener} with every transaction that becomes pending: added executable,
   * promoted when a gap fills, replacing a pending one, or taken back after a reorg (what
   * {@code newPendingTransactions} subscriptions report). A listener that throws is ignored.
   */
  public Subscription addListener(Consumer<Transaction> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void announce(List<Transaction> txs) {
    for (Transaction tx : txs) {
      for (Consumer<Transaction> l : listeners) {
        try {
          l.accept(tx);
        } catch (RuntimeException e) {
          // A subscriber's failure is its own; the pool and the other subscribers go on.
        }
      }
    }
  }

  private static List<Transaction> transactions(List<PooledTransaction> txs) {
    List<Transaction> out = new ArrayList<>(txs.size());
    txs.forEach(tx -> out.add(tx.tx()));
    return out;
  }
}
