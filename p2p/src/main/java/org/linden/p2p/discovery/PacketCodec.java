package org.linden.p2p.discovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.p2p.discovery.DiscoveryException.Reason;
import org.linden.p2p.discovery.Message.EnrRequest;
import org.linden.p2p.discovery.Message.EnrResponse;
import org.linden.p2p.discovery.Message.Expiring;
import org.linden.p2p.discovery.Message.FindNode;
import org.linden.p2p.discovery.Message.Neighbors;
import org.linden.p2p.discovery.Message.Ping;
import org.linden.p2p.discovery.Message.Pong;
import org.linden.p2p.enr.Enr;
import org.linden.p2p.enr.EnrException;
import org.linden.rlp.RlpException;
import org.linden.rlp.RlpReader;
import org.linden.rlp.RlpWriter;
import org.linden.types.Bytes;
import org.linden.types.Hash;
import org.linden.types.UInt256;

/**
 * Encodes and decodes discovery v4 packets:
 * {@code hash ‖ signature ‖ type ‖ rlp(data)} with
 * {@code hash = keccak256(signature ‖ type ‖ data)} and a recoverable signature over
 * {@code keccak256(type ‖ data)}.
 *
 * <p>Decoding follows EIP-8: extra list elements and bytes after the data list are
 * ignored and the Ping version is not checked, so newer peers can extend the protocol.
 * Everything else is checked, and every failure is a {@link DiscoveryException}, never
 * another exception, because packets come from anyone on the internet.
 */
public final class PacketCodec {
  /** The largest packet the spec allows. */
  public static final int MAX_PACKET_SIZE = 1280;

  private static final int HASH_SIZE = 32;
  private static final int SIGNATURE_SIZE = 65;
  private static final int HEADER_SIZE = HASH_SIZE + SIGNATURE_SIZE + 1;

  private final Clock clock;

  /** A codec that checks expiration times against {@code clock}. */
  public PacketCodec(Clock clock) {
    this.clock = clock;
  }

  /** Signs and encodes a message. */
  public static Packet encode(Message message, PrivateKey key) {
    RlpWriter w = new RlpWriter();
    writeData(w, message);
    Bytes data = w.toBytes();
    Bytes typeAndData = Bytes.concat(Bytes.of((byte) message.type()), data);
    Signature sig = Secp256k1.sign(Keccak.hash256(typeAndData), key);
    Bytes signed = Bytes.concat(sig.toBytes(), typeAndData);
    Hash hash = Keccak.hash256(signed);
    Bytes bytes = Bytes.concat(hash.bytes(), signed);
    if (bytes.size() > MAX_PACKET_SIZE) {
      throw new IllegalArgumentException("discovery packet of " + bytes.size() + " bytes exceeds " + MAX_PACKET_SIZE
          + " (send fewer Neighbors per packet)");
    }
    return new Packet(bytes, hash, key.publicKey(), message);
  }

  private static void writeData(RlpWriter w, Message message) {
    w.startList();
    switch (message) {
      case Ping p -> {
        w.writeUnsignedLong(p.version());
        p.from().writeTo(w);
        p.to().writeTo(w);
        w.writeUnsignedLong(p.expiration());
        p.enrSeq().ifPresent(w::writeUnsignedLong);
      }
      case Pong p -> {
        p.to().writeTo(w);
        w.writeBytes(p.pingHash().bytes());
        w.writeUnsignedLong(p.expiration());
        p.enrSeq().ifPresent(w::writeUnsignedLong);
      }
      case FindNode f -> w.writeBytes(f.target().bytes()).writeUnsignedLong(f.expiration());
      case Neighbors n -> {
        w.startList();
        for (Node node : n.nodes()) {
          Endpoint e = node.endpoint();
          w.startList().writeBytes(e.ip().getAddress()).writeLong(e.udpPort()).writeLong(e.tcpPort())
              .writeBytes(node.publicKey().bytes()).endList();
        }
        w.endList().writeUnsignedLong(n.expiration());
      }
      case EnrRequest r -> w.writeUnsignedLong(r.expiration());
      case EnrResponse r -> w.writeBytes(r.requestHash().bytes()).writeRaw(r.record().encoded());
    }
    w.endList();
  }

  /**
   * Decodes and authenticates a packet, and rejects it if it has expired.
   *
   * @throws DiscoveryException for any packet that must be dropped
   */
  public Packet decode(Bytes packet) {
    Packet p = decodeIgnoringExpiration(packet);
    if (p.message() instanceof Expiring e) {
      long now = clock.instant().getEpochSecond();
      if (Long.compareUnsigned(e.expiration(), now) < 0) {
        throw new DiscoveryException(Reason.EXPIRED, "packet expired at " + Long.toUnsignedString(e.expiration())
            + ", now is " + now);
      }
    }
    return p;
  }

  /** Decodes and authenticates a packet without looking at its expiration time. */
  public static Packet decodeIgnoringExpiration(Bytes packet) {
    if (packet.size() > MAX_PACKET_SIZE) {
      throw new DiscoveryException(Reason.TOO_LARGE, "packet of " + packet.size() + " bytes exceeds " + MAX_PACKET_SIZE);
    }
    if (packet.size() < HEADER_SIZE) {
      throw new DiscoveryException(Reason.TOO_SMALL, "packet of " + packet.size() + " bytes is shorter than its header");
    }
    Hash hash = Hash.wrap(packet.slice(0, HASH_SIZE));
    Bytes signed = packet.slice(HASH_SIZE);
    if (!Keccak.hash256(signed).equals(hash)) {
      throw new DiscoveryException(Reason.BAD_HASH, "packet hash does not match its content");
    }
    PublicKey sender = recoverSender(packet);
    int type = packet.getUnsigned(HASH_SIZE + SIGNATURE_SIZE);
    Bytes data = packet.slice(HEADER_SIZE);
    Message message;
    try {
      RlpReader list = RlpReader.of(data).readList();
      // Anything after the list is ignored (EIP-8), so the outer reader is not checked.
      message = switch (type) {
        case Ping.TYPE -> readPing(list);
        case Pong.TYPE -> readPong(list);
        case FindNode.TYPE -> new FindNode(readKey(list), Endpoint.readUnsigned(list));
        case Neighbors.TYPE -> readNeighbors(list);
        case EnrRequest.TYPE -> new EnrRequest(Endpoint.readUnsigned(list));
        case EnrResponse.TYPE -> readEnrResponse(list);
        default -> throw new DiscoveryException(Reason.UNKNOWN_TYPE, "unknown packet type " + type);
      };
    } catch (RlpException | IllegalArgumentException e) {
      throw new DiscoveryException(Reason.MALFORMED, "malformed packet of type " + type + ": " + e.getMessage(), e);
    }
    return new Packet(packet, hash, sender, message);
  }

  private static PublicKey recoverSender(Bytes packet) {
    Bytes sig = packet.slice(HASH_SIZE, SIGNATURE_SIZE);
    int v = sig.getUnsigned(64);
    if (v > 1) {
      throw new DiscoveryException(Reason.BAD_SIGNATURE, "signature recovery id " + v + " is not 0 or 1");
    }
    Signature signature = new Signature(
        UInt256.fromBytes(sig.slice(0, 32)), UInt256.fromBytes(sig.slice(32, 32)), v);
    Hash signedHash = Keccak.hash256(packet.slice(HASH_SIZE + SIGNATURE_SIZE));
    Optional<PublicKey> key = Secp256k1.recover(signedHash, signature);
    if (key.isEmpty()) {
      throw new DiscoveryException(Reason.BAD_SIGNATURE, "no public key can be recovered from the packet signature");
    }
    return key.get();
  }

  private static Ping readPing(RlpReader r) {
    long version = Endpoint.readUnsigned(r);
    Endpoint from = Endpoint.readFrom(r);
    Endpoint to = Endpoint.readFrom(r);
    long expiration = Endpoint.readUnsigned(r);
    return new Ping(version, from, to, expiration, optionalSeq(r));
  }

  private static Pong readPong(RlpReader r) {
    Endpoint to = Endpoint.readFrom(r);
    Hash pingHash = Hash.wrap(r.readBytes(HASH_SIZE));
    long expiration = Endpoint.readUnsigned(r);
    return new Pong(to, pingHash, expiration, optionalSeq(r));
  }

  /**
   * The optional EIP-868 enr-seq: present only if the next element is an integer. A
   * pre-EIP-868 peer may have put something else there (the EIP-8 test vectors put a
   * list), which is an unknown extension to ignore, not an error.
   */
  private static OptionalLong optionalSeq(RlpReader r) {
    if (r.isDone() || r.nextIsList()) {
      return OptionalLong.empty();
    }
    Bytes raw = r.readRaw();
    try {
      return OptionalLong.of(Endpoint.readUnsigned(RlpReader.of(raw)));
    } catch (RlpException | DiscoveryException e) {
      return OptionalLong.empty();
    }
  }

  private static PublicKey readKey(RlpReader r) {
    return new PublicKey(r.readBytes(64));
  }

  private static Neighbors readNeighbors(RlpReader r) {
    RlpReader nodes = r.readList();
    List<Node> list = new ArrayList<>();
    while (!nodes.isDone()) {
      RlpReader n = nodes.readList();
      var ip = Endpoint.readIp(n);
      int udp = Endpoint.readPort(n);
      int tcp = Endpoint.readPort(n);
      PublicKey key = readKey(n);
      list.add(Node.of(key, new Endpoint(ip, udp, tcp)));
    }
    return new Neighbors(list, Endpoint.readUnsigned(r));
  }

  private static EnrResponse readEnrResponse(RlpReader r) {
    Hash requestHash = Hash.wrap(r.readBytes(HASH_SIZE));
    Bytes record = r.readRaw();
    try {
      return new EnrResponse(requestHash, Enr.decode(record));
    } catch (EnrException e) {
      throw new DiscoveryException(Reason.MALFORMED, "ENRResponse holds an invalid record: " + e.getMessage(), e);
    }
  }
}
