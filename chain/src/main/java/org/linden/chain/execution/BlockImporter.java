package org.linden.chain.execution;

import java.util.HashMap;
import java.util.Map;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.config.ChainConfig;
import org.linden.chain.state.InMemoryStateDatabase;
import org.linden.evm.state.JournaledWorldState;
import org.linden.types.Fork;
import org.linden.types.Hash;

/**
 * Imports blocks onto an in-memory chain: every block is validated against its parent
 * (which may be on a side branch), executed on a copy of the parent's state, and checked
 * against its header. The last valid block becomes the head, as a consensus client's
 * fork choice would make it. For tests and tools; the node's persistent chain uses the
 * same validator and processor.
 */
public final class BlockImporter {
  private record Entry(BlockHeader header, InMemoryStateDatabase state) {}

  private final ChainConfig config;
  private final HeaderValidator headerValidator;
  private final BlockProcessor processor;
  private final Map<Hash, Entry> blocks = new HashMap<>();
  private Entry head;

  public BlockImporter(ChainConfig config, BlockHeader genesis, InMemoryStateDatabase genesisState) {
    this.config = config;
    this.headerValidator = new HeaderValidator(config);
    this.processor = new BlockProcessor(config);
    this.head = new Entry(genesis, genesisState);
    blocks.put(genesis.hash(), head);
  }

  public BlockHeader head() {
    return head.header();
  }

  public InMemoryStateDatabase headState() {
    return head.state();
  }

  /** Validates and executes {@code block}; on success it becomes the head. Nothing is kept on failure. */
  public void importBlock(Block block) throws BlockValidationException {
    BlockHeader h = block.header();
    Entry parent = blocks.get(h.parentHash());
    if (parent == null) {
      throw new BlockValidationException("unknown parent", "no block " + h.parentHash());
    }
    headerValidator.validate(h, parent.header());
    Fork fork = config.forkAt(h.number(), h.timestamp());
    BlockValidator.validateBody(block, fork);
    InMemoryStateDatabase state = parent.state().copy();
    JournaledWorldState world = new JournaledWorldState(state);
    BlockResult result = processor.process(block, world, n -> ancestorHash(parent.header(), n), null, changes -> {
      InMemoryStateDatabase scratch = parent.state().copy();
      scratch.apply(changes);
      return scratch.stateRoot();
    });
    state.apply(world.changes());
    BlockValidator.validateResult(h, result, fork, state.stateRoot());
    Entry entry = new Entry(h, state);
    blocks.put(h.hash(), entry);
    head = entry;
  }

  /** The hash of the ancestor numbered {@code n} of the block after {@code parent}. */
  private Hash ancestorHash(BlockHeader parent, long n) {
    BlockHeader h = parent;
    while (h != null && h.number() > n) {
      Entry e = blocks.get(h.parentHash());
      h = e == null ? null : e.header();
    }
    return h != null && h.number() == n ? h.hash() : Hash.ZERO;
  }
}
