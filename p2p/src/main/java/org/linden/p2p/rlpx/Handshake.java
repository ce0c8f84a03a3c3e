package org.linden.p2p.rlpx;

import java.security.SecureRandom;
import java.util.Arrays;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.types.Bytes;

/**
 * Pieces shared by {@link Initiator} and {@link Recipient}: the packet envelopes (legacy
 * fixed-size ECIES, or EIP-8's 2-byte size prefix that is also the ECIES authenticated
 * data) and the derivation of the session secrets.
 */
public final class Handshake {
  /** Size of a legacy auth packet on the wire. */
  public static final int LEGACY_AUTH_SIZE = AuthMessage.LEGACY_BODY_SIZE + Ecies.OVERHEAD;
  /** Size of a legacy ack packet on the wire. */
  public static final int LEGACY_ACK_SIZE = AckMessage.LEGACY_BODY_SIZE + Ecies.OVERHEAD;
  /** The auth-vsn and ack-vsn we send. */
  public static final int VERSION = 4;

  private Handshake() {}

  /**
   * The whole length of an EIP-8 packet given its first two bytes, so a reader knows how
   * much to wait for. A reader that has the legacy size first should try that as legacy.
   */
  public static int eip8PacketLength(byte first, byte second) {
    return 2 + (((first & 0xff) << 8) | (second & 0xff));
  }

  /** A decrypted packet body and whether it came in the EIP-8 envelope. */
  record Opened(byte[] body, boolean eip8) {}

  /** Decrypts a complete packet, trying the legacy form when the size allows it. */
  static Opened open(PrivateKey key, byte[] packet, int legacySize) {
    if (packet.length == legacySize) {
      try {
        return new Opened(Ecies.decrypt(key, packet, new byte[0]), false);
      } catch (RlpxException e) {
        // Not legacy; an EIP-8 packet can have the same length, so try that too.
      }
    }
    if (packet.length < 2 || eip8PacketLength(packet[0], packet[1]) != packet.length) {
      throw new RlpxException(Reason.MALFORMED_HANDSHAKE, "packet of " + packet.length + " bytes has a wrong size prefix");
    }
    byte[] prefix = Arrays.copyOfRange(packet, 0, 2);
    return new Opened(Ecies.decrypt(key, Arrays.copyOfRange(packet, 2, packet.length), prefix), true);
  }

  /** Seals an EIP-8 body: pads it with 100–300 random bytes, encrypts with the size as MAC data. */
  static byte[] sealEip8(PublicKey to, byte[] body, SecureRandom random) {
    byte[] padded = Arrays.copyOf(body, body.length + 100 + random.nextInt(201));
    int size = padded.length + Ecies.OVERHEAD;
    byte[] prefix = {(byte) (size >>> 8), (byte) size};
    byte[] sealed = Ecies.encrypt(to, padded, prefix, random);
    return Bytes.concat(Bytes.wrap(prefix), Bytes.wrap(sealed)).toArray();
  }

  /** Derives aes-secret, mac-secret and the two MAC states from the handshake's values. */
  static Secrets deriveSecrets(
      boolean initiator,
      byte[] ephemeralShared,
      Bytes initiatorNonce,
      Bytes recipientNonce,
      byte[] authPacket,
      byte[] ackPacket,
      PublicKey remoteId) {
    byte[] nonceHash = keccak(recipientNonce.toArray(), initiatorNonce.toArray());
    byte[] sharedSecret = keccak(ephemeralShared, nonceHash);
    byte[] aesSecret = keccak(ephemeralShared, sharedSecret);
    byte[] macSecret = keccak(ephemeralShared, aesSecret);
    // Each side seeds its egress MAC with the nonce the other side chose, and with the
    // packet it sent itself; the ingress MAC mirrors the peer's egress.
    MacState authMac = new MacState(concat(xor(macSecret, recipientNonce.toArray()), authPacket));
    MacState ackMac = new MacState(concat(xor(macSecret, initiatorNonce.toArray()), ackPacket));
    return initiator
        ? new Secrets(aesSecret, macSecret, authMac, ackMac, remoteId)
        : new Secrets(aesSecret, macSecret, ackMac, authMac, remoteId);
  }

  static byte[] keccak(byte[] a, byte[] b) {
    return Keccak.hash256(concat(a, b)).bytes().toArray();
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static Bytes randomNonce(SecureRandom random) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    return Bytes.wrap(nonce);
  }
}
