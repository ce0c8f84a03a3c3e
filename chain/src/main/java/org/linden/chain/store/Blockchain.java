package org.linden.chain.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.GenesisAccount;
import org.linden.chain.execution.BlockProcessor;
import org.linden.chain.execution.BlockResult;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.execution.BlockValidator;
import org.linden.chain.execution.HeaderValidator;
import org.linden.chain.execution.IrregularChanges;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.evm.state.JournaledWorldState;
import org.linden.state.KeyValueStore;
import org.linden.state.PersistentWorldState;
import org.linden.state.WriteBatch;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;


/**
 * The chain on disk. Every imported block is validated, executed on the state of its
 * parent and committed in one atomic write together with its receipts, indexes, state
 * changes and the new head, so a killed process always reopens at a consistent head.
 * The last valid block imported becomes the head (the consensus layer's choice after the
 * merge); a block on another branch first rewinds the state to the common ancestor with
 * the stored reverse diffs, then replays that branch.
 */
public final class Blockchain {
  /** How many recent blocks keep their reverse state diffs, i.e. the deepest possible reorg. */
  public static final int MAX_REORG_DEPTH = 128;

  private final ChainConfig config;
  private final ChainStore chain;
  private final PersistentWorldState state;
  private HeaderValidator headerValidator;
  private final BlockProcessor processor;
  private ForkChoice forkChoice;
  private BlockHeader head;
  private final java.util.concurrent.CopyOnWriteArrayList<ChainListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Told about every change of the canonical chain, after it is committed. */
  public interface ChainListener {
    /** A block became the head, with its receipts. */
    default void blockAdded(Block block, List<org.linden.chain.block.Receipt> receipts) {}

    /** A block left the canonical chain in a reorg (its transactions may need re-injection). */
    default void blockRemoved(Block block) {}

    /**
     * {@link #rewindTo} moved the head back to {@code newHead} (after a {@link #blockRemoved}
     * for each block it took off): the removed blocks are abandoned, not replaced by another
     * branch, so their transactions are not coming back by themselves.
     */
    default void headRewound(BlockHeader newHead) {}

    /**
     * How long this chain spent importing {@code block} (validation, execution unless the
     * block builder did it already, and the commit), told right after {@link #blockAdded}.
     */
    default void importTimed(Block block, long nanos) {}
  }

  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  private Blockchain(ChainConfig config, KeyValueStore store) {
    this.config = config;
    this.chain = new ChainStore(store);
    this.state = new PersistentWorldState(store);
    this.headerValidator = new HeaderValidator(config);
    this.processor = new BlockProcessor(config);
    // A BFT head is final: only blocks extending it are executed; others are kept aside, never switched to.
    this.forkChoice = org.linden.chain.consensus.ConsensusRules.of(config).finalHead()
        ? ForkChoice.FINAL
        : ForkChoice.DEFAULT;
  }

  /**
   * Replaces the consensus rules every imported header is checked with, e.g. QBFT's rules
   * with seal verification, which need the validator sets the chain itself records.
   */
  public synchronized void consensusRules(org.linden.chain.consensus.ConsensusRules rules) {
    this.headerValidator = new HeaderValidator(config, rules);
  }

  /**
   * Opens the chain in {@code store}, writing the genesis block and state first if the
   * store is empty. A store initialised with another genesis is refused.
   */
  public static Blockchain open(KeyValueStore store, Genesis genesis) throws GenesisMismatchException {
    return open(store, genesis.config(), genesis.hash(), genesis.alloc(), genesis::toBlock);
  }

  /**
   * Opens the chain with a genesis given as its header and allocation (test fixtures give
   * them so). The header's state root must be the allocation's.
   */
  public static Blockchain open(KeyValueStore store, ChainConfig config, BlockHeader genesisHeader,
      Map<Address, GenesisAccount> alloc) throws GenesisMismatchException {
    return open(store, config, genesisHeader.hash(), alloc, root -> {
      if (!root.equals(genesisHeader.stateRoot())) {
        throw new IllegalArgumentException("the allocation's state root " + root + " is not the genesis header's "
            + genesisHeader.stateRoot());
      }
      return new Block(genesisHeader, genesisHeader.withdrawalsRoot() != null
          ? new BlockBody(List.of(), List.of(), List.of())
          : BlockBody.EMPTY);
    });
  }

  private static Blockchain open(KeyValueStore store, ChainConfig config, Hash genesisHash,
      Map<Address, GenesisAccount> alloc, java.util.function.Function<Hash, Block> genesisBlock)
      throws GenesisMismatchException {
    Blockchain bc = new Blockchain(config, store);
    var storedGenesis = bc.chain.genesis();
    if (storedGenesis.isPresent()) {
      Hash given = genesisHash;
      if (!storedGenesis.get().equals(given)) {
        throw new GenesisMismatchException(storedGenesis.get(), given);
      }
      Hash headHash = bc.chain.head().orElseThrow(() -> new CorruptDatabaseException("no head block recorded"));
      bc.head = bc.chain.header(headHash)
          .orElseThrow(() -> new CorruptDatabaseException("head block " + headHash + " is missing"));
      if (!bc.state.stateRoot().equals(bc.head.stateRoot())) {
        throw new CorruptDatabaseException("the state (root " + bc.state.stateRoot() + ") is not the head block's ("
            + bc.head.stateRoot() + ")");
      }
      return bc;
    }
    bc.writeGenesis(alloc, genesisBlock);
    return bc;
  }

  private void writeGenesis(Map<Address, GenesisAccount> accounts, java.util.function.Function<Hash, Block> genesisBlock) {
    List<AccountChange> alloc = new ArrayList<>();
    for (Map.Entry<Address, GenesisAccount> e : accounts.entrySet()) {
      GenesisAccount a = e.getValue();
      Hash codeHash = a.code().isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(a.code());
      alloc.add(new AccountChange(e.getKey(), new AccountInfo(a.nonce(), a.balance(), codeHash),
          a.code().isEmpty() ? null : a.code(), true, new HashMap<>(a.storage())));
    }
    try (WriteBatch batch = chain.store().newBatch()) {
      Hash root = state.apply(alloc, batch);
      Block block = genesisBlock.apply(root);
      chain.putBlock(batch, block.header(), block.body());
      chain.putReceipts(batch, block.hash(), List.of());
      chain.putTotalDifficulty(batch, block.hash(), block.header().difficulty());
      chain.putCanonical(batch, block.header(), block.body());
      chain.putHead(batch, block.hash());
      chain.putFinality(batch, block.hash());
      chain.putGenesis(batch, block.hash());
      batch.commit();
      head = block.header();
    }
  }

  public ChainConfig config() {
    return config;
  }

  /** Replaces the fork-choice rule (a consensus engine installs its own). */
  public synchronized void forkChoice(ForkChoice rule) {
    this.forkChoice = rule;
  }

  public synchronized BlockHeader head() {
    return head;
  }

  public ChainStore store() {
    return chain;
  }

  public PersistentWorldState state() {
    return state;
  }

  /** Whether the block is stored (canonical or not). */
  public boolean contains(Hash hash) {
    return chain.header(hash).isPresent();
  }

  /**
   * Validates, executes and stores {@code block}, which becomes the head. Returns false if
   * the block was already known. An invalid block changes nothing.
   */
  public synchronized boolean importBlock(Block block) throws BlockValidationException {
    return importBlock(block, IrregularChanges.NONE, false);
  }

  /**
   * Development chains only: imports {@code block} as {@link #importBlock(Block)} does, with
   * {@code irregular} state edits applied before its transactions and impersonated senders
   * taken as recorded. They are stored with the block, so that replaying it (after a reorg)
   * gives the same state; the block's header commits to the resulting state root like any
   * other's, so the chain on disk stays verifiable block by block.
   *
   * <p>Unlike {@link #importBlock(Block)}, a known block that is not canonical but whose
   * parent is the head becomes the head again: after {@link #rewindTo}, a dev chain may seal
   * exactly the block it abandoned (same parent, timestamp, transactions and state root).
   */
  public synchronized boolean importBlock(Block block, IrregularChanges irregular) throws BlockValidationException {
    return importBlock(block, irregular, true);
  }

  /**
   * Development chains only: imports a block this node just built on the current head with
   * {@link org.linden.chain.execution.BlockBuilder}, reusing the builder's execution result
   * and state changes instead of executing the block a second time. The header is still
   * validated against its parent, and the state root the write arrives at against the header,
   * so changes that do not match the build are refused; the other roots, the bloom and the gas,
   * which the builder derived from this very body and result, are not computed again. Falls
   * back to a full import when the head moved meanwhile.
   */
  public synchronized boolean importBuilt(org.linden.chain.execution.BlockBuilder.Built built,
      IrregularChanges irregular) throws BlockValidationException {
    return importBuilt(built, irregular, null);
  }

  /**
   * {@link #importBuilt(org.linden.chain.execution.BlockBuilder.Built, IrregularChanges)} with
   * the state update the builder prepared for its state root ({@link PersistentWorldState#prepare}),
   * so the trie work is not done twice. An update prepared from other changes than the
   * block's is ignored.
   */
  public synchronized boolean importBuilt(org.linden.chain.execution.BlockBuilder.Built built,
      IrregularChanges irregular, PersistentWorldState.Prepared prepared) throws BlockValidationException {
    Block block = built.block();
    if (!block.header().parentHash().equals(head.hash()) || contains(block.hash())) {
      return importBlock(block, irregular, true);
    }
    PersistentWorldState.Prepared reuse = prepared != null && prepared.changes() == built.changes() ? prepared : null;
    apply(block, true, irregular, new Executed(built.result(), built.changes(), reuse));
    return true;
  }

  /**
   * A block's execution done elsewhere (by the block builder), to be committed as is, with
   * its state update when the builder prepared one.
   */
  private record Executed(BlockResult result, java.util.List<org.linden.evm.state.AccountChange> changes,
      PersistentWorldState.Prepared prepared) {}

  private boolean importBlock(Block block, IrregularChanges irregular, boolean dev) throws BlockValidationException {
    Hash hash = block.hash();
    if (dev && contains(hash) && !isCanonical(block.header()) && block.header().parentHash().equals(head.hash())) {
      apply(block, false, irregular);
      return true;
    }
    if (contains(hash)) {
      return false;
    }
    BlockHeader parent = chain.header(block.header().parentHash())
        .orElseThrow(() -> new BlockValidationException("unknown parent",
            "block " + block.number() + " " + hash + " has unknown parent " + block.header().parentHash()));
    UInt256 parentTd = chain.totalDifficulty(parent.hash()).orElse(UInt256.ZERO);
    UInt256 td = parentTd.add(block.header().difficulty());
    UInt256 headTd = chain.totalDifficulty(head.hash()).orElse(UInt256.ZERO);
    boolean postMerge = config.forkAt(block.number(), block.header().timestamp()).isAtLeast(Fork.PARIS);
    BlockHeader before = head;
    if (!parent.hash().equals(head.hash()) && !forkChoice.prefer(block.header(), td, head, headTd, postMerge)) {
      storeSideBlock(block, parent, td, irregular);
      return true;
    }
    if (!parent.hash().equals(head.hash())) {
      switchTo(parent);
    }
    try {
      apply(block, true, irregular);
    } catch (BlockValidationException e) {
      if (!before.hash().equals(parent.hash())) {
        // The new branch failed: go back to the chain we had.
        switchTo(before);
      }
      throw e;
    }
    return true;
  }

  /**
   * Keeps a block of a branch that does not (yet) win fork choice: its header is checked
   * against its parent and its body against its header; it is executed only if its branch
   * later becomes canonical.
   */
  private void storeSideBlock(Block block, BlockHeader parent, UInt256 td, IrregularChanges irregular)
      throws BlockValidationException {
    BlockHeader h = block.header();
    headerValidator.validate(h, parent);
    BlockValidator.validateBody(block, config.forkAt(h.number(), h.timestamp()));
    try (WriteBatch batch = chain.store().newBatch()) {
      chain.putBlock(batch, h, block.body());
      chain.putTotalDifficulty(batch, h.hash(), td);
      if (!irregular.isEmpty()) {
        chain.putIrregularChanges(batch, h.hash(), irregular);
      }
      batch.commit();
    }
  }

  /** Executes a block on the head state and commits it, with its diff, as the new head. */
  private void apply(Block block, boolean storeBlock, IrregularChanges irregular) throws BlockValidationException {
    apply(block, storeBlock, irregular, null);
  }

  private void apply(Block block, boolean storeBlock, IrregularChanges irregular, Executed executed)
      throws BlockValidationException {
    long started = System.nanoTime();
    BlockHeader h = block.header();
    headerValidator.validate(h, head);
    Fork fork = config.forkAt(h.number(), h.timestamp());
    // A block from the builder had its roots, bloom and gas derived from this very body and
    // result, whose execution is taken as done: recomputing them could only agree. Its state
    // root is still compared, since the write below may recompute it from the changes.
    boolean built = executed != null;
    if (!built) {
      BlockValidator.validateBody(block, fork);
      JournaledWorldState world = new JournaledWorldState(state);
      BlockResult result = processor.process(block, world, this::canonicalHashOrZero, null, changes -> {
        // Pre-Byzantium receipts: the root after each transaction, worked out without writing.
        return state.prepare(changes).postRoot();
      }, irregular);
      executed = new Executed(result, world.changes(), null);
    }
    BlockResult result = executed.result();
    try (WriteBatch batch = chain.store().newBatch()) {
      Hash root = executed.prepared() != null
          ? state.apply(h.hash(), executed.prepared(), batch)
          : state.apply(h.hash(), executed.changes(), batch);
      if (built) {
        BlockValidator.validateStateRoot(h, root);
      } else {
        BlockValidator.validateResult(h, result, fork, root);
      }
      if (storeBlock) {
        chain.putBlock(batch, h, block.body());
        UInt256 parentTd = chain.totalDifficulty(h.parentHash()).orElse(UInt256.ZERO);
        chain.putTotalDifficulty(batch, h.hash(), parentTd.add(h.difficulty()));
        if (!irregular.isEmpty()) {
          chain.putIrregularChanges(batch, h.hash(), irregular);
        }
      }
      chain.putReceipts(batch, h.hash(), result.receipts());
      chain.putCanonical(batch, h, block.body());
      chain.putHead(batch, h.hash());
      chain.putFinality(batch, h.hash());
      dropOldDiff(h.number(), batch);
      batch.commit();
    }
    head = h;
    long took = System.nanoTime() - started;
    for (ChainListener l : listeners) {
      try {
        l.blockAdded(block, result.receipts());
        l.importTimed(block, took);
      } catch (RuntimeException e) {
        // A listener's failure must not undo or block an import that is already committed.
        org.slf4j.LoggerFactory.getLogger(Blockchain.class).warn("chain listener failed: {}", e.toString());
      }
    }
  }

  private void dropOldDiff(long number, WriteBatch batch) {
    long old = number - MAX_REORG_DEPTH;
    if (old > 0) {
      chain.canonicalHash(old).ifPresent(hash -> state.dropDiff(hash, batch));
    }
  }

  private Hash canonicalHashOrZero(long number) {
    return chain.canonicalHash(number).orElse(Hash.ZERO);
  }

  /** Rewinds to the common ancestor of the head and {@code target}, then replays the branch up to {@code target}. */
  private void switchTo(BlockHeader target) throws BlockValidationException {
    Deque<BlockHeader> branch = new ArrayDeque<>();
    BlockHeader t = target;
    while (!isCanonical(t)) {
      branch.push(t);
      BlockHeader p = t;
      t = chain.header(t.parentHash()).orElseThrow(() -> new CorruptDatabaseException("missing parent of " + p.hash()));
    }
    BlockHeader ancestor = t;
    if (head.number() - ancestor.number() > MAX_REORG_DEPTH) {
      throw new BlockValidationException("reorg depth", "switching branches would rewind "
          + (head.number() - ancestor.number()) + " blocks, more than " + MAX_REORG_DEPTH);
    }
    while (!head.hash().equals(ancestor.hash())) {
      rewindHead();
    }
    for (BlockHeader h : branch) {
      BlockBody body = chain.body(h.hash()).orElseThrow(() -> new CorruptDatabaseException("missing body " + h.hash()));
      // A dev chain's block brings back the edits and senders stored with it; any other has none.
      apply(new Block(h, body), false, chain.irregularChanges(h.hash()).orElse(IrregularChanges.NONE));
    }
  }

  /**
   * Moves the head back to {@code canonicalAncestor}, a canonical block at or below the
   * head, undoing one block at a time with the stored reverse diffs; the blocks after it
   * leave the canonical chain (they stay stored, as side blocks do). Listeners hear
   * {@link ChainListener#blockRemoved} for each, newest first, then
   * {@link ChainListener#headRewound}. Used by dev mode's {@code evm_revert}.
   *
   * @throws IllegalArgumentException if the block is unknown or not canonical, or more than
   *     {@link #MAX_REORG_DEPTH} blocks below the head (older diffs are not kept)
   */
  public synchronized void rewindTo(Hash canonicalAncestor) {
    BlockHeader target = chain.header(canonicalAncestor)
        .orElseThrow(() -> new IllegalArgumentException("unknown block " + canonicalAncestor));
    if (!isCanonical(target) || target.number() > head.number()) {
      throw new IllegalArgumentException("block " + target.number() + " " + canonicalAncestor
          + " is not on the canonical chain");
    }
    long depth = head.number() - target.number();
    if (depth > MAX_REORG_DEPTH) {
      throw new IllegalArgumentException("cannot rewind " + depth + " blocks to block " + target.number()
          + ": only the last " + MAX_REORG_DEPTH + " blocks keep the state diffs to undo them");
    }
    if (depth == 0) {
      return;
    }
    while (!head.hash().equals(target.hash())) {
      rewindHead();
    }
    for (ChainListener l : listeners) {
      try {
        l.headRewound(head);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Blockchain.class).warn("chain listener failed: {}", e.toString());
      }
    }
  }

  private boolean isCanonical(BlockHeader h) {
    return chain.canonicalHash(h.number()).map(h.hash()::equals).orElse(false);
  }

  /** Takes the head block off the canonical chain and restores its parent's state. */
  private void rewindHead() {
    BlockHeader old = head;
    BlockBody body = chain.body(old.hash()).orElseThrow(() -> new CorruptDatabaseException("missing body " + old.hash()));
    BlockHeader parent = chain.header(old.parentHash())
        .orElseThrow(() -> new CorruptDatabaseException("missing parent of " + old.hash()));
    try (WriteBatch batch = chain.store().newBatch()) {
      state.revert(old.hash(), batch);
      chain.removeCanonical(batch, old, body);
      chain.putHead(batch, parent.hash());
      chain.putFinality(batch, parent.hash());
      batch.commit();
    }
    head = parent;
    Block removed = new Block(old, body);
    for (ChainListener l : listeners) {
      try {
        l.blockRemoved(removed);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Blockchain.class).warn("chain listener failed: {}", e.toString());
      }
    }
  }

  /**
   * The state after the canonical block {@code number}: the head's state, or for one of
   * the last {@link #MAX_REORG_DEPTH} blocks the head's state read back through the
   * reverse diffs. Older states are not kept (empty).
   */
  public synchronized java.util.Optional<org.linden.evm.state.StateReader> stateAt(long number) {
    if (number == head.number()) {
      return java.util.Optional.of(state);
    }
    if (number > head.number() || head.number() - number > MAX_REORG_DEPTH - 1) {
      return java.util.Optional.empty();
    }
    List<Hash> newestFirst = new ArrayList<>();
    for (long n = head.number(); n > number; n--) {
      var hash = chain.canonicalHash(n);
      if (hash.isEmpty()) {
        return java.util.Optional.empty();
      }
      newestFirst.add(hash.get());
    }
    return java.util.Optional.of(state.stateBefore(newestFirst));
  }

  /** The canonical block at {@code number}, if any. */
  public java.util.Optional<Block> canonicalBlock(long number) {
    return chain.canonicalHash(number).flatMap(this::block);
  }

  public java.util.Optional<Block> block(Hash hash) {
    return chain.header(hash).flatMap(h -> chain.body(hash).map(b -> new Block(h, b)));
  }

}
