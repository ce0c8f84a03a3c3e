package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import org.linden.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

class RlpxMessageCodecTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void helloExchangeThenCompressedMessages() {
    PrivateKey keyA = PrivateKey.random();
    PrivateKey keyB = PrivateKey.random();
    Initiator a = Initiator.create(keyA, keyB.publicKey(), random);
    Recipient b = Recipient.create(keyB, random);
    byte[] ack = b.readAuth(a.authPacket());
    MessageCodec atA = new MessageCodec(new FrameCodec(a.readAck(ack)));
    MessageCodec atB = new MessageCodec(new FrameCodec(b.secrets()));

    Hello helloA = Hello.of("a", List.of(new Capability("eth", 68)), keyA.publicKey());
    Hello helloB = Hello.of("b", List.of(new Capability("eth", 68)), keyB.publicKey());
    RawMessage got = atB.decode(ByteBuffer.wrap(atA.encode(helloA)));
    assertThat(P2pMessage.decode(got.code(), got.payload())).isEqualTo(helloA);
    got = atA.decode(ByteBuffer.wrap(atB.encode(helloB)));
    assertThat(P2pMessage.decode(got.code(), got.payload())).isEqualTo(helloB);
    // The Hello's node id must be the key the handshake authenticated.
    assertThat(helloA.nodeId()).isEqualTo(b.secrets().remoteId());

    assertThat(Hello.snappyBetween(helloA, helloB)).isTrue();
    atA.enableSnappy();
    atB.enableSnappy();
    got = atB.decode(ByteBuffer.wrap(atA.encode(Ping.INSTANCE)));
    assertThat(P2pMessage.decode(got.code(), got.payload())).isEqualTo(Ping.INSTANCE);
    got = atA.decode(ByteBuffer.wrap(atB.encode(Pong.INSTANCE)));
    assertThat(P2pMessage.decode(got.code(), got.payload())).isEqualTo(Pong.INSTANCE);

    byte[] big = new byte[100_000];
    byte[] wire = atA.encode(0x13, big);
    assertThat(wire.length).isLessThan(10_000);
    got = atB.decode(ByteBuffer.wrap(wire));
    assertThat(got.code()).isEqualTo(0x13);
    assertThat(got.payload()).isEqualTo(big);

    got = atA.decode(ByteBuffer.wrap(atB.encode(new Disconnect(DisconnectReason.CLIENT_QUITTING))));
    assertThat(P2pMessage.decode(got.code(), got.payload())).isEqualTo(new Disconnect(DisconnectReason.CLIENT_QUITTING));
  }

  @Test
  void anUncompressedDisconnectIsReadEvenWithSnappyOnAndTheLimitHolds() {
    PrivateKey keyA = PrivateKey.random();
    PrivateKey keyB = PrivateKey.random();
    Initiator a = Initiator.create(keyA, keyB.publicKey(), random);
    Recipient b = Recipient.create(keyB, random);
    byte[] ack = b.readAuth(a.authPacket());
    FrameCodec framesA = new FrameCodec(a.readAck(ack));
    MessageCodec atB = new MessageCodec(new FrameCodec(b.secrets()), 1000);
    atB.enableSnappy();

    // rlp(0x0b) framed as ethereumjs does it: id 0x01, payload never compressed.
    RawMessage got = atB.decode(ByteBuffer.wrap(framesA.encode(new byte[] {0x01, 0x0b})));
    assertThat(P2pMessage.decode(got.code(), got.payload())).isEqualTo(new Disconnect(DisconnectReason.PING_TIMEOUT));

    // Any other message that does not decompress is still an error, and so is one too large.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> atB.decode(ByteBuffer.wrap(framesA.encode(new byte[] {0x10, 0x0b}))))
        .isInstanceOf(RlpxException.class);
  }

  @Test
  void payloadsOverTheLimitAreRefused() {
    PrivateKey keyA = PrivateKey.random();
    PrivateKey keyB = PrivateKey.random();
    Initiator a = Initiator.create(keyA, keyB.publicKey(), random);
    Recipient b = Recipient.create(keyB, random);
    byte[] ack = b.readAuth(a.authPacket());
    MessageCodec atA = new MessageCodec(new FrameCodec(a.readAck(ack)));
    MessageCodec atB = new MessageCodec(new FrameCodec(b.secrets(), MessageCodec.maxFrameSizeFor(1000)), 1000);
    atA.enableSnappy();
    atB.enableSnappy();
    atB.decode(ByteBuffer.wrap(atA.encode(0x10, new byte[1000])));
    // Compresses to a few bytes, yet claims more than the limit once decompressed.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> atB.decode(ByteBuffer.wrap(atA.encode(0x10, new byte[1001]))))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(RlpxException.Reason.FRAME_TOO_LARGE));
  }
}
