package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linden.p2p.rlpx.Eip8Vectors.*;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.linden.crypto.PrivateKey;
import org.linden.types.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private final SecureRandom random = new SecureRandom();

  private static byte[] vector(String name) {
    return switch (name) {
      case "auth1" -> AUTH_1;
      case "auth2" -> AUTH_2;
      case "auth3" -> AUTH_3;
      case "ack1" -> ACK_1;
      case "ack2" -> ACK_2;
      default -> ACK_3;
    };
  }

  @ParameterizedTest
  @CsvSource({"auth1, 4", "auth2, 4", "auth3, 56"})
  void recipientReadsEip8AuthVectors(String name, int version) {
    Recipient b = new Recipient(STATIC_B, EPHEMERAL_B, NONCE_B, random);
    AuthMessage auth = b.readAuthMessage(vector(name));
    assertThat(auth.initiatorId()).isEqualTo(STATIC_A.publicKey());
    assertThat(auth.nonce()).isEqualTo(NONCE_A);
    assertThat(auth.version()).isEqualTo(version);
    assertThat(b.remoteEphemeralKey()).isEqualTo(EPHEMERAL_A.publicKey());
  }

  @ParameterizedTest
  @CsvSource({"ack1, 4", "ack2, 4", "ack3, 57"})
  void initiatorReadsEip8AckVectors(String name, int version) {
    Initiator a = new Initiator(STATIC_A, STATIC_B.publicKey(), EPHEMERAL_A, NONCE_A, random);
    AckMessage ack = a.readAckMessage(vector(name));
    assertThat(ack.ephemeralKey()).isEqualTo(EPHEMERAL_B.publicKey());
    assertThat(ack.nonce()).isEqualTo(NONCE_B);
    assertThat(ack.version()).isEqualTo(version);
  }

  @Test
  void recipientDerivesTheEip8SecretsForAuth2Ack2() {
    Recipient b = new Recipient(STATIC_B, EPHEMERAL_B, NONCE_B, random);
    b.readAuthMessage(AUTH_2);
    Secrets s = b.secretsAfterSending(ACK_2);
    assertThat(Bytes.wrap(s.aesSecret()).toUnprefixedHex()).isEqualTo(AES_SECRET_2);
    assertThat(Bytes.wrap(s.macSecret()).toUnprefixedHex()).isEqualTo(MAC_SECRET_2);
    s.ingressMac().update("foo".getBytes(StandardCharsets.US_ASCII));
    assertThat(Bytes.wrap(s.ingressMac().digest()).toUnprefixedHex()).isEqualTo(INGRESS_MAC_FOO_2);
    assertThat(s.remoteId()).isEqualTo(STATIC_A.publicKey());
  }

  @Test
  void initiatorDerivesTheSameSecretsForAuth2Ack2() {
    Initiator a = new Initiator(STATIC_A, STATIC_B.publicKey(), EPHEMERAL_A, NONCE_A, random);
    a.useSentAuth(AUTH_2);
    Secrets s = a.readAck(ACK_2);
    assertThat(Bytes.wrap(s.aesSecret()).toUnprefixedHex()).isEqualTo(AES_SECRET_2);
    assertThat(Bytes.wrap(s.macSecret()).toUnprefixedHex()).isEqualTo(MAC_SECRET_2);
    // A's egress is B's ingress.
    s.egressMac().update("foo".getBytes(StandardCharsets.US_ASCII));
    assertThat(Bytes.wrap(s.egressMac().digest()).toUnprefixedHex()).isEqualTo(INGRESS_MAC_FOO_2);
  }

  @Test
  void eip8HandshakeBetweenFreshNodesAgrees() {
    PrivateKey keyA = PrivateKey.random();
    PrivateKey keyB = PrivateKey.random();
    Initiator a = Initiator.create(keyA, keyB.publicKey(), random);
    Recipient b = Recipient.create(keyB, random);
    byte[] auth = a.authPacket();
    assertThat(auth.length).isGreaterThan(Handshake.LEGACY_AUTH_SIZE);
    assertThat(Handshake.eip8PacketLength(auth[0], auth[1])).isEqualTo(auth.length);
    byte[] ack = b.readAuth(auth);
    assertThat(ack.length).isNotEqualTo(Handshake.LEGACY_ACK_SIZE);
    assertAgree(a.readAck(ack), b.secrets());
    assertThat(b.auth().initiatorId()).isEqualTo(keyA.publicKey());
  }

  @Test
  void legacyAuthGetsALegacyAck() {
    PrivateKey keyA = PrivateKey.random();
    PrivateKey keyB = PrivateKey.random();
    Initiator a = Initiator.create(keyA, keyB.publicKey(), random);
    Recipient b = Recipient.create(keyB, random);
    byte[] auth = a.legacyAuthPacket();
    assertThat(auth).hasSize(Handshake.LEGACY_AUTH_SIZE);
    byte[] ack = b.readAuth(auth);
    assertThat(ack).hasSize(Handshake.LEGACY_ACK_SIZE);
    assertAgree(a.readAck(ack), b.secrets());
  }

  @Test
  void tamperedAuthIsRejected() {
    byte[] auth = AUTH_2.clone();
    auth[100] ^= 1;
    Recipient b = new Recipient(STATIC_B, EPHEMERAL_B, NONCE_B, random);
    assertThatThrownBy(() -> b.readAuth(auth)).isInstanceOf(RlpxException.class);
    byte[] truncated = java.util.Arrays.copyOf(AUTH_2, AUTH_2.length - 1);
    assertThatThrownBy(() -> b.readAuth(truncated))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(RlpxException.Reason.MALFORMED_HANDSHAKE));
  }

  @Test
  void authForAnotherNodeIsRejected() {
    Recipient c = Recipient.create(PrivateKey.random(), random);
    assertThatThrownBy(() -> c.readAuth(AUTH_2)).isInstanceOf(RlpxException.class);
  }

  static void assertAgree(Secrets a, Secrets b) {
    assertThat(a.aesSecret()).isEqualTo(b.aesSecret());
    assertThat(a.macSecret()).isEqualTo(b.macSecret());
    assertThat(a.egressMac().digest()).isEqualTo(b.ingressMac().digest());
    assertThat(a.ingressMac().digest()).isEqualTo(b.egressMac().digest());
  }
}
