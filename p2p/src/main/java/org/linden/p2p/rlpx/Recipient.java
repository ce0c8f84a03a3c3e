package org.linden.p2p.rlpx;

import java.security.SecureRandom;
import org.linden.crypto.PrivateKey;
import org.linden.crypto.PublicKey;
import org.linden.crypto.Secp256k1;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.linden.types.Bytes;
import org.linden.types.Hash;

/**
 * The listening side of the RLPx handshake: pass the complete auth packet to
 * {@link #readAuth(byte[])}, send the ack it returns (in the same format the initiator
 * used), then take {@link #secrets()}.
 */
public final class Recipient {
  private final PrivateKey staticKey;
  private final PrivateKey ephemeralKey;
  private final Bytes nonce;
  private final SecureRandom random;
  private AuthMessage auth;
  private PublicKey remoteEphemeral;
  private byte[] authReceived;
  private boolean eip8;
  private byte[] ackSent;

  Recipient(PrivateKey staticKey, PrivateKey ephemeralKey, Bytes nonce, SecureRandom random) {
    this.staticKey = staticKey;
    this.ephemeralKey = ephemeralKey;
    this.nonce = nonce;
    this.random = random;
  }

  /** A recipient with a fresh ephemeral key and nonce. */
  public static Recipient create(PrivateKey staticKey, SecureRandom random) {
    return new Recipient(staticKey, PrivateKey.random(), Handshake.randomNonce(random), random);
  }

  /** Reads the initiator's auth packet (legacy or EIP-8) and returns the ack to send. */
  public byte[] readAuth(byte[] packet) {
    readAuthMessage(packet);
    AckMessage ack = new AckMessage(ephemeralKey.publicKey(), nonce, Handshake.VERSION);
    ackSent = eip8
        ? Handshake.sealEip8(auth.initiatorId(), ack.encodeRlp(), random)
        : Ecies.encrypt(auth.initiatorId(), ack.encodeLegacy(), new byte[0], random);
    return ackSent.clone();
  }

  /** Decrypts the auth packet and recovers the initiator's ephemeral key from its signature. */
  AuthMessage readAuthMessage(byte[] packet) {
    Handshake.Opened opened = Handshake.open(staticKey, packet, Handshake.LEGACY_AUTH_SIZE);
    eip8 = opened.eip8();
    auth = eip8 ? AuthMessage.decodeRlp(opened.body()) : AuthMessage.decodeLegacy(opened.body());
    byte[] staticShared = Ecdh.agree(staticKey, auth.initiatorId());
    Hash signed = Hash.wrap(Handshake.xor(staticShared, auth.nonce().toArray()));
    remoteEphemeral = Secp256k1.recover(signed, auth.signature())
        .orElseThrow(() -> new RlpxException(Reason.MALFORMED_HANDSHAKE, "auth signature does not recover"));
    authReceived = packet.clone();
    return auth;
  }

  /** The auth message read, available after {@link #readAuth(byte[])}. */
  public AuthMessage auth() {
    return auth;
  }

  /** The initiator's ephemeral public key, as recovered from the auth signature. */
  public PublicKey remoteEphemeralKey() {
    return remoteEphemeral;
  }

  /** The session secrets, once the ack has been produced. */
  public Secrets secrets() {
    if (ackSent == null) {
      throw new IllegalStateException("no auth has been read");
    }
    return secretsAfterSending(ackSent);
  }

  /** Secrets as if {@code ack} had been sent, for replaying recorded handshakes. */
  Secrets secretsAfterSending(byte[] ack) {
    byte[] ephemeralShared = Ecdh.agree(ephemeralKey, remoteEphemeral);
    return Handshake.deriveSecrets(false, ephemeralShared, auth.nonce(), nonce, authReceived, ack, auth.initiatorId());
  }
}
