package org.linden.node.qbft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.linden.consensus.qbft.QbftDecodingException;
import org.linden.consensus.qbft.QbftMessage;
import org.linden.p2p.rlpx.DisconnectReason;
import org.linden.p2p.rlpx.Capability;
import org.linden.p2p.transport.Peer;
import org.linden.p2p.transport.Protocol;
import org.linden.p2p.transport.ProtocolHandler;
import org.linden.p2p.transport.ProtocolViolationException;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * QBFT messages over the {@code istanbul/100} devp2p capability (Besu's name and message
 * codes): every message a validator sends or accepts is relayed once to all other peers,
 * so validators that are not directly connected still hear each other. Malformed,
 * oversized or unsigned messages and floods disconnect the peer; messages whose author is
 * not a validator are dropped and not relayed.
 */
public final class QbftGossip implements ProtocolHandler {
  public static final String NAME = "istanbul";
  public static final int VERSION = 100;
  /** Codes 0x12..0x15 are PROPOSAL, PREPARE, COMMIT and ROUND-CHANGE; the range below is Besu's legacy Istanbul. */
  static final int MESSAGE_COUNT = 0x16;
  /** A proposal carries a whole block; this bounds it well above a 30M-gas block of transfers. */
  static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
  /** Per peer and second: a validator sends a handful per round; relays multiply that by the validators. */
  static final int MAX_MESSAGES_PER_SECOND = 500;
  private static final int SEEN_CAPACITY = 32_768;

  private final Consumer<QbftMessage> sink;
  private final Predicate<Address> isValidator;
  private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
  private final Map<Peer, RateWindow> rates = new ConcurrentHashMap<>();
  private final Set<Hash> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
      return size() > SEEN_CAPACITY;
    }
  });

  /** {@code sink} gets every new message from a validator; {@code isValidator} says who counts as one now. */
  public QbftGossip(Consumer<QbftMessage> sink, Predicate<Address> isValidator) {
    this.sink = sink;
    this.isValidator = isValidator;
  }

  public Protocol protocol() {
    return Protocol.of(NAME, VERSION, MESSAGE_COUNT, this);
  }

  /** Sends this node's own message to every peer. */
  public void broadcast(QbftMessage m) {
    if (firstSight(m.id())) {
      send(m, null);
    }
  }

  @Override
  public void onConnect(Peer peer, Capability negotiated) {
    peers.add(peer);
  }

  @Override
  public void onDisconnect(Peer peer, DisconnectReason reason, boolean byRemote) {
    peers.remove(peer);
    rates.remove(peer);
  }

  @Override
  public void onMessage(Peer peer, int code, Bytes payload) {
    if (payload.size() > MAX_MESSAGE_BYTES) {
      throw new ProtocolViolationException(DisconnectReason.PROTOCOL_BREACH, "QBFT message of " + payload.size() + " bytes");
    }
    if (!rates.computeIfAbsent(peer, p -> new RateWindow()).admit(System.nanoTime())) {
      throw new ProtocolViolationException(DisconnectReason.PROTOCOL_BREACH, "more than " + MAX_MESSAGES_PER_SECOND
          + " QBFT messages a second");
    }
    QbftMessage m;
    try {
      m = QbftMessage.decode(code, payload);
    } catch (QbftDecodingException e) {
      throw new ProtocolViolationException(DisconnectReason.PROTOCOL_BREACH, e.getMessage(), e);
    }
    Address author = m.author().orElseThrow(() -> new ProtocolViolationException(DisconnectReason.PROTOCOL_BREACH,
        "QBFT message with an unrecoverable signature"));
    // Outsiders may not use the validators' network as an amplifier; they are ignored, not banned,
    // since a peer one block behind may still relay a message of a validator just removed.
    if (!isValidator.test(author) || !firstSight(m.id())) {
      return;
    }
    sink.accept(m);
    send(m, peer);
  }

  private boolean firstSight(Hash id) {
    synchronized (seen) {
      return seen.add(id);
    }
  }

  private void send(QbftMessage m, Peer except) {
    Bytes body = m.encode();
    for (Peer p : peers) {
      if (p != except && p.isConnected()) {
        p.send(NAME, m.code(), body);
      }
    }
  }

  /** Messages in the current one-second window. */
  private static final class RateWindow {
    private long windowStart;
    private int count;

    synchronized boolean admit(long now) {
      if (now - windowStart > 1_000_000_000L) {
        windowStart = now;
        count = 0;
      }
      return ++count <= MAX_MESSAGES_PER_SECOND;
    }
  }
}
