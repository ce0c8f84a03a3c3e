package org.linden.p2p.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.types.Bytes;

/**
 * A three-message protocol for tests: 0 asks for an echo, 1 is the echo, 2 is a message
 * the receiver calls a protocol violation.
 */
final class ToyProtocol implements ProtocolHandler {
  static final String NAME = "toy";
  static final int ECHO_REQUEST = 0;
  static final int ECHO_REPLY = 1;
  static final int FORBIDDEN = 2;

  record Received(Peer peer, int code, Bytes payload) {}

  record Connected(Peer peer, Capability capability) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  final List<Connected> connected = new CopyOnWriteArrayList<>();
  final List<DisconnectReason> disconnected = new CopyOnWriteArrayList<>();

  Protocol version(int version) {
    return Protocol.of(NAME, version, 3, this);
  }

  @Override
  public void onConnect(Peer peer, Capability negotiated) {
    connected.add(new Connected(peer, negotiated));
  }

  @Override
  public void onMessage(Peer peer, int code, Bytes payload) {
    received.add(new Received(peer, code, payload));
    if (code == ECHO_REQUEST) {
      peer.send(NAME, ECHO_REPLY, payload);
    } else if (code == FORBIDDEN) {
      throw new ProtocolViolationException(DisconnectReason.SUBPROTOCOL_ERROR, "forbidden message");
    }
  }

  @Override
  public void onDisconnect(Peer peer, DisconnectReason reason, boolean byRemote) {
    disconnected.add(reason);
  }
}
