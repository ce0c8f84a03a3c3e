package org.linden.sync.net;

import java.util.concurrent.atomic.AtomicInteger;
import org.linden.p2p.transport.Peer;
import org.linden.sync.EthPeer;
import org.linden.sync.download.Clock;
import org.linden.sync.eth.EthMessage;
import org.linden.sync.eth.EthVersion;
import org.linden.sync.eth.Status;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * One peer's {@code eth} session: the negotiated version, its Status, what it is known to
 * have, its head as far as we know, and the requests we await from it. Thread-safe.
 */
final class EthSession {
  /** The name of the protocol in Hello. */
  static final String PROTOCOL = "eth";

  final Peer peer;
  final EthVersion version;
  final String id;
  final KnownHashes knownTransactions;
  final KnownHashes knownBlocks;
  final RateLimiter serveLimiter;
  final AtomicInteger serving = new AtomicInteger();
  final PendingRequests requests = new PendingRequests();
  private final Clock clock;

  private volatile Status status;
  private volatile boolean misbehaved;
  private Hash headHash;
  /** -1 while unknown: an eth/68 Status names the head block but not its number. */
  private long headNumber = -1;
  private UInt256 totalDifficulty = UInt256.ZERO;

  EthSession(Peer peer, EthVersion version, EthConfig config, Clock clock) {
    this.peer = peer;
    this.version = version;
    this.id = peer.nodeId().toString();
    this.clock = clock;
    this.knownTransactions = new KnownHashes(config.maxKnownTransactions());
    this.knownBlocks = new KnownHashes(config.maxKnownBlocks());
    this.serveLimiter = new RateLimiter(config.serveRate(), config.serveBurst(), clock);
  }

  /** A short form of the id for logs. */
  String shortId() {
    return id.substring(0, 8);
  }

  Status status() {
    return status;
  }

  /** The peer's Status was accepted; its head is where it said. */
  void accept(Status s) {
    this.status = s;
    switch (s) {
      case Status.Eth68 m -> updateHead(m.blockHash(), -1, m.td());
      case Status.Eth69 m -> updateHead(m.latestHash(), m.latest(), null);
    }
  }

  boolean isReady() {
    return status != null && !misbehaved && peer.isConnected();
  }

  void markMisbehaved() {
    misbehaved = true;
  }

  synchronized Hash headHash() {
    return headHash;
  }

  synchronized long headNumber() {
    return headNumber;
  }

  synchronized UInt256 totalDifficulty() {
    return totalDifficulty;
  }

  /**
   * Records a head the peer announced; a lower number than already known is ignored, since
   * announcements may arrive out of order.
   *
   * @param number -1 if unknown
   * @param td null if not announced
   */
  synchronized void updateHead(Hash hash, long number, UInt256 td) {
    if (number >= 0 && number < headNumber) {
      return;
    }
    headHash = hash;
    headNumber = number;
    if (td != null) {
      totalDifficulty = td;
    }
    knownBlocks.add(hash);
  }

  /** Sets the number of the head block named only by hash, once its header arrived. */
  synchronized void resolveHeadNumber(Hash hash, long number) {
    if (hash.equals(headHash) && headNumber < 0) {
      headNumber = number;
    }
  }

  /** Sends a message that is not a request. Dropped if the connection is gone. */
  void send(EthMessage message) {
    try {
      peer.send(PROTOCOL, message.code(), message.encode());
    } catch (IllegalArgumentException e) {
      // The connection is closing and no longer lists the protocol; the message is moot.
    }
  }

  /**
   * The peer as {@code handler} sees it: requests sent through it get a wire id of this
   * connection, and their answers go back to {@code handler} under the id it chose.
   */
  EthPeer requester(ResponseHandler handler) {
    return new EthPeer() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public void send(EthMessage message) {
        if (message instanceof EthMessage.Request r) {
          long wireId = requests.register(handler, r.requestId(), RequestIds.responseCode(message), clock.millis());
          EthSession.this.send(RequestIds.withId(message, wireId));
        } else {
          EthSession.this.send(message);
        }
      }
    };
  }

  @Override
  public String toString() {
    return shortId() + "(eth/" + version.number() + ")";
  }
}
