package org.linden.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linden.p2p.identity.NodeKey;
import org.linden.p2p.testing.Await;
import org.linden.p2p.transport.P2pConfig;
import org.linden.p2p.transport.P2pServer;
import org.linden.p2p.transport.Protocol;
import org.linden.types.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server against a hand-driven socket: legacy and EIP-8 handshakes, and bytes no
 * honest peer sends. The server must answer or hang up, and keep serving others.
 */
class RawSocketServerTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final NodeKey serverKey = NodeKey.random();
  private P2pServer server;

  @BeforeEach
  void start() {
    Protocol toy = Protocol.of("toy", 1, 3, (peer, code, payload) -> {});
    server = new P2pServer(serverKey, P2pConfig.defaults().withListen("127.0.0.1", 0), List.of(toy));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A client that does the RLPx handshake by hand over a blocking socket. */
  private final class RawClient implements AutoCloseable {
    final NodeKey key = NodeKey.random();
    final Socket socket;
    final InputStream in;
    ByteBuffer pending = ByteBuffer.allocate(0);
    MessageCodec codec;

    RawClient() throws IOException {
      socket = new Socket("127.0.0.1", server.port());
      socket.setSoTimeout(20_000);
      in = socket.getInputStream();
    }

    void handshake(boolean legacy) throws IOException {
      Initiator initiator = Initiator.create(key.privateKey(), serverKey.publicKey(), RANDOM);
      socket.getOutputStream().write(legacy ? initiator.legacyAuthPacket() : initiator.authPacket());
      HandshakeReader reader = HandshakeReader.forAck(key.privateKey());
      byte[] ack;
      while ((ack = reader.read(pending)) == null) {
        fill();
      }
      codec = new MessageCodec(new FrameCodec(initiator.readAck(ack)));
    }

    /** The next message, or null at end of stream. */
    RawMessage next() throws IOException {
      RawMessage m;
      while ((m = codec.decode(pending)) == null) {
        if (!fill()) {
          return null;
        }
      }
      return m;
    }

    boolean fill() throws IOException {
      byte[] chunk = new byte[4096];
      int n = in.read(chunk);
      if (n < 0) {
        return false;
      }
      ByteBuffer grown = ByteBuffer.allocate(pending.remaining() + n);
      grown.put(pending).put(chunk, 0, n).flip();
      pending = grown;
      return true;
    }

    void send(byte[] bytes) throws IOException {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    }

    /** Reads until the server closes; true if it did. */
    boolean closedByServer() {
      try {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
          // drain
        }
        return true;
      } catch (SocketException e) {
        return true; // reset: closed as well
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private void serverStillServesOthers() throws Exception {
    try (P2pServer other = new P2pServer(NodeKey.random(), P2pConfig.defaults().withListen("127.0.0.1", 0),
        List.of(Protocol.of("toy", 1, 3, (peer, code, payload) -> {})))) {
      other.start();
      assertThat(other.connect(server.enode()).get(20, TimeUnit.SECONDS).isConnected()).isTrue();
    }
  }

  @Test
  void legacyAndEip8HandshakesBothGetHello() throws Exception {
    for (boolean legacy : new boolean[] {true, false}) {
      try (RawClient client = new RawClient()) {
        client.handshake(legacy);
        RawMessage first = client.next();
        assertThat(first.code()).isEqualTo(P2pMessage.HELLO);
        Hello hello = (Hello) P2pMessage.decode(first.code(), first.payload());
        assertThat(hello.nodeId()).isEqualTo(serverKey.publicKey());
        assertThat(hello.capabilities()).containsExactly(new Capability("toy", 1));
      }
    }
  }

  @Test
  void garbageInsteadOfAuthIsHungUpOn() throws Exception {
    try (RawClient client = new RawClient()) {
      byte[] garbage = new byte[2 + 320];
      RANDOM.nextBytes(garbage);
      garbage[0] = 0x01;
      garbage[1] = 0x40; // claims 320 bytes, which then fail to decrypt
      client.send(garbage);
      assertThat(client.closedByServer()).isTrue();
    }
    try (RawClient client = new RawClient()) {
      client.send(new byte[] {0x00, 0x05}); // an EIP-8 size too small for any packet
      client.send(new byte[400]);
      assertThat(client.closedByServer()).isTrue();
    }
    serverStillServesOthers();
  }

  @Test
  void aFrameWithABadMacEndsInProtocolBreachAndABan() throws Exception {
    NodeKey clientKey;
    try (RawClient client = new RawClient()) {
      clientKey = client.key;
      client.handshake(false);
      assertThat(client.next().code()).isEqualTo(P2pMessage.HELLO);
      byte[] frame = client.codec.encode(Hello.of("raw", List.of(new Capability("toy", 1)), client.key.publicKey()));
      frame[frame.length - 1] ^= 1;
      client.send(frame);

      RawMessage reply = client.next();
      assertThat(reply).isNotNull();
      assertThat(reply.code()).isEqualTo(P2pMessage.DISCONNECT);
      assertThat(((Disconnect) P2pMessage.decode(reply.code(), reply.payload())).reason())
          .isEqualTo(DisconnectReason.PROTOCOL_BREACH);
      assertThat(client.closedByServer()).isTrue();
    }
    Await.until("client banned", () -> server.peers().isBanned(clientKey.nodeId()));
    serverStillServesOthers();
  }

  @Test
  void randomBytesAfterTheHandshakeFailTheHeaderMac() throws Exception {
    try (RawClient client = new RawClient()) {
      client.handshake(false);
      byte[] noise = new byte[64];
      RANDOM.nextBytes(noise);
      client.send(noise);
      RawMessage first = client.next();
      RawMessage reply = first.code() == P2pMessage.HELLO ? client.next() : first;
      assertThat(reply.code()).isEqualTo(P2pMessage.DISCONNECT);
      assertThat(client.closedByServer()).isTrue();
    }
    serverStillServesOthers();
  }

  @Test
  void malformedHelloIsAProtocolBreach() throws Exception {
    try (RawClient client = new RawClient()) {
      client.handshake(false);
      assertThat(client.next().code()).isEqualTo(P2pMessage.HELLO);
      client.send(client.codec.encode(P2pMessage.HELLO, Bytes.fromHex("c3010203").toArray()));
      RawMessage reply = client.next();
      assertThat(reply.code()).isEqualTo(P2pMessage.DISCONNECT);
      assertThat(Arrays.equals(reply.payload(), new Disconnect(DisconnectReason.PROTOCOL_BREACH).encode())).isTrue();
    }
    serverStillServesOthers();
  }

  @Test
  void aHelloWithAnotherNodesKeyIsRefused() throws Exception {
    try (RawClient client = new RawClient()) {
      client.handshake(false);
      assertThat(client.next().code()).isEqualTo(P2pMessage.HELLO);
      client.send(client.codec.encode(Hello.of("liar", List.of(new Capability("toy", 1)), NodeKey.random().publicKey())));
      RawMessage reply = client.next();
      assertThat(((Disconnect) P2pMessage.decode(reply.code(), reply.payload())).reason())
          .isEqualTo(DisconnectReason.UNEXPECTED_IDENTITY);
    }
  }

  @Test
  void aPeerWithoutSharedProtocolsIsUseless() throws Exception {
    try (RawClient client = new RawClient()) {
      client.handshake(false);
      assertThat(client.next().code()).isEqualTo(P2pMessage.HELLO);
      client.send(client.codec.encode(Hello.of("other", List.of(new Capability("eth", 68)), client.key.publicKey())));
      // Snappy is on once both Hellos said v5, so the Disconnect comes compressed.
      client.codec.enableSnappy();
      RawMessage reply = client.next();
      assertThat(((Disconnect) P2pMessage.decode(reply.code(), reply.payload())).reason())
          .isEqualTo(DisconnectReason.USELESS_PEER);
    }
  }
}
