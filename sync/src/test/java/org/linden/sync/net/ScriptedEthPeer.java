package org.linden.sync.net;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.transport.P2pConfig;
import org.linden.p2p.transport.P2pServer;
import org.linden.p2p.transport.Peer;
import org.linden.p2p.transport.Protocol;
import org.linden.p2p.transport.ProtocolHandler;
import org.linden.types.Bytes;

/**
 * A peer that speaks eth/69 from a script: on connect it sends the given Status payload and
 * then the given messages, whatever they contain; it records why it was disconnected.
 */
final class ScriptedEthPeer implements ProtocolHandler, AutoCloseable {
  /** A message to send: its code within eth and its payload. */
  record Message(int code, Bytes payload) {}

  final NodeKey key = NodeKey.random();
  final P2pServer server;
  final List<DisconnectReason> disconnects = new CopyOnWriteArrayList<>();
  private final List<Message> script;

  ScriptedEthPeer(List<Message> script) {
    this.script = List.copyOf(script);
    this.server = new P2pServer(key, P2pConfig.defaults().withListen("127.0.0.1", 0).withClientId("scripted"),
        List.of(Protocol.of("eth", 69, 18, this)));
    server.start();
  }

  @Override
  public void onConnect(Peer peer, Capability negotiated) {
    for (Message m : script) {
      peer.send("eth", m.code(), m.payload());
    }
  }

  @Override
  public void onMessage(Peer peer, int code, Bytes payload) {}

  @Override
  public void onDisconnect(Peer peer, DisconnectReason reason, boolean byRemote) {
    if (byRemote) {
      disconnects.add(reason);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
