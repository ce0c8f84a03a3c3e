package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.p2p.rlpx.Eip8Vectors.*;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class HandshakeReaderTest {
  @Test
  void cutsEveryVectorOutOfAByteByByteStream() {
    assertCuts(HandshakeReader.forAuth(STATIC_B), AUTH_1);
    assertCuts(HandshakeReader.forAuth(STATIC_B), AUTH_2);
    assertCuts(HandshakeReader.forAuth(STATIC_B), AUTH_3);
    assertCuts(HandshakeReader.forAck(STATIC_A), ACK_1);
    assertCuts(HandshakeReader.forAck(STATIC_A), ACK_2);
    assertCuts(HandshakeReader.forAck(STATIC_A), ACK_3);
  }

  @Test
  void leavesBytesThatFollowThePacket() {
    byte[] stream = new byte[AUTH_2.length + 5];
    System.arraycopy(AUTH_2, 0, stream, 0, AUTH_2.length);
    ByteBuffer in = ByteBuffer.wrap(stream);
    assertThat(HandshakeReader.forAuth(STATIC_B).read(in)).isEqualTo(AUTH_2);
    assertThat(in.remaining()).isEqualTo(5);
  }

  @Test
  void packetsReadFromAStreamCompleteAHandshake() {
    SecureRandom random = new SecureRandom();
    Recipient b = new Recipient(STATIC_B, EPHEMERAL_B, NONCE_B, random);
    byte[] auth = HandshakeReader.forAuth(STATIC_B).read(ByteBuffer.wrap(AUTH_3));
    byte[] ack = b.readAuth(auth);
    Initiator a = new Initiator(STATIC_A, STATIC_B.publicKey(), EPHEMERAL_A, NONCE_A, random);
    a.useSentAuth(AUTH_3);
    HandshakeTest.assertAgree(a.readAck(HandshakeReader.forAck(STATIC_A).read(ByteBuffer.wrap(ack))), b.secrets());
  }

  private static void assertCuts(HandshakeReader reader, byte[] packet) {
    ByteBuffer buffer = ByteBuffer.allocate(packet.length);
    byte[] got = null;
    for (int i = 0; i < packet.length; i++) {
      assertThat(got).isNull();
      buffer.put(packet[i]).flip();
      got = reader.read(buffer);
      buffer.compact();
    }
    assertThat(got).isEqualTo(packet);
  }
}
