package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linden.p2p.rlpx.Eip8Vectors.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.linden.types.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Bytes produced by another implementation (@ethereumjs/devp2p 10.0.0 and snappyjs
 * 0.7.0): A's first two frames after the EIP-8 Auth₂/Ack₂ handshake, and a Snappy block.
 * Frame encoding has no randomness once the secrets are fixed, so ours must match
 * byte for byte.
 */
class RlpxCrossImplementationTest {
  private static final String FRAME_HELLO =
      "f25925f27a7e8fa7ba4cbb3756ff0ca173bd12de890bd66fc17977b0ad12a57257d6beb183eee2c8e2a40120778b1d76158739f9b5d24d8db538c74b873b4a21";
  private static final String FRAME_SEVENS =
      "c6b2bb6bb5cb17b2f98088cc80674b69222c4555054f14ceb7fecc289080379fba6b52b33aff15cc234228062e56432c142231ee65868199db3ad38a277dffe9"
          + "cf00e50fdcaf0a3fe0c99b0908f50f0ab499a01625f5f8ad10548844717e4570";
  private static final byte[] SEVENS = filled(40, (byte) 7);

  @Test
  void initiatorFramesMatchEthereumJs() {
    Initiator a = new Initiator(STATIC_A, STATIC_B.publicKey(), EPHEMERAL_A, NONCE_A, new SecureRandom());
    a.useSentAuth(AUTH_2);
    FrameCodec codec = new FrameCodec(a.readAck(ACK_2));
    assertThat(Bytes.wrap(codec.encode("hello".getBytes(StandardCharsets.US_ASCII))).toUnprefixedHex()).isEqualTo(FRAME_HELLO);
    assertThat(Bytes.wrap(codec.encode(SEVENS)).toUnprefixedHex()).isEqualTo(FRAME_SEVENS);
  }

  @Test
  void recipientReadsEthereumJsFrames() {
    Recipient b = new Recipient(STATIC_B, EPHEMERAL_B, NONCE_B, new SecureRandom());
    b.readAuthMessage(AUTH_2);
    FrameCodec codec = new FrameCodec(b.secretsAfterSending(ACK_2));
    ByteBuffer in = ByteBuffer.wrap(Bytes.fromHex(FRAME_HELLO + FRAME_SEVENS).toArray());
    assertThat(codec.decode(in)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    assertThat(codec.decode(in)).isEqualTo(SEVENS);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void decodesASnappyJsBlock() {
    byte[] block = Bytes.fromHex(
            "607874686520717569636b2062726f776e20666f78206a756d7073206f76657220011f206c617a7920646f673b050e0071522d0020"
                + "616761696e20616e643e0a00")
        .toArray();
    String text = "the quick brown fox jumps over the lazy dog; the quick brown fox jumps again and again and again";
    assertThat(new String(Snappy.decompress(block, 1000), StandardCharsets.US_ASCII)).isEqualTo(text);
  }

  private static byte[] filled(int size, byte value) {
    byte[] b = new byte[size];
    Arrays.fill(b, value);
    return b;
  }
}
