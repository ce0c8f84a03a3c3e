package org.linden.chain.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.chain.block.Withdrawal;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.tx.InvalidTransactionException;
import org.linden.chain.tx.Transaction;
import org.linden.chain.tx.TransactionValidator;
import org.linden.chain.tx.ValidTransaction;
import org.linden.evm.BlockContext;
import org.linden.evm.Evm;
import org.linden.evm.ExecutionResult;
import org.linden.evm.Log;
import org.linden.evm.Message;
import org.linden.evm.Tracer;
import org.linden.evm.TxContext;
import org.linden.evm.state.WorldState;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Executes a block's body on the state of its parent (execution-specs' {@code apply_body}):
 * the EIP-4788 and EIP-2935 system calls, every transaction, withdrawals, the EIP-7685
 * requests (deposits, withdrawal and consolidation requests) and, before the merge, block
 * and ommer rewards. Any invalid transaction or failed mandatory system call makes the
 * whole block invalid.
 */
public final class BlockProcessor {
  public static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  public static final Address BEACON_ROOTS_ADDRESS = Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  public static final Address HISTORY_STORAGE_ADDRESS = Address.fromHex("0x0000F90827F1C53a10cb7A02335B175320002935");
  public static final Address WITHDRAWAL_REQUEST_ADDRESS = Address.fromHex("0x00000961Ef480Eb55e80D19ad83579A64c007002");
  public static final Address CONSOLIDATION_REQUEST_ADDRESS =
      Address.fromHex("0x0000BBdDc7CE488642fb579F8B00f3a590007251");
  public static final Address MAINNET_DEPOSIT_CONTRACT = Address.fromHex("0x00000000219ab540356cBB839Cbe05303d7705Fa");
  public static final long SYSTEM_TRANSACTION_GAS = 30_000_000;

  private final ChainConfig config;
  private final boolean rewards;

  public BlockProcessor(ChainConfig config) {
    this.config = config;
    // QBFT chains mint nothing: validators are not paid by issuance.
    this.rewards = org.linden.chain.consensus.ConsensusRules.of(config).paysBlockRewards();
  }

  /**
   * Executes {@code block} on {@code state} (the parent's post-state). {@code blockHashes}
   * answers BLOCKHASH for ancestors. Header fields are trusted to have been validated.
   */
  public BlockResult process(Block block, WorldState state, LongFunction<Hash> blockHashes, Tracer tracer)
      throws BlockValidationException {
    return process(block, state, blockHashes, tracer, null);
  }

  /**
   * As {@link #process(Block, WorldState, LongFunction, Tracer)}; before Byzantium each
   * receipt holds the state root after its transaction, which {@code intermediateRoot}
   * computes from the changes so far (required for such blocks).
   */
  public BlockResult process(Block block, WorldState state, LongFunction<Hash> blockHashes, Tracer tracer,
      java.util.function.Function<List<org.linden.evm.state.AccountChange>, Hash> intermediateRoot)
      throws BlockValidationException {
    return process(block, state, blockHashes, tracer, intermediateRoot, IrregularChanges.NONE);
  }

  /**
   * As {@link #process(Block, WorldState, LongFunction, Tracer, java.util.function.Function)}
   * for a development chain's block that carries {@code irregular} changes: its state edits
   * are applied first, and its impersonated transactions take their recorded senders. Only
   * dev mode passes anything but {@link IrregularChanges#NONE}.
   */
  public BlockResult process(Block block, WorldState state, LongFunction<Hash> blockHashes, Tracer tracer,
      java.util.function.Function<List<org.linden.evm.state.AccountChange>, Hash> intermediateRoot,
      IrregularChanges irregular) throws BlockValidationException {
    BlockHeader h = block.header();
    Fork fork = config.forkAt(h.number(), h.timestamp());
    BlobSchedule blobs = config.blobScheduleAt(h.timestamp());
    long excessBlobGas = h.excessBlobGas() == null ? 0 : h.excessBlobGas();
    BlockContext ctx = prepareBlock(block, state, blockHashes, irregular);

    TransactionValidator validator = new TransactionValidator(fork, config.chainId());
    TransactionProcessor processor = new TransactionProcessor(fork, config.chainId(), ctx, blobs, excessBlobGas);
    List<Receipt> receipts = new ArrayList<>();
    List<Log> blockLogs = new ArrayList<>();
    long gasUsed = 0;
    long blobGasUsed = 0;
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      Transaction tx = txs.get(i);
      try {
        ValidTransaction valid = irregular.validate(validator, tx);
        TransactionResult r = processor.process(state, valid, h.gasLimit() - gasUsed,
            blobs.maxBlobGasPerBlock() - blobGasUsed, tracer);
        gasUsed += r.gasUsed();
        blobGasUsed += r.blobGasUsed();
        if (fork.isAtLeast(Fork.BYZANTIUM)) {
          receipts.add(Receipt.of(tx.type(), r.success(), gasUsed, r.logs()));
        } else {
          if (intermediateRoot == null) {
            throw new IllegalStateException("pre-Byzantium receipts need the intermediate state root");
          }
          receipts.add(Receipt.withPostState(tx.type(), intermediateRoot.apply(state.changes()), gasUsed, r.logs()));
        }
        blockLogs.addAll(r.logs());
      } catch (InvalidTransactionException | TransactionRejectedException e) {
        throw new BlockValidationException("transaction", "transaction " + i + " is invalid: " + e, e);
      }
    }

    if (fork.isAtLeast(Fork.SHANGHAI)) {
      applyWithdrawals(state, block.body().withdrawals());
    }

    List<Bytes> requests = new ArrayList<>();
    if (fork.isAtLeast(Fork.PRAGUE)) {
      Address depositContract = config.depositContractAddress().orElse(MAINNET_DEPOSIT_CONTRACT);
      Bytes deposits = DepositRequests.extract(blockLogs, depositContract);
      if (!deposits.isEmpty()) {
        requests.add(Bytes.concat(Bytes.of((byte) 0x00), deposits));
      }
      Bytes withdrawals = systemCall(state, ctx, fork, WITHDRAWAL_REQUEST_ADDRESS, Bytes.EMPTY, true);
      if (!withdrawals.isEmpty()) {
        requests.add(Bytes.concat(Bytes.of((byte) 0x01), withdrawals));
      }
      Bytes consolidations = systemCall(state, ctx, fork, CONSOLIDATION_REQUEST_ADDRESS, Bytes.EMPTY, true);
      if (!consolidations.isEmpty()) {
        requests.add(Bytes.concat(Bytes.of((byte) 0x02), consolidations));
      }
    }

    if (fork.isBefore(Fork.PARIS) && rewards) {
      applyRewards(state, block, fork);
    }
    return new BlockResult(receipts, gasUsed, blobGasUsed, requests, BlockRoots.logsBloom(receipts));
  }

  /**
   * Runs what comes before a block's transactions, the EIP-4788 and EIP-2935 system calls,
   * on {@code state} (the parent's post-state) and returns the context the transactions
   * execute in. {@link #process} starts with it; a tracer replaying a block up to one of its
   * transactions calls it to begin from exactly the same state.
   */
  public BlockContext prepareBlock(Block block, WorldState state, LongFunction<Hash> blockHashes)
      throws BlockValidationException {
    return prepareBlock(block, state, blockHashes, IrregularChanges.NONE);
  }

  /** As {@link #prepareBlock(Block, WorldState, LongFunction)}, applying a dev block's state edits first. */
  public BlockContext prepareBlock(Block block, WorldState state, LongFunction<Hash> blockHashes,
      IrregularChanges irregular) throws BlockValidationException {
    irregular.applyEdits(state);
    BlockHeader h = block.header();
    Fork fork = config.forkAt(h.number(), h.timestamp());
    BlockContext ctx = blockContext(h, blockHashes);
    if (fork.isAtLeast(Fork.CANCUN)) {
      systemCall(state, ctx, fork, BEACON_ROOTS_ADDRESS, h.parentBeaconBlockRoot().bytes(), false);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      systemCall(state, ctx, fork, HISTORY_STORAGE_ADDRESS, h.parentHash().bytes(), false);
    }
    return ctx;
  }

  /** What the EVM sees of the block {@code h}; {@code blockHashes} answers BLOCKHASH for its ancestors. */
  public BlockContext blockContext(BlockHeader h, LongFunction<Hash> blockHashes) {
    Fork fork = config.forkAt(h.number(), h.timestamp());
    long excessBlobGas = h.excessBlobGas() == null ? 0 : h.excessBlobGas();
    UInt256 prevRandao = fork.isAtLeast(Fork.PARIS)
        ? UInt256.fromBytes(h.mixHash().bytes())
        : h.difficulty();
    return new BlockContext(h.coinbase(), h.number(), h.timestamp(), h.gasLimit(),
        h.baseFeePerGas() == null ? UInt256.ZERO : h.baseFeePerGas(), prevRandao,
        UInt256.valueOf(config.chainId()),
        fork.isAtLeast(Fork.CANCUN) ? config.blobScheduleAt(h.timestamp()).blobBaseFee(excessBlobGas) : UInt256.ZERO,
        blockHashes);
  }

  /**
   * A call from the system address with 30M gas, no fee and no value. A mandatory call
   * ({@code checked}) to a contract without code, or one that fails, invalidates the block.
   */
  private Bytes systemCall(WorldState state, BlockContext ctx, Fork fork, Address target, Bytes data,
      boolean checked) throws BlockValidationException {
    state.beginTransaction();
    Bytes code = state.getCode(target);
    if (code.isEmpty()) {
      state.finishTransaction(fork.isAtLeast(Fork.SPURIOUS_DRAGON));
      if (checked) {
        throw new BlockValidationException("system contract", "no code at " + target);
      }
      return Bytes.EMPTY;
    }
    Evm evm = new Evm(state, ctx, new TxContext(SYSTEM_ADDRESS, ctx.baseFee(), List.of()), fork, null);
    ExecutionResult r = evm.execute(new Message(Message.Kind.CALL, SYSTEM_ADDRESS, target, target, UInt256.ZERO,
        false, data, code, SYSTEM_TRANSACTION_GAS, 0, false, false));
    state.finishTransaction(fork.isAtLeast(Fork.SPURIOUS_DRAGON));
    if (checked && !r.success()) {
      throw new BlockValidationException("system contract", "call to " + target + " failed: " + r.error());
    }
    return r.success() ? r.output() : Bytes.EMPTY;
  }

  private static void applyWithdrawals(WorldState state, List<Withdrawal> withdrawals) {
    state.beginTransaction();
    for (Withdrawal w : withdrawals) {
      if (w.amountGwei() != 0) {
        state.setBalance(w.address(), state.getBalance(w.address()).add(w.amountWei()));
      }
      state.touch(w.address());
    }
    state.finishTransaction(true);
  }

  /** Proof-of-work rewards: the block reward plus 1/32 per ommer to the miner, and the ommer rewards. */
  private static void applyRewards(WorldState state, Block block, Fork fork) {
    UInt256 reward = UInt256.fromBigInteger(java.math.BigInteger.TEN.pow(18).multiply(java.math.BigInteger.valueOf(
        fork.isAtLeast(Fork.CONSTANTINOPLE) ? 2 : fork.isAtLeast(Fork.BYZANTIUM) ? 3 : 5)));
    state.beginTransaction();
    BlockHeader h = block.header();
    List<BlockHeader> ommers = block.body().ommers();
    UInt256 minerReward = reward.add(reward.div(UInt256.valueOf(32)).mul(UInt256.valueOf(ommers.size())));
    state.setBalance(h.coinbase(), state.getBalance(h.coinbase()).add(minerReward));
    for (BlockHeader ommer : ommers) {
      UInt256 r = reward.mul(UInt256.valueOf(8 + ommer.number() - h.number())).div(UInt256.valueOf(8));
      state.setBalance(ommer.coinbase(), state.getBalance(ommer.coinbase()).add(r));
    }
    state.finishTransaction(fork.isAtLeast(Fork.SPURIOUS_DRAGON));
  }
}
