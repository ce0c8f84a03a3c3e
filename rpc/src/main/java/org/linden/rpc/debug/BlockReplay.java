package org.linden.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlobSchedule;
import org.linden.chain.execution.BlockProcessor;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.execution.IrregularChanges;
import org.linden.chain.execution.TransactionProcessor;
import org.linden.chain.execution.TransactionRejectedException;
import org.linden.chain.execution.TransactionResult;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionValidator;
import org.linden.chain.tx.ValidTransaction;
import org.linden.evm.BlockContext;
import org.linden.evm.Tracer;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.rpc.RpcException;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * A block re-executed on its parent's state the way import executed it: the system calls
 * that precede the transactions ({@link BlockProcessor#prepareBlock}), then the
 * transactions one by one, each either untraced or traced. The changes stay in a journal
 * and are never written.
 */
final class BlockReplay {
  private final Block block;
  private final Fork fork;
  private final JournaledWorldState state;
  private final BlockContext context;
  private final TransactionValidator validator;
  private final IrregularChanges irregular;
  private final TransactionProcessor processor;
  private final long maxBlobGas;
  private long gasUsed;
  private long blobGasUsed;
  private int next;

  private BlockReplay(Block block, Fork fork, JournaledWorldState state, BlockContext context, ChainConfig config,
      IrregularChanges irregular) {
    BlockHeader h = block.header();
    BlobSchedule blobs = config.blobScheduleAt(h.timestamp());
    this.block = block;
    this.fork = fork;
    this.state = state;
    this.context = context;
    this.validator = new TransactionValidator(fork, config.chainId());
    this.irregular = irregular;
    this.processor = new TransactionProcessor(fork, config.chainId(), context, blobs,
        h.excessBlobGas() == null ? 0 : h.excessBlobGas());
    this.maxBlobGas = blobs.maxBlobGasPerBlock();
  }

  /**
   * Starts replaying {@code block}: finds its parent's state, which must be one this node
   * still keeps (a canonical block among the most recent ones), and runs the system calls.
   */
  static BlockReplay begin(Blockchain chain, Block block) {
    BlockHeader h = block.header();
    if (h.number() == 0) {
      throw RpcException.server("genesis is not traceable");
    }
    BlockHeader parent = chain.store().header(h.parentHash())
        .orElseThrow(() -> RpcException.server("parent " + h.parentHash() + " of block " + h.number() + " not found"));
    boolean canonical = chain.store().canonicalHash(parent.number()).map(parent.hash()::equals).orElse(false);
    StateReader parentState = (canonical ? chain.stateAt(parent.number()) : Optional.<StateReader>empty())
        .orElseThrow(() -> RpcException.server("historical state for block " + parent.number()
            + " is not available (only the last " + Blockchain.MAX_REORG_DEPTH
            + " canonical blocks are kept); block " + h.number() + " cannot be traced"));
    ChainConfig config = chain.config();
    Fork fork = config.forkAt(h.number(), h.timestamp());
    JournaledWorldState state = new JournaledWorldState(parentState);
    // The parent is canonical, so every ancestor BLOCKHASH can reach is too.
    LongFunction<Hash> hashes = n -> chain.store().canonicalHash(n).orElse(Hash.ZERO);
    // A dev chain's block may carry state edits and impersonated senders; replay them as import did.
    IrregularChanges irregular = chain.store().irregularChanges(h.hash()).orElse(IrregularChanges.NONE);
    try {
      BlockContext context = new BlockProcessor(config).prepareBlock(block, state, hashes, irregular);
      return new BlockReplay(block, fork, state, context, config, irregular);
    } catch (BlockValidationException e) {
      throw RpcException.server("block " + h.number() + " cannot be replayed: " + e.getMessage());
    }
  }

  List<Transaction> transactions() {
    return block.transactions();
  }

  boolean hasNext() {
    return next < block.transactions().size();
  }

  /** Executes the next transaction without a tracer. */
  void skip() {
    run(validateNext(), null);
  }

  /** Executes the next transaction with a fresh tracer from {@code config} and returns the tracer's result. */
  JsonNode traceNext(TraceConfig config, TraceBudget budget) {
    ValidTransaction tx = validateNext();
    try {
      return TransactionTrace.trace(config.newTracer(state, fork, budget),
          TransactionTrace.context(tx, context.coinbase()), tracer -> process(tx, tracer).gasUsed());
    } catch (TransactionRejectedException e) {
      throw notReplayable(e.getMessage());
    }
  }

  private ValidTransaction validateNext() {
    try {
      return irregular.validate(validator, block.transactions().get(next));
    } catch (InvalidTransactionException e) {
      throw notReplayable(e.getMessage());
    }
  }

  private void run(ValidTransaction tx, Tracer tracer) {
    try {
      process(tx, tracer);
    } catch (TransactionRejectedException e) {
      throw notReplayable(e.getMessage());
    }
  }

  private TransactionResult process(ValidTransaction tx, Tracer tracer) throws TransactionRejectedException {
    TransactionResult r = processor.process(state, tx, block.header().gasLimit() - gasUsed,
        maxBlobGas - blobGasUsed, tracer);
    gasUsed += r.gasUsed();
    blobGasUsed += r.blobGasUsed();
    next++;
    return r;
  }

  private RpcException notReplayable(String why) {
    return RpcException.server("transaction " + next + " of block " + block.number() + " cannot be replayed: " + why);
  }
}
