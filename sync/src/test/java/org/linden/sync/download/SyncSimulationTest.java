package org.linden.sync.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.Block;
import org.linden.chain.block.BlockHeader;
import org.linden.chain.block.BlockRoots;
import org.linden.chain.block.Receipt;
import org.linden.sync.Fixtures;
import org.linden.sync.ListChain;
import org.linden.sync.download.SimPeer.Behaviour;
import org.linden.sync.eth.BlockBodies;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.Receipts;
import org.linden.sync.serve.EthRequestServer;
import org.linden.sync.serve.ServeLimits;

/**
 * Header and body download against simulated peers on simulated time: honest, slow, timing
 * out, corrupting bodies, corrupting headers. Every random choice comes from a seed that is
 * printed with any failure and can be fixed with {@code -Dlinden.seed=...}.
 */
class SyncSimulationTest {
  private static ListChain source;

  /**
   * The protocol-test chain with receipts made up for each block and the headers rebuilt to
   * commit to them (receipts root, and the parent hashes that follow from it).
   */
  @BeforeAll
  static void buildChain() {
    List<Block> original = Fixtures.ethTestChainWithGenesis();
    List<Block> blocks = new ArrayList<>();
    Map<Block, List<Receipt>> receipts = new LinkedHashMap<>();
    blocks.add(original.get(0));
    for (int i = 1; i < original.size(); i++) {
      Block b = original.get(i);
      List<Receipt> r = b.transactions().stream().map(t -> Receipt.of(t.type(), true, 21_000, List.of())).toList();
      BlockHeader h = b.header().toBuilder().parentHash(blocks.get(i - 1).hash())
          .receiptsRoot(BlockRoots.receiptsRoot(r)).build();
      Block rebuilt = new Block(h, b.body());
      blocks.add(rebuilt);
      receipts.put(rebuilt, r);
    }
    source = new ListChain(blocks);
    receipts.forEach((b, r) -> source.withReceipts(b.hash(), r));
  }

  /** One simulated sync: the network, the peers, what was reported and handed out. */
  private static final class Run {
    final long seed;
    final Random random;
    final SimNetwork net = new SimNetwork();
    final EthRequestServer server = new EthRequestServer(source, h -> Optional.empty(), ServeLimits.DEFAULT);
    final Map<String, String> reported = new LinkedHashMap<>();
    final List<DownloadedBlock> out = new ArrayList<>();
    final Map<String, SimPeer> peers = new LinkedHashMap<>();
    BodyDownloader bodies;
    HeaderDownloader headers;

    Run() {
      seed = Long.getLong("linden.seed", new Random().nextLong());
      random = new Random(seed);
    }

    SimPeer peer(String id, Behaviour b, long latency) {
      SimPeer p = new SimPeer(id, b, latency, net, server, random, this::deliver);
      peers.put(id, p);
      return p;
    }

    void deliver(String peerId, EthMessage m) {
      switch (m) {
        case BlockBodies b -> bodies.onBlockBodies(peerId, b);
        case Receipts r -> bodies.onReceipts(peerId, r);
        case BlockHeaders h -> headers.onBlockHeaders(peerId, h);
        default -> throw new AssertionError("unexpected " + m.name());
      }
    }

    void report(String peer, String reason) {
      reported.put(peer, reason);
    }

    /** Runs events until {@code done} holds or a step budget runs out (a livelock fails the test). */
    void runUntil(java.util.function.BooleanSupplier done, Runnable tick) {
      for (int steps = 0; !done.getAsBoolean(); steps++) {
        assertThat(steps).as(context()).isLessThan(200_000);
        net.step(1_000);
        tick.run();
      }
    }

    String context() {
      return "seed " + seed + " (rerun with -Dlinden.seed=" + seed + ")";
    }
  }

  private static DownloadConfig config() {
    return DownloadConfig.DEFAULT.withPieceSize(8).withHeaderBatch(64);
  }

  private static List<BlockHeader> targetHeaders() {
    return source.blocks().stream().skip(1).map(Block::header).toList();
  }

  @Test
  void bodiesAndReceiptsFromHonestSlowTimingOutAndCorruptingPeers() {
    Run run = new Run();
    DownloadConfig cfg = config().withReceipts(true);
    run.bodies = new BodyDownloader(targetHeaders(), cfg, run.net, run::report, run.out::addAll);
    run.bodies.addPeer(run.peer("fast-1", Behaviour.HONEST, 20));
    run.bodies.addPeer(run.peer("fast-2", Behaviour.HONEST, 30));
    run.bodies.addPeer(run.peer("slow", Behaviour.HONEST, 2_000));
    run.bodies.addPeer(run.peer("silent", Behaviour.TIMING_OUT, 0));
    run.bodies.addPeer(run.peer("corrupt", Behaviour.CORRUPTING_BODIES, 25));
    run.bodies.addPeer(run.peer("short", Behaviour.SHORT_ANSWERS, 25));
    run.runUntil(run.bodies::isDone, run.bodies::tick);

    List<Block> expected = source.blocks().subList(1, source.blocks().size());
    assertThat(run.out).as(run.context()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(run.out.get(i).block()).as(run.context()).isEqualTo(expected.get(i));
      assertThat(run.out.get(i).receipts()).as(run.context())
          .isEqualTo(source.receipts(expected.get(i).hash()).orElseThrow());
    }
    assertThat(run.reported).as(run.context()).containsKey("corrupt");
    // The silent peer was asked, and what it was asked was fetched from others.
    assertThat(run.peers.get("silent").requestsReceived).as(run.context()).isPositive();
    assertThat(run.bodies.stats().piecesServedByPeer()).doesNotContainKey("silent");
    assertThat(run.reported.get("corrupt")).contains("transactions_root");
    assertThat(run.reported).as(run.context()).doesNotContainKeys("fast-1", "fast-2", "slow", "short");
    assertThat(run.bodies.peerIds()).as(run.context()).contains("fast-1", "fast-2", "slow", "short")
        .doesNotContain("corrupt");

    PieceStats stats = run.bodies.stats();
    assertThat(stats.piecesServedByPeer().get("fast-1")).as(run.context()).isGreaterThan(0);
    assertThat(stats.piecesServedByPeer().get("fast-2")).as(run.context()).isGreaterThan(0);
    // Fast peers carry more of the load than the slow one.
    assertThat(stats.piecesServedByPeer().get("fast-1") + stats.piecesServedByPeer().get("fast-2"))
        .as(run.context()).isGreaterThan(stats.piecesServedByPeer().getOrDefault("slow", 0));
    assertThat(stats.piecesServedBySeveralPeers()).as(run.context()).isGreaterThan(0);

    Progress progress = run.bodies.progress();
    assertThat(progress.highestBlock()).isEqualTo(progress.targetBlock()).isEqualTo(source.head().number());
    assertThat(progress.blocksPerSecond()).isPositive();
  }

  @Test
  void aPeerThatNeverAnswersIsDroppedAndItsPiecesGoElsewhere() {
    Run run = new Run();
    DownloadConfig cfg = new DownloadConfig(4, 4, 256, 500, 3, 64, true);
    run.bodies = new BodyDownloader(targetHeaders(), cfg, run.net, run::report, run.out::addAll);
    run.bodies.addPeer(run.peer("silent", Behaviour.TIMING_OUT, 0));
    run.bodies.addPeer(run.peer("honest", Behaviour.HONEST, 100));
    run.runUntil(run.bodies::isDone, run.bodies::tick);
    assertThat(run.out).as(run.context()).hasSize(source.blocks().size() - 1);
    assertThat(run.reported).as(run.context()).containsOnlyKeys("silent");
    assertThat(run.reported.get("silent")).contains("in time");
    assertThat(run.peers.get("silent").requestsReceived).isEqualTo(3);
  }

  @Test
  void blocksAreHandedOutInOrderEvenWhenPiecesArriveOutOfOrder() {
    Run run = new Run();
    List<Long> batchStarts = new ArrayList<>();
    run.bodies = new BodyDownloader(targetHeaders(), config(), run.net, run::report, batch -> {
      batchStarts.add(batch.get(0).block().number());
      run.out.addAll(batch);
    });
    // Very different latencies make later pieces arrive before earlier ones.
    run.bodies.addPeer(run.peer("a", Behaviour.HONEST, 5));
    run.bodies.addPeer(run.peer("b", Behaviour.HONEST, 400));
    run.bodies.addPeer(run.peer("c", Behaviour.HONEST, 90));
    run.runUntil(run.bodies::isDone, run.bodies::tick);
    for (int i = 0; i < run.out.size(); i++) {
      assertThat(run.out.get(i).block().number()).as(run.context()).isEqualTo(i + 1);
    }
    assertThat(run.reported).as(run.context()).isEmpty();
    assertThat(run.bodies.stats().piecesServedByPeer().keySet()).as(run.context())
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void headersFromTheBestPeerDespiteCorruptionAndTimeouts() {
    Run run = new Run();
    BlockHeader genesis = source.blocks().get(0).header();
    BlockHeader target = source.head();
    HeaderValidator rules = (parent, h) -> h.timestamp() > parent.timestamp() && h.gasUsed() <= h.gasLimit()
        ? Optional.empty() : Optional.of("timestamp or gas out of bounds");
    run.headers = new HeaderDownloader(genesis, target.number(), target.hash(), config(), run.net, run::report, rules);
    // The corrupting and silent peers claim the highest heads, so they are asked first.
    run.headers.addPeer(run.peer("liar", Behaviour.CORRUPTING_HEADERS, 10), target.number() + 100);
    run.headers.addPeer(run.peer("silent", Behaviour.TIMING_OUT, 0), target.number() + 50);
    run.headers.addPeer(run.peer("honest", Behaviour.HONEST, 40), target.number());
    run.headers.addPeer(run.peer("behind", Behaviour.HONEST, 40), target.number() / 2);
    run.runUntil(() -> run.headers.isDone() || run.headers.failure().isPresent(), run.headers::tick);

    assertThat(run.headers.failure()).as(run.context()).isEmpty();
    assertThat(run.headers.headers()).as(run.context()).isEqualTo(targetHeaders());
    assertThat(run.reported).as(run.context()).containsKey("liar").doesNotContainKeys("honest", "behind");
    assertThat(run.reported.get("liar")).contains("hash");
  }

  @Test
  void headerDownloadFailsWhenTheTargetDoesNotExtendTheLocalHead() {
    Run run = new Run();
    BlockHeader notOurs = source.blocks().get(0).header().toBuilder().extraData(org.linden.types.Bytes.fromHex("01"))
        .build();
    BlockHeader target = source.blocks().get(100).header();
    run.headers = new HeaderDownloader(notOurs, target.number(), target.hash(), config(), run.net, run::report,
        HeaderValidator.none());
    run.headers.addPeer(run.peer("honest", Behaviour.HONEST, 10), source.head().number());
    run.runUntil(() -> run.headers.isDone() || run.headers.failure().isPresent(), run.headers::tick);
    assertThat(run.headers.failure()).as(run.context()).get().asString().contains("not the local head");
    assertThat(run.reported).isEmpty();
  }

  @Test
  void headersThenBodiesEndToEnd() {
    Run run = new Run();
    BlockHeader target = source.head();
    run.headers = new HeaderDownloader(source.blocks().get(0).header(), target.number(), target.hash(), config(),
        run.net, run::report, HeaderValidator.none());
    for (int i = 0; i < 4; i++) {
      run.headers.addPeer(run.peer("p" + i, Behaviour.HONEST, 10 + 15L * i), target.number());
    }
    run.runUntil(run.headers::isDone, run.headers::tick);
    run.bodies = new BodyDownloader(run.headers.headers(), config(), run.net, run::report, run.out::addAll);
    run.peers.values().forEach(run.bodies::addPeer);
    run.runUntil(run.bodies::isDone, run.bodies::tick);
    assertThat(run.out.stream().map(DownloadedBlock::block).toList()).as(run.context())
        .isEqualTo(source.blocks().subList(1, source.blocks().size()));
    assertThat(run.bodies.stats().piecesServedByPeer()).as(run.context()).hasSizeGreaterThan(1);
  }
}
