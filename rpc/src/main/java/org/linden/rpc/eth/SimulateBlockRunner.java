package org.linden.rpc.eth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.chain.block.Withdrawal;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.execution.BlockProcessor;
import org.linden.chain.execution.HeaderValidator;
import org.linden.chain.store.Blockchain;
import org.linden.chain.tx.BlobTransaction;
import org.linden.chain.tx.Transaction;
import org.linden.evm.Evm;
import org.linden.evm.Log;
import org.linden.evm.Message;
import org.linden.evm.TxContext;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.rpc.RpcException;
import org.linden.state.PersistentWorldState;
import org.linden.state.WriteBatch;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Fork;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Executes the blocks of one {@code eth_simulateV1} request in order on one state: per
 * block the state overrides, the EIP-4788 and EIP-2935 system calls, the calls (each
 * seeing the ones before), the withdrawals; then it seals a header over the results.
 * Header fields not overridden follow geth: fee recipient, gas limit and difficulty carry
 * over from the block before, prevRandao and the beacon root are zero, the base fee is zero
 * unless validating (then the EIP-1559 successor of the parent's). The state root is
 * computed when simulating on the head's state and is the zero hash otherwise; the
 * EIP-7685 request system calls are not run.
 */
final class SimulateBlockRunner {
  /** A call as it went into a simulated block. */
  record SimulatedCall(CallRequest request, Transaction tx, Hash txHash, UInt256 gasPrice, CallResult result,
      List<Log> logs) {}

  /** A simulated block: the sealed block and its calls. */
  record SimulatedBlock(Block block, List<SimulatedCall> calls) {}

  private final Blockchain chain;
  private final ChainConfig config;
  private final HeaderValidator headerRules;
  private final BlockHeader base;
  private final StateReader baseState;
  private final JournaledWorldState state;
  private final boolean validate;
  private final boolean traceTransfers;
  private final Map<Long, Hash> simulatedHashes = new HashMap<>();
  private BlockHeader parent;
  private long gasPool;

  SimulateBlockRunner(Blockchain chain, BlockHeader base, StateReader baseState, long gasCap, boolean validate,
      boolean traceTransfers) {
    this.chain = chain;
    this.config = chain.config();
    this.headerRules = new HeaderValidator(config);
    this.base = base;
    this.baseState = baseState;
    this.state = new JournaledWorldState(baseState);
    this.validate = validate;
    this.traceTransfers = traceTransfers;
    this.parent = base;
    this.gasPool = gasCap == 0 ? Long.MAX_VALUE : gasCap;
  }

  SimulatedBlock run(SimulateV1.BlockCalls bc) {
    BlockOverrides o = bc.overrides();
    long number = o.number();
    long time = o.time();
    Fork fork = config.forkAt(number, time);
    CallBlock env = environment(o, fork);
    bc.state().applyTo(state);
    Hash beaconRoot = o.beaconRoot() != null ? o.beaconRoot() : Hash.ZERO;
    if (fork.isAtLeast(Fork.CANCUN)) {
      systemCall(env, fork, BlockProcessor.BEACON_ROOTS_ADDRESS, beaconRoot.bytes());
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      systemCall(env, fork, BlockProcessor.HISTORY_STORAGE_ADDRESS, parent.hash().bytes());
    }
    List<SimulatedCall> calls = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    long gasUsed = 0;
    long blobGasUsed = 0;
    for (int i = 0; i < bc.calls().size(); i++) {
      SimulatedCall c = runCall(bc.calls().get(i), env, gasUsed);
      gasUsed += c.result().gasUsed();
      blobGasUsed += c.request().blobHashesOrEmpty().size() * (1L << 17);
      receipts.add(Receipt.of(c.tx().type(), c.result().success(), gasUsed, c.result().logs()));
      calls.add(c);
    }
    List<Withdrawal> withdrawals = fork.isAtLeast(Fork.SHANGHAI)
        ? (o.withdrawals() != null ? o.withdrawals() : List.of())
        : null;
    if (withdrawals != null) {
      applyWithdrawals(withdrawals);
    }
    List<Transaction> txs = calls.stream().map(SimulatedCall::tx).toList();
    BlockHeader.Builder h = BlockHeader.builder()
        .parentHash(parent.hash())
        .coinbase(env.coinbase())
        .stateRoot(stateRoot())
        .transactionsRoot(BlockRoots.transactionsRoot(txs))
        .receiptsRoot(BlockRoots.receiptsRoot(receipts))
        .logsBloom(BlockRoots.logsBloom(receipts))
        .difficulty(env.difficulty())
        .number(number)
        .gasLimit(env.gasLimit())
        .gasUsed(gasUsed)
        .timestamp(time)
        .mixHash(o.prevRandao() != null ? Hash.wrap(o.prevRandao().toBytes32()) : Hash.ZERO);
    if (env.baseFee() != null) {
      h.baseFeePerGas(env.baseFee());
    }
    if (withdrawals != null) {
      h.withdrawalsRoot(BlockRoots.withdrawalsRoot(withdrawals));
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      h.blobGasUsed(blobGasUsed).excessBlobGas(env.excessBlobGas()).parentBeaconBlockRoot(beaconRoot);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      h.requestsHash(BlockRoots.EMPTY_REQUESTS_HASH);
    }
    Block block = new Block(h.build(), new BlockBody(txs, List.of(), withdrawals));
    simulatedHashes.put(number, block.hash());
    parent = block.header();
    return new SimulatedBlock(block, calls);
  }

  /** The block's environment from its overrides and the block before it. */
  private CallBlock environment(BlockOverrides o, Fork fork) {
    long number = o.number();
    long time = o.time();
    UInt256 difficulty = o.difficulty() != null ? o.difficulty() : parent.difficulty();
    UInt256 randao = fork.isAtLeast(Fork.PARIS) ? (o.prevRandao() != null ? o.prevRandao() : UInt256.ZERO)
        : difficulty;
    UInt256 baseFee = null;
    if (fork.isAtLeast(Fork.LONDON)) {
      baseFee = o.baseFeePerGas() != null ? o.baseFeePerGas()
          : validate ? FeeHistory.nextBaseFee(config, parent) : UInt256.ZERO;
    }
    Long excess = null;
    UInt256 blobBaseFee = UInt256.ZERO;
    if (fork.isAtLeast(Fork.CANCUN)) {
      boolean parentCancun = config.forkAt(parent.number(), parent.timestamp()).isAtLeast(Fork.CANCUN);
      excess = parentCancun ? headerRules.excessBlobGas(parent, time, fork) : 0L;
      blobBaseFee = config.blobScheduleAt(time).blobBaseFee(excess);
    }
    if (o.blobBaseFee() != null) {
      blobBaseFee = o.blobBaseFee();
    }
    LongFunction<Hash> hashes = n -> n <= base.number()
        ? chain.store().canonicalHash(n).orElse(Hash.ZERO)
        : simulatedHashes.getOrDefault(n, Hash.ZERO);
    return new CallBlock(config, o.feeRecipient() != null ? o.feeRecipient() : parent.coinbase(), number, time,
        o.gasLimit() != null ? o.gasLimit() : parent.gasLimit(), difficulty, randao, baseFee, excess, blobBaseFee,
        hashes);
  }

  private SimulatedCall runCall(CallRequest call, CallBlock env, long gasUsed) {
    if (call.nonce() == null) {
      call = call.withNonce(state.getNonce(call.sender()));
    }
    if (call.chainId() != null && call.chainId() != env.chainId()) {
      throw RpcException.invalidParams("chainId does not match node's (have=" + Long.toUnsignedString(call.chainId())
          + ", want=" + Long.toUnsignedString(env.chainId()) + ")");
    }
    long gas = call.gas() != null ? call.gas() : env.gasLimit() - gasUsed;
    if (Long.compareUnsigned(gas, env.gasLimit() - gasUsed) > 0) {
      throw new RpcException(CallRejectedException.Kind.BLOCK_GAS_LIMIT.simulateCode(),
          "block gas limit reached: " + gasUsed + " >= " + env.gasLimit());
    }
    if (Long.compareUnsigned(gas, gasPool) > 0) {
      gas = gasPool;
    }
    SimulateLogTracer tracer = traceTransfers ? new SimulateLogTracer() : null;
    CallResult r;
    try {
      r = CallExecutor.run(state, env, call, gas, validate, tracer);
    } catch (CallRejectedException e) {
      throw new RpcException(e.kind().simulateCode(), e.getMessage());
    }
    gasPool -= r.gasUsed();
    boolean london = env.baseFee() != null && env.fork().isAtLeast(Fork.LONDON);
    CallExecutor.Prices prices = CallExecutor.Prices.of(call, london, env.baseFeeOrZero());
    Transaction tx = CallExecutor.shape(call, gas, prices, env.chainId());
    if (call.blobVersionedHashes() != null && call.to() != null) {
      tx = new BlobTransaction(env.chainId(), call.nonce(), prices.tip(), prices.feeCap(), gas, call.to(),
          call.valueOrZero(), call.inputOrEmpty(), call.accessListOrEmpty(),
          call.maxFeePerBlobGas() == null ? UInt256.ZERO : call.maxFeePerBlobGas(), call.blobVersionedHashes(), 0,
          UInt256.ZERO, UInt256.ZERO);
    }
    return new SimulatedCall(call, tx, tx.hash(), prices.gasPrice(), r, tracer != null ? tracer.logs() : r.logs());
  }

  /** A system call from the system address, as block processing makes it; absent code means nothing to do. */
  private void systemCall(CallBlock env, Fork fork, Address target, Bytes data) {
    state.beginTransaction();
    Bytes code = state.getCode(target);
    if (!code.isEmpty()) {
      Evm evm = new Evm(state, env.context(env.baseFeeOrZero(), env.blobBaseFee()),
          new TxContext(BlockProcessor.SYSTEM_ADDRESS, env.baseFeeOrZero(), List.of()), fork, null);
      evm.execute(new Message(Message.Kind.CALL, BlockProcessor.SYSTEM_ADDRESS, target, target, UInt256.ZERO, false,
          data, code, BlockProcessor.SYSTEM_TRANSACTION_GAS, 0, false, false));
    }
    state.finishTransaction(fork.isAtLeast(Fork.SPURIOUS_DRAGON));
  }

  private void applyWithdrawals(List<Withdrawal> withdrawals) {
    state.beginTransaction();
    for (Withdrawal w : withdrawals) {
      if (w.amountGwei() != 0) {
        state.setBalance(w.address(), state.getBalance(w.address()).add(w.amountWei()));
      }
      state.touch(w.address());
    }
    state.finishTransaction(true);
  }

  /**
   * The root of the simulated state: computable (without writing anything) only on top of
   * the head's persistent state; the zero hash otherwise or if the head moved meanwhile.
   */
  private Hash stateRoot() {
    if (!(baseState instanceof PersistentWorldState persistent)
        || !persistent.stateRoot().equals(base.stateRoot())) {
      return Hash.ZERO;
    }
    try (WriteBatch scratch = chain.store().store().newBatch()) {
      Hash root = persistent.apply(state.changes(), scratch);
      return persistent.stateRoot().equals(base.stateRoot()) ? root : Hash.ZERO;
    } catch (RuntimeException e) {
      return Hash.ZERO;
    }
  }
}
