package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.linden.crypto.PrivateKey;
import org.linden.p2p.rlpx.RlpxException.Reason;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  private final SecureRandom random = new SecureRandom();

  /** Codecs for the two ends of one fresh handshake: [initiator, recipient]. */
  static FrameCodec[] pair(SecureRandom random, int maxFrameSize) {
    PrivateKey keyA = PrivateKey.random();
    PrivateKey keyB = PrivateKey.random();
    Initiator a = Initiator.create(keyA, keyB.publicKey(), random);
    Recipient b = Recipient.create(keyB, random);
    byte[] ack = b.readAuth(a.authPacket());
    return new FrameCodec[] {new FrameCodec(a.readAck(ack), maxFrameSize), new FrameCodec(b.secrets(), maxFrameSize)};
  }

  @Test
  void framesRoundTripBothWaysInSequence() {
    FrameCodec[] ends = pair(random, FrameCodec.MAX_FRAME_SIZE);
    for (int size : new int[] {0, 1, 15, 16, 17, 100, 4096, 70_000}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      byte[] wire = ends[0].encode(data);
      assertThat(wire.length % 16).isZero();
      assertThat(ends[1].decode(ByteBuffer.wrap(wire))).isEqualTo(data);
      byte[] reply = ends[1].encode(data, 1, 7);
      assertThat(ends[0].decode(ByteBuffer.wrap(reply))).isEqualTo(data);
    }
  }

  @Test
  void decodesAStreamFedInSmallPieces() {
    FrameCodec[] ends = pair(random, FrameCodec.MAX_FRAME_SIZE);
    byte[] first = ends[0].encode("hello".getBytes());
    byte[] second = ends[0].encode(new byte[300]);
    byte[] stream = new byte[first.length + second.length];
    System.arraycopy(first, 0, stream, 0, first.length);
    System.arraycopy(second, 0, stream, first.length, second.length);

    ByteBuffer buffer = ByteBuffer.allocate(stream.length);
    int frames = 0;
    for (int i = 0; i < stream.length; i += 7) {
      buffer.put(stream, i, Math.min(7, stream.length - i)).flip();
      byte[] data;
      while ((data = ends[1].decode(buffer)) != null) {
        assertThat(data).isEqualTo(frames == 0 ? "hello".getBytes() : new byte[300]);
        frames++;
      }
      buffer.compact();
    }
    assertThat(frames).isEqualTo(2);
  }

  @Test
  void tamperedHeaderIsATypedError() {
    FrameCodec[] ends = pair(random, FrameCodec.MAX_FRAME_SIZE);
    byte[] wire = ends[0].encode(new byte[32]);
    wire[2] ^= 1;
    assertThatThrownBy(() -> ends[1].decode(ByteBuffer.wrap(wire)))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_HEADER_MAC));
  }

  @Test
  void tamperedBodyIsATypedError() {
    FrameCodec[] ends = pair(random, FrameCodec.MAX_FRAME_SIZE);
    byte[] wire = ends[0].encode(new byte[32]);
    wire[40] ^= 1;
    assertThatThrownBy(() -> ends[1].decode(ByteBuffer.wrap(wire)))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FRAME_MAC));
  }

  @Test
  void tamperedFrameMacIsATypedError() {
    FrameCodec[] ends = pair(random, FrameCodec.MAX_FRAME_SIZE);
    byte[] wire = ends[0].encode(new byte[5]);
    wire[wire.length - 1] ^= 1;
    assertThatThrownBy(() -> ends[1].decode(ByteBuffer.wrap(wire)))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_FRAME_MAC));
  }

  @Test
  void oversizedFrameIsRejectedFromItsHeader() {
    FrameCodec[] ends = pair(random, 1024);
    byte[] wire = ends[0].encode(new byte[1025]);
    // Only the header is needed to refuse it; the body never has to be buffered.
    ByteBuffer headerOnly = ByteBuffer.wrap(wire, 0, 32);
    assertThatThrownBy(() -> ends[1].decode(headerOnly))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FRAME_TOO_LARGE));
  }

  @Test
  void framesFromAnotherSessionFail() {
    FrameCodec[] ends = pair(random, FrameCodec.MAX_FRAME_SIZE);
    FrameCodec[] other = pair(random, FrameCodec.MAX_FRAME_SIZE);
    byte[] wire = other[0].encode(new byte[10]);
    assertThatThrownBy(() -> ends[1].decode(ByteBuffer.wrap(wire))).isInstanceOf(RlpxException.class);
  }

  @Test
  void randomAndMutatedInputOnlyEverFailsTyped() {
    java.util.Random fuzz = new java.util.Random(3);
    for (int round = 0; round < 300; round++) {
      FrameCodec[] ends = pair(random, 4096);
      byte[] wire = round % 2 == 0 ? ends[0].encode(new byte[fuzz.nextInt(200)]) : new byte[32 + fuzz.nextInt(300)];
      if (round % 2 == 0) {
        wire[fuzz.nextInt(wire.length)] ^= (byte) (1 + fuzz.nextInt(255));
      } else {
        fuzz.nextBytes(wire);
      }
      try {
        ends[1].decode(ByteBuffer.wrap(wire));
      } catch (RlpxException expected) {
        // the only acceptable failure
      }
    }
  }
}
