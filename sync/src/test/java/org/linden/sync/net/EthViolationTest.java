package org.linden.sync.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linden.chain.block.BlockHeader;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.sync.eth.BlockHeaders;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.GetBlockHeaders;
import org.linden.sync.eth.Status;
import org.linden.types.Bytes;
import org.linden.types.UInt256;

/** Peers that break the protocol are disconnected with the reason and refused afterwards. */
class EthViolationTest {
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private EthTestNode node() throws Exception {
    EthTestNode n = new EthTestNode("node", EthProtocolTest.emptyChain(), EthProtocolTest.config());
    open.add(n);
    return n;
  }

  private ScriptedEthPeer scripted(ScriptedEthPeer.Message... script) {
    ScriptedEthPeer p = new ScriptedEthPeer(List.of(script));
    open.add(p);
    return p;
  }

  /** The Status a node on the same chain would send. */
  private static ScriptedEthPeer.Message validStatus(EthTestNode node) throws Exception {
    BlockHeader head = node.chain.head();
    Status s = new StatusCheck(EthProtocolTest.config().networkId(), new BlockchainView(node.chain))
        .ours(EthVersion.ETH69, head, UInt256.ZERO);
    return new ScriptedEthPeer.Message(Status.CODE, s.encode());
  }

  private static void assertDroppedWith(EthTestNode node, ScriptedEthPeer peer, DisconnectReason reason) {
    Await.until("the scripted peer is disconnected", () -> !peer.disconnects.isEmpty());
    assertThat(peer.disconnects).containsExactly(reason);
    assertThat(node.eth.peerCount()).isZero();
    assertThat(peer.server.connect(node.server.enode())).failsWithin(20, TimeUnit.SECONDS);
  }

  @Test
  void aMessageBeforeStatusIsAViolation() throws Exception {
    EthTestNode node = node();
    ScriptedEthPeer peer = scripted(new ScriptedEthPeer.Message(GetBlockHeaders.CODE,
        GetBlockHeaders.byNumber(1, 0, 1, 0, false).encode()));
    peer.server.connect(node.server.enode());
    assertDroppedWith(node, peer, DisconnectReason.SUBPROTOCOL_ERROR);
  }

  @Test
  void aMalformedMessageIsAViolation() throws Exception {
    EthTestNode node = node();
    ScriptedEthPeer peer = scripted(validStatus(node),
        new ScriptedEthPeer.Message(GetBlockHeaders.CODE, Bytes.fromHex("c3010203")));
    peer.server.connect(node.server.enode());
    assertDroppedWith(node, peer, DisconnectReason.SUBPROTOCOL_ERROR);
  }

  @Test
  void anUnsolicitedResponseIsAViolation() throws Exception {
    EthTestNode node = node();
    ScriptedEthPeer peer = scripted(validStatus(node),
        new ScriptedEthPeer.Message(BlockHeaders.CODE, new BlockHeaders(12345, List.of()).encode()));
    peer.server.connect(node.server.enode());
    assertDroppedWith(node, peer, DisconnectReason.SUBPROTOCOL_ERROR);
  }

  @Test
  void aPeerThatSendsNoStatusIsDropped() throws Exception {
    EthTestNode node = node();
    ScriptedEthPeer peer = scripted();
    peer.server.connect(node.server.enode());
    Await.until("the silent peer is disconnected", () -> !peer.disconnects.isEmpty());
    assertThat(peer.disconnects).containsExactly(DisconnectReason.SUBPROTOCOL_ERROR);
  }
}
