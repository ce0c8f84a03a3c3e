package org.linden.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.GenesisAccount;
import org.linden.chain.execution.BlockBuilder;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.tx.Transaction;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountChange;
import org.linden.evm.state.AccountInfo;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.state.PersistentWorldState;
import org.linden.state.WriteBatch;
import org.linden.types.Address;
import org.linden.types.Hash;

/**
 * A chain grown one block at a time for the chain generators: each block is built on the
 * head by {@link BlockBuilder} (the same block processor the node verifies with) over a
 * {@link PersistentWorldState} in memory, whose roots come from the dirty keys only, and
 * its state is committed before the next block is built.
 */
final class BlockSequence {
  private final BlockBuilder builder;
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final PersistentWorldState world = new PersistentWorldState(store);
  /** Block hashes by number, for BLOCKHASH. */
  private final List<Hash> hashes = new ArrayList<>();
  private BlockHeader head;

  /** A block as built and as it went on the chain (the builder's header after {@code finish}). */
  record Step(Block block, BlockBuilder.Built built) {}

  BlockSequence(Genesis genesis) {
    this.builder = new BlockBuilder(genesis.config());
    Hash root;
    try (WriteBatch batch = store.newBatch()) {
      root = world.apply(genesisChanges(genesis), batch);
      batch.commit();
    }
    head = genesis.toBlock(root).header();
    hashes.add(head.hash());
  }

  BlockHeader head() {
    return head;
  }

  /**
   * Builds the next block with {@code transactions} and makes it the head. {@code finish}
   * fills the fields execution does not read (a consensus engine's extraData, mix hash and
   * seals) before the block's hash is taken; it must leave the executed fields alone.
   */
  Step next(List<Transaction> transactions, long timestamp, Address coinbase, UnaryOperator<BlockHeader> finish)
      throws BlockValidationException {
    // The builder asks for the post-state root before it returns: the changes are written
    // into a batch at that point, and the batch is committed once the block is built
    // (nothing reads the state in between).
    WriteBatch[] pending = new WriteBatch[1];
    BlockBuilder.Built built;
    try {
      built = builder.build(head, world, transactions, timestamp, coinbase, number -> hashes.get((int) number),
          changes -> {
            pending[0] = store.newBatch();
            return world.apply(changes, pending[0]);
          });
      pending[0].commit();
    } finally {
      if (pending[0] != null) {
        pending[0].close();
      }
    }
    Block block = new Block(finish.apply(built.block().header()), built.block().body());
    head = block.header();
    hashes.add(head.hash());
    return new Step(block, built);
  }

  /** The genesis allocation as the changes that create it, as the node writes it. */
  private static List<AccountChange> genesisChanges(Genesis genesis) {
    List<AccountChange> changes = new ArrayList<>();
    for (Map.Entry<Address, GenesisAccount> e : genesis.alloc().entrySet()) {
      GenesisAccount a = e.getValue();
      Hash codeHash = a.code().isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash256(a.code());
      changes.add(new AccountChange(e.getKey(), new AccountInfo(a.nonce(), a.balance(), codeHash),
          a.code().isEmpty() ? null : a.code(), true, new HashMap<>(a.storage())));
    }
    return changes;
  }
}
