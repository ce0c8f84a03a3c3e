package org.linden.p2p.discovery;

import java.util.List;
import java.util.OptionalLong;
import org.linden.crypto.PublicKey;
import org.linden.p2p.enr.Enr;
import org.linden.types.Hash;

/**
 * The payload of a discovery v4 packet. Each record lists the fields of its
 * {@code packet-data} in wire order; elements a newer protocol version may append are
 * dropped on decoding (EIP-8).
 */
public sealed interface Message {
  /** The packet-type byte. */
  int type();

  /** Messages that carry an absolute UNIX expiration time (in seconds). */
  sealed interface Expiring extends Message {
    long expiration();
  }

  /** Ping (0x01): {@code [version, from, to, expiration, enr-seq?]}. */
  record Ping(long version, Endpoint from, Endpoint to, long expiration, OptionalLong enrSeq)
      implements Expiring {
    public static final int TYPE = 0x01;
    /** The protocol version we send; received versions are not checked (EIP-8). */
    public static final long VERSION = 4;

    public Ping {
      if (enrSeq == null) {
        throw new IllegalArgumentException("enrSeq must be an OptionalLong, not null");
      }
    }

    @Override
    public int type() {
      return TYPE;
    }
  }

  /** Pong (0x02): {@code [to, ping-hash, expiration, enr-seq?]}. */
  record Pong(Endpoint to, Hash pingHash, long expiration, OptionalLong enrSeq) implements Expiring {
    public static final int TYPE = 0x02;

    public Pong {
      if (enrSeq == null) {
        throw new IllegalArgumentException("enrSeq must be an OptionalLong, not null");
      }
    }

    @Override
    public int type() {
      return TYPE;
    }
  }

  /**
   * FindNode (0x03): {@code [target, expiration]}. The target is 64 bytes in public-key
   * form but need not be a curve point: lookups for random ids use arbitrary bytes.
   */
  record FindNode(PublicKey target, long expiration) implements Expiring {
    public static final int TYPE = 0x03;

    @Override
    public int type() {
      return TYPE;
    }
  }

  /**
   * Neighbors (0x04): {@code [[[ip, udp, tcp, node-id], ...], expiration]}. Sixteen IPv6
   * nodes do not fit in the 1280-byte packet limit, so a reply to FindNode is split into
   * packets of at most {@link #MAX_NODES} nodes.
   */
  record Neighbors(List<Node> nodes, long expiration) implements Expiring {
    public static final int TYPE = 0x04;
    /** The most nodes that always fit in one packet, IPv6 addresses included. */
    public static final int MAX_NODES = 12;

    public Neighbors {
      nodes = List.copyOf(nodes);
    }

    @Override
    public int type() {
      return TYPE;
    }
  }

  /** ENRRequest (0x05, EIP-868): {@code [expiration]}. */
  record EnrRequest(long expiration) implements Expiring {
    public static final int TYPE = 0x05;

    @Override
    public int type() {
      return TYPE;
    }
  }

  /**
   * ENRResponse (0x06, EIP-868): {@code [request-hash, ENR]}. The record has been
   * verified on its own; checking that its key is the packet's sender is the caller's
   * job, see {@link Packet#enrMatchesSender()}.
   */
  record EnrResponse(Hash requestHash, Enr record) implements Message {
    public static final int TYPE = 0x06;

    @Override
    public int type() {
      return TYPE;
    }
  }
}
