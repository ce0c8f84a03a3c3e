package org.linden.p2p.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linden.p2p.identity.NodeId;
import org.linden.p2p.rlpx.DisconnectReason;

/** Remembers every connect and disconnect a server reports. */
final class RecordingListener implements PeerListener {
  record Gone(NodeId id, DisconnectReason reason, boolean byRemote) {}

  final List<Peer> connected = new CopyOnWriteArrayList<>();
  final List<Gone> disconnected = new CopyOnWriteArrayList<>();

  @Override
  public void onConnected(Peer peer) {
    connected.add(peer);
  }

  @Override
  public void onDisconnected(Peer peer, DisconnectReason reason, boolean byRemote) {
    disconnected.add(new Gone(peer.nodeId(), reason, byRemote));
  }

  boolean sawDisconnect(NodeId id, DisconnectReason reason, boolean byRemote) {
    return disconnected.contains(new Gone(id, reason, byRemote));
  }
}
