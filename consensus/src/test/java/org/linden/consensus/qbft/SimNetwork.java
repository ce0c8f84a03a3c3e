package org.linden.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockBody;
import org.linden.chain.block.BlockHeader;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.Secp256k1;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * A deterministic network of QBFT engines: one seeded random, a simulated clock, and an
 * event queue ordered by (time, sequence). Messages go through their wire encoding, with
 * configurable delay, loss, duplication and partitions. A periodic "sync" copies committed
 * blocks to validators that fell behind, as the sync module will. Every commit is checked
 * on the spot: its header must verify by seals alone, and no two validators may commit
 * different blocks at one height.
 */
final class SimNetwork {
  final long seed;
  final Random random;
  final List<PrivateKey> keys;
  final ValidatorSet validators;
  final List<QbftEngine> engines = new ArrayList<>();
  final List<TreeMap<Long, Block>> chains = new ArrayList<>();
  final boolean[] crashed;
  final int[] group;
  /** Validators that equivocate whenever they propose. */
  final boolean[] equivocating;
  final Map<Long, Hash> decided = new HashMap<>();
  /** Bumped on restart so that timers set by a previous incarnation never fire. */
  final int[] incarnation;
  private final QbftConfig config;
  private final BlockHeader genesis;
  long minDelay = 5;
  long maxDelay = 50;
  double loss;
  double duplication;
  long syncInterval = 5_000;
  long now;
  int messagesDelivered;
  private long sequence;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();

  private record Scheduled(long time, long seq, int node, Runnable task) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
    }
  }

  SimNetwork(int n, long seed, QbftConfig config) {
    this.seed = seed;
    this.random = new Random(seed);
    this.keys = TestKeys.keys(n);
    this.validators = TestKeys.validatorsOf(keys);
    this.crashed = new boolean[n];
    this.group = new int[n];
    this.equivocating = new boolean[n];
    this.incarnation = new int[n];
    this.config = config;
    this.genesis = BlockHeader.builder()
        .gasLimit(30_000_000)
        .extraData(QbftExtraData.forProposal(validators, 0).encode())
        .build();
    for (int i = 0; i < n; i++) {
      engines.add(newEngine(i, genesis));
      chains.add(new TreeMap<>());
    }
  }

  private QbftEngine newEngine(int i, BlockHeader head) {
    PrivateKey key = keys.get(i);
    BlockCreator creator = (parent, height, round) -> new Block(
        BlockHeader.builder()
            .number(height)
            .coinbase(key.address())
            .gasLimit(30_000_000)
            .timestamp(parent.timestamp() + 1)
            .build(),
        BlockBody.EMPTY);
    return new QbftEngine(config, key, validators, creator, head);
  }

  /** Runs {@code task} at simulated time {@code time}. */
  void at(long time, Runnable task) {
    queue.add(new Scheduled(time, sequence++, -1, task));
  }

  /**
   * Brings a validator back with a fresh engine at the head of its own chain: everything
   * it knew about the current height (round, prepared block, messages) is lost.
   */
  void restart(int i) {
    crashed[i] = false;
    incarnation[i]++;
    BlockHeader head = chains.get(i).isEmpty() ? genesis : chains.get(i).lastEntry().getValue().header();
    engines.set(i, newEngine(i, head));
    apply(i, engines.get(i).start());
  }

  int size() {
    return engines.size();
  }

  /** Starts every live engine and the periodic sync. */
  void start() {
    for (int i = 0; i < size(); i++) {
      if (!crashed[i]) {
        apply(i, engines.get(i).start());
      }
    }
    schedule(syncInterval, -1, this::sync);
  }

  /** Runs events until {@code done} holds or simulated time passes {@code until}; returns whether done. */
  boolean runUntil(BooleanSupplier done, long until) {
    while (!done.getAsBoolean()) {
      Scheduled next = queue.peek();
      if (next == null || next.time > until) {
        now = Math.max(now, until);
        return false;
      }
      queue.poll();
      now = next.time;
      if (next.node < 0 || !crashed[next.node]) {
        next.task.run();
      }
    }
    return true;
  }

  long height(int node) {
    return chains.get(node).isEmpty() ? 0 : chains.get(node).lastKey();
  }

  long minLiveHeight() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size(); i++) {
      if (!crashed[i] && !equivocating[i]) {
        min = Math.min(min, height(i));
      }
    }
    return min;
  }

  long maxHeight() {
    long max = 0;
    for (int i = 0; i < size(); i++) {
      max = Math.max(max, height(i));
    }
    return max;
  }

  void heal() {
    java.util.Arrays.fill(group, 0);
  }

  String describe() {
    return "seed=" + seed + " t=" + now + "ms heights=" + java.util.Arrays.toString(
        java.util.stream.IntStream.range(0, size()).mapToLong(this::height).toArray());
  }

  private void schedule(long delay, int node, Runnable task) {
    queue.add(new Scheduled(now + delay, sequence++, node, task));
  }

  private void apply(int node, Actions actions) {
    for (Action a : actions.all()) {
      switch (a) {
        case Action.Broadcast b -> send(node, b.message());
        case Action.StartRoundTimer t -> timer(node, t.delayMillis(), new Event.RoundTimerExpired(t.height(), t.round()));
        case Action.StartBlockTimer t -> timer(node, t.delayMillis(), new Event.BlockTimerExpired(t.height()));
        case Action.CommitBlock c -> record(node, c.block());
        case Action.Rejected r -> { }
        case Action.RejectedBlock r -> { }
      }
    }
  }

  private void timer(int node, long delay, Event event) {
    int life = incarnation[node];
    schedule(delay, node, () -> {
      if (incarnation[node] == life) {
        apply(node, engines.get(node).handle(event));
      }
    });
  }

  private void send(int from, QbftMessage message) {
    if (equivocating[from] && message instanceof Proposal p) {
      equivocate(from, p);
      return;
    }
    for (int to = 0; to < size(); to++) {
      if (to != from) {
        deliver(from, to, message.code(), message.encode());
      }
    }
  }

  private void deliver(int from, int to, int code, Bytes body) {
    int copies = random.nextDouble() < duplication ? 2 : 1;
    for (int c = 0; c < copies; c++) {
      if (random.nextDouble() < loss) {
        continue;
      }
      long delay = minDelay + (long) (random.nextDouble() * (maxDelay - minDelay));
      schedule(delay, to, () -> {
        if (group[from] != group[to]) {
          return;
        }
        messagesDelivered++;
        QbftMessage decoded = QbftMessage.decode(code, body);
        apply(to, engines.get(to).handle(new Event.MessageReceived(decoded)));
      });
    }
  }

  /**
   * Sends the honest proposal to the first half of the other validators and a different
   * block to the second half, and backs the second one with its own PREPARE and COMMIT.
   */
  private void equivocate(int from, Proposal original) {
    PrivateKey key = keys.get(from);
    ProposalPayload payload = original.signed().payload();
    Block block = payload.block();
    Block other = new Block(block.header().toBuilder().timestamp(block.header().timestamp() + 7).build(), block.body());
    Proposal forged = new Proposal(
        SignedPayload.sign(new ProposalPayload(payload.height(), payload.round(), other), key),
        original.roundChanges(), original.prepares());
    Hash digest = QbftHashing.blockHash(other.header());
    Prepare prepare = new Prepare(SignedPayload.sign(new PreparePayload(payload.height(), payload.round(), digest), key));
    Commit commit = new Commit(SignedPayload.sign(new CommitPayload(payload.height(), payload.round(), digest,
        Secp256k1.sign(QbftHashing.commitSealHash(other.header()), key)), key));
    int sent = 0;
    for (int to = 0; to < size(); to++) {
      if (to == from) {
        continue;
      }
      if (sent++ < (size() - 1) / 2) {
        deliver(from, to, original.code(), original.encode());
      } else {
        for (QbftMessage m : List.of(forged, prepare, commit)) {
          deliver(from, to, m.code(), m.encode());
        }
      }
    }
  }

  private void record(int node, Block block) {
    BlockHeader header = block.header();
    assertTrue(HeaderVerifier.verifySeals(header, validators), "committed header does not verify: " + describe());
    Hash digest = QbftHashing.blockHash(header);
    Hash earlier = decided.putIfAbsent(header.number(), digest);
    if (earlier != null) {
      assertEquals(earlier, digest, "two different blocks committed at height " + header.number() + ": " + describe());
    }
    chains.get(node).put(header.number(), block);
  }

  /** Stands in for block sync: a validator behind a reachable peer imports the peer's blocks. */
  private void sync() {
    for (int i = 0; i < size(); i++) {
      if (crashed[i]) {
        continue;
      }
      for (int j = 0; j < size(); j++) {
        if (j == i || crashed[j] || group[i] != group[j]) {
          continue;
        }
        while (height(j) > height(i) && !crashed[i]) {
          Block next = chains.get(j).get(height(i) + 1);
          Actions actions = engines.get(i).handle(new Event.NewChainHead(next));
          if (!actions.all().stream().anyMatch(a -> a instanceof Action.RejectedBlock)) {
            record(i, next);
          }
          apply(i, actions);
        }
      }
    }
    schedule(syncInterval, -1, this::sync);
  }
}
