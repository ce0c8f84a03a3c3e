package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.linden.crypto.PrivateKey;
import org.linden.types.Bytes;
import org.junit.jupiter.api.Test;

class HelloTest {
  @Test
  void decodesTheEip8HelloWithExtraElements() {
    byte[] vector = Bytes.fromHex(
            "f87137916b6e6574682f76302e39312f706c616e39cdc5836574683dc6846d6f726b1682270fb840"
                + "fda1cff674c90c9a197539fe3dfb53086ace64f83ed7c6eabec741f7f381cc803e52ab2cd55d5569"
                + "bce4347107a310dfd5f88a010cd2ffd1005ca406f1842877c883666f6f836261720304")
        .toArray();
    Hello hello = (Hello) P2pMessage.decode(P2pMessage.HELLO, vector);
    assertThat(hello.protocolVersion()).isEqualTo(55);
    assertThat(hello.clientId()).isEqualTo("kneth/v0.91/plan9");
    assertThat(hello.capabilities()).containsExactly(new Capability("eth", 61), new Capability("mork", 22));
    assertThat(hello.listenPort()).isEqualTo(9999);
    assertThat(hello.nodeId().bytes().toUnprefixedHex()).startsWith("fda1cff674c90c9a");
  }

  @Test
  void helloRoundTrips() {
    Hello hello = Hello.of("linden/0.1.0", List.of(new Capability("eth", 68), new Capability("snap", 1)), PrivateKey.random().publicKey());
    assertThat(P2pMessage.decode(P2pMessage.HELLO, hello.encode())).isEqualTo(hello);
    assertThat(hello.protocolVersion()).isEqualTo(5);
    assertThat(hello.listenPort()).isZero();
  }

  @Test
  void snappyOnlyWhenBothSpeakVersion5() {
    var id = PrivateKey.random().publicKey();
    Hello v5 = Hello.of("a", List.of(), id);
    Hello v4 = new Hello(4, "b", List.of(), 0, id);
    assertThat(Hello.snappyBetween(v5, v5)).isTrue();
    assertThat(Hello.snappyBetween(v5, v4)).isFalse();
  }

  @Test
  void disconnectAcceptsEveryEncodingSeenInTheWild() {
    assertThat(P2pMessage.decode(P2pMessage.DISCONNECT, new Disconnect(DisconnectReason.TOO_MANY_PEERS).encode()))
        .isEqualTo(new Disconnect(DisconnectReason.TOO_MANY_PEERS));
    assertThat(P2pMessage.decode(P2pMessage.DISCONNECT, new byte[] {0x04})).isEqualTo(new Disconnect(DisconnectReason.TOO_MANY_PEERS));
    assertThat(P2pMessage.decode(P2pMessage.DISCONNECT, new byte[] {(byte) 0xc0})).isEqualTo(new Disconnect(DisconnectReason.REQUESTED));
    assertThat(P2pMessage.decode(P2pMessage.DISCONNECT, new byte[] {(byte) 0xc1, 0x0b})).isEqualTo(new Disconnect(DisconnectReason.PING_TIMEOUT));
    assertThat(DisconnectReason.of(0x42)).isEqualTo(DisconnectReason.SUBPROTOCOL_ERROR);
  }

  @Test
  void pingAndPongAreEmptyLists() {
    assertThat(Ping.INSTANCE.encode()).containsExactly(0xc0);
    assertThat(P2pMessage.decode(P2pMessage.PING, new byte[] {(byte) 0xc0})).isEqualTo(Ping.INSTANCE);
    assertThat(P2pMessage.decode(P2pMessage.PONG, new byte[] {(byte) 0xc0})).isEqualTo(Pong.INSTANCE);
    assertThat(Pong.INSTANCE.code()).isEqualTo(3);
  }

  @Test
  void malformedPayloadsAreTypedErrors() {
    assertThatThrownBy(() -> P2pMessage.decode(P2pMessage.HELLO, new byte[] {(byte) 0xc3, 1}))
        .isInstanceOfSatisfying(RlpxException.class, e -> assertThat(e.reason()).isEqualTo(RlpxException.Reason.MALFORMED_MESSAGE));
    assertThatThrownBy(() -> P2pMessage.decode(0x07, new byte[] {(byte) 0xc0})).isInstanceOf(RlpxException.class);
  }

  @Test
  void mutatedBaseMessagesOnlyEverFailTyped() {
    java.util.Random fuzz = new java.util.Random(5);
    byte[] hello = Hello.of("linden", List.of(new Capability("eth", 68)), PrivateKey.random().publicKey()).encode();
    for (int round = 0; round < 3000; round++) {
      byte[] input = round % 3 == 0 ? new byte[fuzz.nextInt(80)] : hello.clone();
      if (round % 3 == 0) {
        fuzz.nextBytes(input);
      } else {
        input[fuzz.nextInt(input.length)] = (byte) fuzz.nextInt(256);
      }
      try {
        P2pMessage.decode(round % 2, input);
      } catch (RlpxException expected) {
        // the only acceptable failure
      }
    }
  }
}
