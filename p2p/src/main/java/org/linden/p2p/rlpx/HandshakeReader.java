package org.linden.p2p.rlpx;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.linden.crypto.PrivateKey;
import org.linden.p2p.rlpx.RlpxException.Reason;

/**
 * Cuts one handshake packet (auth or ack) out of a byte stream. The two formats cannot
 * be told apart by their first bytes alone, so, as EIP-8 suggests, once the legacy size
 * has arrived those bytes are trial-decrypted as a legacy packet; if that fails, the
 * first two bytes are the EIP-8 size prefix. The decision is made once and remembered.
 */
public final class HandshakeReader {
  /** EIP-8 packets may not claim more than this (the prefix allows 65 537 anyway). */
  private static final int MAX_PACKET = 2 + 0xFFFF;

  private final PrivateKey key;
  private final int legacySize;
  /** Total length of the packet being read once known, or -1. */
  private int length = -1;

  private HandshakeReader(PrivateKey key, int legacySize) {
    this.key = key;
    this.legacySize = legacySize;
  }

  /** A reader for the auth packet arriving at a recipient with static key {@code key}. */
  public static HandshakeReader forAuth(PrivateKey key) {
    return new HandshakeReader(key, Handshake.LEGACY_AUTH_SIZE);
  }

  /** A reader for the ack packet arriving at an initiator with static key {@code key}. */
  public static HandshakeReader forAck(PrivateKey key) {
    return new HandshakeReader(key, Handshake.LEGACY_ACK_SIZE);
  }

  /** The complete packet, consumed from {@code in}, or null if more bytes are needed. */
  public byte[] read(ByteBuffer in) {
    if (length < 0) {
      if (in.remaining() < legacySize) {
        return null;
      }
      byte[] head = new byte[legacySize];
      in.duplicate().get(head);
      length = isLegacy(head) ? legacySize : Handshake.eip8PacketLength(head[0], head[1]);
      if (length > MAX_PACKET || length < 2 + Ecies.OVERHEAD) {
        throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "handshake packet claims " + length + " bytes");
      }
    }
    if (in.remaining() < length) {
      return null;
    }
    byte[] packet = new byte[length];
    in.get(packet);
    return packet;
  }

  private boolean isLegacy(byte[] head) {
    try {
      Ecies.decrypt(key, Arrays.copyOf(head, legacySize), new byte[0]);
      return true;
    } catch (RlpxException e) {
      return false;
    }
  }
}
