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
