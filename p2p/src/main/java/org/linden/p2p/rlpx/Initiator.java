package org.linden.p2p.rlpx;

import java.security.SecureRandom;
import org.linden.crypto.Keccak;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.crypto.Signature;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The dialling side of the RLPx handshake: send {@link #authPacket()}, then pass the
 * peer's complete ack packet to {@link #readAck(byte[])} to get the session secrets.
 */
public final class Initiator {
  private final PrivateKey staticKey;
  private final PublicKey remoteId;
  private final PrivateKey ephemeralKey;
  private final Bytes nonce;
  private final SecureRandom random;
  private byte[] authSent;

  Initiator(PrivateKey staticKey, PublicKey remoteId, PrivateKey ephemeralKey, Bytes nonce, SecureRandom random) {
    this.staticKey = staticKey;
    this.remoteId = remoteId;
    this.ephemeralKey = ephemeralKey;
    this.nonce = nonce;
    this.random = random;
  }

  /** An initiator with a fresh ephemeral key and nonce, dialling the node {@code remoteId}. */
  public static Initiator create(PrivateKey staticKey, PublicKey remoteId, SecureRandom random) {
    return new Initiator(staticKey, remoteId, PrivateKey.random(), Handshake.randomNonce(random), random);
  }

  /** The EIP-8 auth packet to send first; the same bytes on every call. */
  public byte[] authPacket() {
    if (authSent == null) {
      AuthMessage auth = new AuthMessage(signature(), staticKey.publicKey(), nonce, Handshake.VERSION);
      authSent = Handshake.sealEip8(remoteId, auth.encodeRlp(), random);
    }
    return authSent.clone();
  }

  /** A pre-EIP-8 auth packet, which recipients must still accept. */
  byte[] legacyAuthPacket() {
    byte[] body = Bytes.concat(
            signature().toBytes(),
            Keccak.hash256(ephemeralKey.publicKey().bytes()).bytes(),
            staticKey.publicKey().bytes(),
            nonce,
            Bytes.of((byte) 0))
        .toArray();
    authSent = Ecies.encrypt(remoteId, body, new byte[0], random);
    return authSent.clone();
  }

  /** Records the auth bytes as sent, for replaying recorded handshakes. */
  void useSentAuth(byte[] packet) {
    authSent = packet.clone();
  }

  /** Reads the recipient's ack (legacy or EIP-8) and derives the session secrets. */
  public Secrets readAck(byte[] packet) {
    if (authSent == null) {
      throw new IllegalStateException("the auth packet has not been sent");
    }
    AckMessage ack = readAckMessage(packet);
    byte[] ephemeralShared = Ecdh.agree(ephemeralKey, ack.ephemeralKey());
    return Handshake.deriveSecrets(true, ephemeralShared, nonce, ack.nonce(), authSent, packet, remoteId);
  }

  /** Decrypts and decodes an ack packet without deriving anything. */
  AckMessage readAckMessage(byte[] packet) {
    Handshake.Opened opened = Handshake.open(staticKey, packet, Handshake.LEGACY_ACK_SIZE);
    return opened.eip8() ? AckMessage.decodeRlp(opened.body()) : AckMessage.decodeLegacy(opened.body());
  }

  private Signature signature() {
    byte[] staticShared = Ecdh.agree(staticKey, remoteId);
    return Secp256k1.sign(Hash.wrap(Handshake.xor(staticShared, nonce.toArray())), ephemeralKey);
  }
}
