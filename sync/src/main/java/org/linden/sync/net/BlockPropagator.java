package org.linden.sync.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.linden.chain.block.Block;
import org.linden.sync.eth.BlockRangeUpdate;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.NewBlock;
import org.linden.sync.eth.NewBlockHashes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Block announcements in both directions. Our new head goes to every peer that does not have
 * it: on eth/68 the whole block with its total difficulty to the square root of the peers
 * (how QBFT networks spread a sealed block fast) and its hash to the rest; on eth/69, which
 * has no block announcements, a BlockRangeUpdate. A peer's announcements move its head; a
 * complete block whose parent we have is imported at once, anything else is left to the
 * {@link SyncManager}. Runs on the protocol's event loop.
 */
final class BlockPropagator {
  private final LocalChain chain;
  private final SyncManager sync;
  private final Supplier<Collection<EthSession>> sessions;

  BlockPropagator(LocalChain chain, SyncManager sync, Supplier<Collection<EthSession>> sessions) {
    this.chain = chain;
    this.sync = sync;
    this.sessions = sessions;
  }

  /** Announces our new head, unless it is a step of a sync still far from its target. */
  void onLocalHead(Block block, UInt256 td) {
    if (sync.isSyncing() && block.number() < sync.targetNumber()) {
      return;
    }
    Hash hash = block.hash();
    List<EthSession> eth68 = new ArrayList<>();
    for (EthSession s : sessions.get()) {
      if (!s.isReady() || s.knownBlocks.contains(hash)) {
        continue;
      }
      if (s.version.isAtLeast(EthVersion.ETH69)) {
        s.send(new BlockRangeUpdate(0, block.number(), hash));
        s.knownBlocks.add(hash);
      } else {
        eth68.add(s);
      }
    }
    Collections.shuffle(eth68);
    int full = (int) Math.ceil(Math.sqrt(eth68.size()));
    for (int i = 0; i < eth68.size(); i++) {
      EthSession s = eth68.get(i);
      s.send(i < full ? new NewBlock(block, td)
          : new NewBlockHashes(List.of(new NewBlockHashes.Announcement(hash, block.number()))));
      s.knownBlocks.add(hash);
    }
  }

  void onNewBlockHashes(EthSession from, NewBlockHashes message) {
    NewBlockHashes.Announcement highest = null;
    for (NewBlockHashes.Announcement a : message.announcements()) {
      from.knownBlocks.add(a.blockHash());
      if (highest == null || a.number() > highest.number()) {
        highest = a;
      }
    }
    if (highest != null) {
      from.updateHead(highest.blockHash(), highest.number(), null);
      sync.onPeerHead(from);
    }
  }

  void onNewBlock(EthSession from, NewBlock message) {
    Block block = message.block();
    from.updateHead(block.hash(), block.number(), message.td());
    if (!sync.isSyncing() && !chain.contains(block.hash()) && chain.contains(block.header().parentHash())) {
      sync.importAnnounced(from, block);
    } else {
      sync.onPeerHead(from);
    }
  }

  void onBlockRangeUpdate(EthSession from, BlockRangeUpdate message) {
    from.updateHead(message.latestHash(), message.latest(), null);
    sync.onPeerHead(from);
  }
}
