package org.linden.chain.execution;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.tx.Transaction;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.JournaledWorldState;
import org.linden.evm.state.StateReader;
import org.linden.types.Address;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * Builds a block on a parent: fills the header fields the fork requires, executes the
 * transactions with the same {@link BlockProcessor} that verifies blocks, and seals the
 * header with the resulting roots. Used by dev-mode sealing and by tests that need real
 * chains.
 */
public final class BlockBuilder {
  private final ChainConfig config;
  private final BlockProcessor processor;
  private final HeaderValidator headers;

  public BlockBuilder(ChainConfig config) {
    this.config = config;
    this.processor = new BlockProcessor(config);
    this.headers = new HeaderValidator(config);
  }

  /** A built block and the state changes it makes to its parent's state. */
  public record Built(Block block, BlockResult result, List<AccountChange> changes) {}

  /**
   * Builds a block with {@code transactions} (each must be valid in order) on {@code parent},
   * whose post-state {@code parentState} is. {@code stateRootOf} gives the state root after
   * applying the block's changes to the parent's state (without storing them).
   */
  public Built build(BlockHeader parent, StateReader parentState, List<Transaction> transactions, long timestamp,
      Address coinbase, LongFunction<Hash> blockHashes, Function<List<AccountChange>, Hash> stateRootOf)
      throws BlockValidationException {
    return build(parent, parentState, transactions, timestamp, coinbase, blockHashes, stateRootOf,
        IrregularChanges.NONE);
  }

  /** As the other {@code build}, for a dev chain's block that carries {@code irregular} changes. */
  public Built build(BlockHeader parent, StateReader parentState, List<Transaction> transactions, long timestamp,
      Address coinbase, LongFunction<Hash> blockHashes, Function<List<AccountChange>, Hash> stateRootOf,
      IrregularChanges irregular) throws BlockValidationException {
    long number = parent.number() + 1;
    Fork fork = config.forkAt(number, timestamp);
    BlockHeader.Builder h = BlockHeader.builder()
        .parentHash(parent.hash())
        .coinbase(coinbase)
        .number(number)
        .gasLimit(parent.gasLimit())
        .timestamp(timestamp);
    if (fork.isAtLeast(Fork.LONDON)) {
      h.baseFeePerGas(config.forkAt(parent.number(), parent.timestamp()).isBefore(Fork.LONDON)
          ? HeaderValidator.INITIAL_BASE_FEE
          : HeaderValidator.baseFee(parent));
    }
    if (fork.isBefore(Fork.PARIS)) {
      h.difficulty(parent.difficulty());
    }
    if (fork.isAtLeast(Fork.SHANGHAI)) {
      h.withdrawalsRoot(BlockRoots.EMPTY_TRIE_ROOT);
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      h.blobGasUsed(0L).excessBlobGas(headers.excessBlobGas(parent, timestamp, fork)).parentBeaconBlockRoot(Hash.ZERO);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      h.requestsHash(BlockRoots.EMPTY_REQUESTS_HASH);
    }
    BlockBody body = new BlockBody(transactions, List.of(), fork.isAtLeast(Fork.SHANGHAI) ? List.of() : null);
    h.transactionsRoot(BlockRoots.transactionsRoot(transactions));
    Block draft = new Block(h.build(), body);

    JournaledWorldState world = new JournaledWorldState(parentState);
    BlockResult result = processor.process(draft, world, blockHashes, null, stateRootOf, irregular);
    List<AccountChange> changes = world.changes();
    h.gasUsed(result.gasUsed())
        .receiptsRoot(BlockRoots.receiptsRoot(result.receipts()))
        .logsBloom(result.logsBloom())
        .stateRoot(stateRootOf.apply(changes));
    if (fork.isAtLeast(Fork.CANCUN)) {
      h.blobGasUsed(result.blobGasUsed());
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      h.requestsHash(BlockRoots.requestsHash(result.requests()));
    }
    return new Built(new Block(h.build(), body), result, changes);
  }
}
