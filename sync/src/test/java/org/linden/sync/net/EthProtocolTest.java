package org.linden.sync.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linden.chain.block.Block;
import org.linden.chain.config.Genesis;
import org.linden.chain.store.Blockchain;
import org.linden.state.InMemoryKeyValueStore;
import org.linden.sync.Fixtures;
import org.linden.sync.download.DownloadConfig;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.Status;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/** Nodes on 127.0.0.1 with real RLPx servers speaking eth to each other. */
class EthProtocolTest {
  private static Genesis genesis;
  private static Blockchain fullChain;

  private final List<EthTestNode> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(EthTestNode::close);
  }

  static synchronized Genesis genesis() throws Exception {
    if (genesis == null) {
      genesis = Genesis.fromFile(Fixtures.require("chains/geth-ethtest/genesis.json"));
    }
    return genesis;
  }

  /** go-ethereum's 600-block test chain, imported once and shared by the serving nodes (they only read it). */
  static synchronized Blockchain fullChain() throws Exception {
    if (fullChain == null) {
      Blockchain chain = emptyChain();
      for (Block b : Fixtures.ethTestChain()) {
        chain.importBlock(b);
      }
      fullChain = chain;
    }
    return fullChain;
  }

  static Blockchain emptyChain() throws Exception {
    return Blockchain.open(new InMemoryKeyValueStore(), genesis());
  }

  static EthConfig config() throws Exception {
    // Small pieces, so that a 600-block chain is cut into enough pieces for several peers.
    return EthConfig.defaults(genesis().config().chainId())
        .withDownload(DownloadConfig.DEFAULT.withPieceSize(8))
        .withBodyChunk(128);
  }

  EthTestNode node(String name, Blockchain chain, EthConfig config) {
    EthTestNode n = new EthTestNode(name, chain, config);
    nodes.add(n);
    return n;
  }

  EthTestNode node(String name, Blockchain chain, EthConfig config, java.util.function.UnaryOperator<LocalChain> view) {
    EthTestNode n = new EthTestNode(name, chain, config, view);
    nodes.add(n);
    return n;
  }

  static void awaitSameHead(EthTestNode node, Blockchain target) {
    Await.until(node + " reaches block " + target.head().number(),
        () -> node.chain.head().hash().equals(target.head().hash()));
  }

  @ParameterizedTest
  @EnumSource(EthVersion.class)
  void anEmptyNodeExchangesStatusAndSyncsToTheSameHead(EthVersion version) throws Exception {
    EthConfig config = config().withVersions(List.of(version));
    EthTestNode a = node("a", fullChain(), config);
    EthTestNode b = node("b", emptyChain(), config);

    b.connect(a);
    Await.until("both see each other's Status", () -> a.eth.peerCount() == 1 && b.eth.peerCount() == 1);
    assertThat(b.peers().get(0).capability("eth")).hasValueSatisfying(c -> assertThat(c.version())
        .isEqualTo(version.number()));
    awaitSameHead(b, fullChain());

    assertThat(b.chain.head().number()).isEqualTo(Fixtures.ethTestChain().size());
    Await.until("sync is reported finished", () -> !b.eth.syncStatus().syncing());
    SyncStatus s = b.eth.syncStatus();
    assertThat(s.startingBlock()).isZero();
    assertThat(s.currentBlock()).isEqualTo(s.highestBlock()).isEqualTo(fullChain().head().number());
    assertThat(s.piecesServedByPeer()).containsOnlyKeys(a.key.nodeId().toString());
  }

  @Test
  void aThirdNodeJoiningLaterDownloadsFromBoth() throws Exception {
    EthTestNode a = node("a", fullChain(), config());
    EthTestNode b = node("b", emptyChain(), config());
    b.connect(a);
    awaitSameHead(b, fullChain());

    EthTestNode c = node("c", emptyChain(), config());
    c.connect(a);
    c.connect(b);
    awaitSameHead(c, fullChain());

    SyncStatus s = c.eth.syncStatus();
    assertThat(s.peersServingPieces()).as("pieces per peer: %s", s.piecesServedByPeer()).isGreaterThan(1);
    assertThat(s.piecesServedByPeer()).containsOnlyKeys(a.key.nodeId().toString(), b.key.nodeId().toString());
  }

  /**
   * The peer whose head is the sync target leaves without answering, and nobody else reaches
   * that far: the round ends at once and sync aims at the best peer left. The joiner's request
   * timeout is two minutes, so waiting for the stall check (six of them) instead would not end
   * within the test's patience.
   */
  @Test
  void whenTheTargetLeavesSyncAimsAtTheBestPeerLeft() throws Exception {
    EthTestNode serving = node("serving", fullChain(), config());
    EthConfig patient = config().withDownload(new DownloadConfig(8, 8, 256, 120_000, 3, 192, false));
    EthTestNode joiner = node("joiner", emptyChain(), patient);
    Status.Eth69 real = (Status.Eth69) new StatusCheck(config().networkId(), new BlockchainView(serving.chain))
        .ours(EthVersion.ETH69, serving.chain.head(), UInt256.ZERO);
    byte[] nowhere = new byte[32];
    java.util.Arrays.fill(nowhere, (byte) 0x5a);
    Status farAhead = new Status.Eth69(real.version(), real.networkId(), real.genesis(), real.forkId(), 0, 5_000,
        Hash.wrap(nowhere));
    try (ScriptedEthPeer vanishing = new ScriptedEthPeer(
        List.of(new ScriptedEthPeer.Message(Status.CODE, farAhead.encode())))) {
      vanishing.server.connect(joiner.server.enode()).get(20, TimeUnit.SECONDS);
      joiner.connect(serving);
      Await.until("the joiner syncs towards the far head", () -> joiner.eth.syncTarget() == 5_000);
    }
    awaitSameHead(joiner, fullChain());
  }

  @Test
  void aNodeWithAnotherGenesisIsRefused() throws Exception {
    String json = Files.readString(Fixtures.require("chains/geth-ethtest/genesis.json"));
    Genesis other = Genesis.fromJson(json.replace("\"extraData\": \"0x68697665636861696e\"", "\"extraData\": \"0x01\""));
    assertThat(other.hash()).isNotEqualTo(genesis().hash());
    EthTestNode a = node("a", fullChain(), config());
    EthTestNode stranger = node("stranger", Blockchain.open(new InMemoryKeyValueStore(), other), config());

    assertRefused(stranger, a);
  }

  @Test
  void aNodeWithAnotherNetworkIdIsRefused() throws Exception {
    EthTestNode a = node("a", fullChain(), config());
    EthConfig otherNetwork = new EthConfig(config().networkId() + 1, config().versions(), 5_000, 50, 100, 16,
        32_768, 1024, 100, 8_000, 128, config().download(), config().serveLimits());
    EthTestNode stranger = node("stranger", emptyChain(), otherNetwork);

    assertRefused(stranger, a);
    assertThat(stranger.chain.head().number()).isZero();
  }

  @Test
  void aPeerServingCorruptedBodiesIsDroppedAndSyncCompletesFromTheOthers() throws Exception {
    EthTestNode liar = node("liar", fullChain(), config(), CorruptBodies::new);
    EthTestNode honest = node("honest", fullChain(), config());
    EthTestNode d = node("d", emptyChain(), config());
    // The liar comes first, alone, so it is certainly handed body pieces.
    d.connect(liar);
    d.connect(honest);

    awaitSameHead(d, fullChain());
    Await.until("the liar is dropped", () -> !d.hasPeer(liar));
    assertThat(d.hasPeer(honest)).isTrue();
    assertThat(d.eth.syncStatus().piecesServedByPeer()).doesNotContainKey(liar.key.nodeId().toString());
    // It stays refused for a while.
    assertThat(d.server.connect(liar.server.enode())).failsWithin(20, TimeUnit.SECONDS);
  }

  @Test
  void aPeerServingCorruptedHeadersIsDroppedAndSyncCompletesFromTheOthers() throws Exception {
    EthTestNode liar = node("liar", fullChain(), config(), CorruptHeaders::new);
    EthTestNode honest = node("honest", fullChain(), config());
    EthTestNode d = node("d", emptyChain(), config());
    // Alone, the liar is the only peer the header download can ask.
    d.connect(liar);
    Await.until("the liar is dropped", () -> !d.hasPeer(liar));
    assertThat(d.chain.head().number()).isZero();

    d.connect(honest);
    awaitSameHead(d, fullChain());
    assertThat(d.hasPeer(honest)).isTrue();
    assertThat(d.eth.syncStatus().piecesServedByPeer()).containsOnlyKeys(honest.key.nodeId().toString());
    assertThat(d.server.connect(liar.server.enode())).failsWithin(20, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(EthVersion.class)
  void aNewHeadIsAnnouncedAndTheOtherNodeFollowsIt(EthVersion version) throws Exception {
    EthConfig config = config().withVersions(List.of(version));
    EthTestNode a = node("a", emptyChain(), config);
    EthTestNode b = node("b", emptyChain(), config);
    b.connect(a);
    Await.until("both see each other's Status", () -> a.eth.peerCount() == 1 && b.eth.peerCount() == 1);

    for (Block block : Fixtures.ethTestChain().subList(0, 20)) {
      a.chain.importBlock(block);
      awaitSameHead(b, a.chain);
    }
    assertThat(b.chain.head().number()).isEqualTo(20);
  }

  @Test
  void aTransactionAddedToOnePoolReachesTheOthers() throws Exception {
    EthTestNode a = node("a", emptyChain(), config());
    EthTestNode b = node("b", emptyChain(), config());
    EthTestNode c = node("c", emptyChain(), config());
    b.connect(a);
    c.connect(a);
    Await.until("a has two peers", () -> a.eth.peerCount() == 2 && b.eth.peerCount() == 1 && c.eth.peerCount() == 1);

    var key = org.linden.crypto.PrivateKey.fromHex("bfcd0e032489319f4e5ca03e643b2025db624be6cf99cbfed90c4502e3754850");
    var tx = org.linden.chain.tx.TransactionSigner.sign(new org.linden.chain.tx.FeeMarketTransaction(
        genesis().config().chainId(), 0, org.linden.types.UInt256.valueOf(1_000_000_000L),
        org.linden.types.UInt256.valueOf(100_000_000_000L), 21_000,
        org.linden.types.Address.fromHex("0x3535353535353535353535353535353535353535"),
        org.linden.types.UInt256.ONE, org.linden.types.Bytes.EMPTY, List.of(), 0,
        org.linden.types.UInt256.ZERO, org.linden.types.UInt256.ZERO), key);
    var hash = a.pool.add(tx);

    // With two peers one gets the transaction in full and the other only its hash, and fetches it.
    Await.until("b has the transaction", () -> b.pool.contains(hash));
    Await.until("c has the transaction", () -> c.pool.contains(hash));
  }

  private static void assertRefused(EthTestNode dialler, EthTestNode target) throws Exception {
    try {
      dialler.connect(target);
    } catch (ExecutionException e) {
      // The Status exchange may already have failed when Hello would have completed.
    }
    Await.until("the connection is dropped", () -> !dialler.hasPeer(target) && !target.hasPeer(dialler));
    assertThat(dialler.eth.peerCount()).isZero();
    assertThat(target.eth.peerCount()).isZero();
    // Both sides banned the other, so a second attempt fails at once.
    assertThat(dialler.server.connect(target.server.enode())).failsWithin(20, TimeUnit.SECONDS);
  }
}
