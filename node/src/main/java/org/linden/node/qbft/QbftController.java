package org.linden.node.qbft;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.Receipt;
import org.linden.chain.config.QbftSettings;
import org.linden.chain.execution.BlockValidationException;
import org.linden.chain.store.Blockchain;
import org.linden.chain.txpool.TxPool;
import org.linden.consensus.qbft.Action;
import org.linden.consensus.qbft.Actions;
import org.linden.consensus.qbft.Event;
import org.linden.consensus.qbft.QbftConfig;
import org.linden.consensus.qbft.QbftEngine;
import org.linden.consensus.qbft.QbftMessage;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.consensus.qbft.ValidatorSetProvider;
import org.linden.consensus.qbft.VoteProposals;
import org.linden.crypto.PrivateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this validator's {@link QbftEngine} on one thread: network messages, timers and
 * imported blocks become events, and the engine's actions become broadcasts, scheduled
 * timers and block imports. While the node is not in the validator set of the next height
 * the engine is off; it is rebuilt whenever the set changes (a vote took effect).
 */
final class QbftController implements Blockchain.ChainListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QbftController.class);
  /** How often a proposer that makes no empty blocks looks at the pool again. */
  private static final long EMPTY_POOL_RECHECK_MILLIS = 200;

  private final Blockchain chain;
  private final TxPool pool;
  private final PrivateKey key;
  private final QbftSettings settings;
  private final QbftConfig config;
  private final ValidatorSetProvider validators;
  private final QbftBlockCreator creator;
  private final QbftGossip gossip;
  private final RoundListener rounds;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "qbft");
    t.setDaemon(true);
    return t;
  });
  private QbftEngine engine;
  private ValidatorSet engineSet;
  private volatile int round;

  QbftController(Blockchain chain, TxPool pool, PrivateKey key, QbftSettings settings, ValidatorSetProvider validators,
      VoteProposals votes, RoundListener rounds) {
    this.chain = chain;
    this.pool = pool;
    this.key = key;
    this.settings = settings;
    QbftConfig d = QbftConfig.defaults();
    this.config = new QbftConfig(settings.requestTimeoutSeconds() * 1000, settings.blockPeriodSeconds() * 1000,
        d.maxBackoffExponent(), d.futureHeightWindow(), d.roundWindow(), d.maxFutureMessages());
    this.validators = validators;
    this.creator = new QbftBlockCreator(chain, pool, key.address(), settings.blockPeriodSeconds(), validators, votes);
    this.gossip = new QbftGossip(this::receive, a -> validators.validatorsAfter(chain.head()).contains(a));
    this.rounds = rounds;
  }

  QbftGossip gossip() {
    return gossip;
  }

  int round() {
    return round;
  }

  void start() {
    chain.addListener(this);
    thread.execute(this::rebuild);
  }

  private void receive(QbftMessage m) {
    thread.execute(() -> {
      if (engine != null) {
        run(engine.handle(new Event.MessageReceived(m)));
      }
    });
  }

  @Override
  public void blockAdded(Block block, List<Receipt> receipts) {
    thread.execute(() -> onHead(block));
  }

  private void onHead(Block block) {
    if (engine == null || !engineSet.equals(validators.validatorsAfter(chain.head()))) {
      rebuild();
    } else if (block.number() >= engine.height()) {
      run(engine.handle(new Event.NewChainHead(block)));
    }
  }

  /**
   * A new engine on the current head, if this node validates the next height. Messages the old
   * engine kept for later heights go to the new one, which checks them against its own set.
   */
  private void rebuild() {
    List<QbftMessage> pending = engine == null ? List.of() : engine.bufferedMessages();
    BlockHeader head = chain.head();
    ValidatorSet set = validators.validatorsAfter(head);
    if (!set.contains(key.address())) {
      if (engine != null) {
        LOG.info("no longer a validator from block {}", head.number() + 1);
      }
      engine = null;
      engineSet = set;
      return;
    }
    if (engine == null) {
      LOG.info("validating from block {} with {} validators", head.number() + 1, set.size());
    }
    engineSet = set;
    engine = new QbftEngine(config, key, set, creator, head);
    run(engine.start());
    for (QbftMessage m : pending) {
      run(engine.handle(new Event.MessageReceived(m)));
    }
  }

  private void run(Actions actions) {
    QbftEngine current = engine;
    for (Action a : actions.all()) {
      switch (a) {
        case Action.Broadcast b -> gossip.broadcast(b.message());
        case Action.StartRoundTimer t -> thread.schedule(() -> timer(current, new Event.RoundTimerExpired(t.height(),
            t.round())), t.delayMillis(), TimeUnit.MILLISECONDS);
        case Action.StartBlockTimer t -> scheduleBlockTimer(current, t.height());
        case Action.CommitBlock c -> commit(c.block());
        case Action.Rejected r -> LOG.debug("refused QBFT message from {}: {}", r.message().author(), r.reason());
        case Action.RejectedBlock r -> LOG.warn("block {} has bad seals: {}", r.block().number(), r.reason());
      }
    }
    if (current != null && current == engine && current.round() != round) {
      round = current.round();
      rounds.roundChanged(round);
    }
  }

  /** Round 0 starts when the block period after the parent has passed (and, without empty blocks, a transaction waits). */
  private void scheduleBlockTimer(QbftEngine current, long height) {
    BlockHeader head = chain.head();
    long due = (head.timestamp() + settings.blockPeriodSeconds()) * 1000;
    long delay = Math.max(0, due - System.currentTimeMillis());
    thread.schedule(() -> {
      if (current != engine) {
        return;
      }
      if (!settings.createEmptyBlocks() && pool.status().pending() == 0) {
        thread.schedule(() -> scheduleBlockTimer(current, height), EMPTY_POOL_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        return;
      }
      run(current.handle(new Event.BlockTimerExpired(height)));
    }, delay, TimeUnit.MILLISECONDS);
  }

  private void timer(QbftEngine current, Event e) {
    if (current == engine) {
      run(current.handle(e));
    }
  }

  private void commit(Block block) {
    try {
      chain.importBlock(block);
      LOG.info("committed block {} {} with {} transactions", block.number(), block.hash(), block.transactions().size());
    } catch (BlockValidationException e) {
      LOG.error("the engine committed block {} but the chain refused it: {}", block.number(), e.getMessage());
    }
  }

  @Override
  public void close() {
    chain.removeListener(this);
    thread.shutdownNow();
  }
}
